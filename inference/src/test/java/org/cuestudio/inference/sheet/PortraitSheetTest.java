package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.SheetReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-portrait sheets: loading the picture and its landmarks, and the errors for broken ones. */
class PortraitSheetTest {
    @TempDir
    Path tmp;

    @Test
    void loadsThePictureAndItsLandmarks() throws Exception {
        CharacterSheet sheet = CharacterSheetLoader.load(TestPortraits.facey());
        Portrait p = sheet.portrait();
        assertThat(p).isNotNull();
        assertThat(sheet.name()).isEqualTo("Facey");
        assertThat(p.width()).isEqualTo(TestPortraits.WIDTH);
        assertThat(p.height()).isEqualTo(TestPortraits.HEIGHT);
        assertThat(p.rgba()).hasSize(TestPortraits.WIDTH * TestPortraits.HEIGHT * 4);
        assertThat(sheet.rig().viewBox()).isEqualTo(new CanvasRect(0, 0, TestPortraits.WIDTH, TestPortraits.HEIGHT));
        assertThat(sheet.sprites()).isEmpty();
        PortraitLandmarks l = p.landmarks();
        assertThat(l.leftEye().upperLid()).hasSize(3);
        assertThat(l.leftEye().leftCorner()).isEqualTo(new CanvasPoint(74, 140));
        assertThat(l.mouth().lipLine().get(1)).isEqualTo(new CanvasPoint(120, 206));
        assertThat(l.chin()).isEqualTo(new CanvasPoint(120, 240));
        assertThat(l.neck()).isNotNull();
    }

    @Test
    void theSampleJunoLoads() throws Exception {
        CharacterSheet sheet = CharacterSheetLoader.load(Path.of("..", "assets", "characters", "juno"));
        assertThat(sheet.portrait()).isNotNull();
        assertThat(sheet.portrait().width()).isEqualTo(720);
        assertThat(Files.size(Path.of("..", "assets", "characters", "juno", "portrait.png"))).isLessThan(1024 * 1024);
        SheetReport r = SheetChecker.check(sheet);
        assertThat(r.usable()).isTrue();
        assertThat(String.join("\n", r.provides())).contains("single portrait 720 x 960", "neck: the body leans");
    }

    @Test
    void aJpegPhotoLoadsOpaque() throws Exception {
        Path dir = TestPortraits.write(tmp.resolve("jpeg"), j -> j.addProperty("art", "portrait.jpg"));
        BufferedImage rgb = new BufferedImage(TestPortraits.WIDTH, TestPortraits.HEIGHT, BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(TestPortraits.picture(), 0, 0, java.awt.Color.GRAY, null);
        assertThat(ImageIO.write(rgb, "jpeg", dir.resolve("portrait.jpg").toFile())).isTrue();
        Portrait p = CharacterSheetLoader.load(dir).portrait();
        assertThat(p).isNotNull();
        for (int i = 3; i < p.rgba().length; i += 4) assertThat(p.rgba()[i]).isEqualTo((byte) 255);
    }

    @Test
    void missingLandmarksAreAnErrorNamingTheFile() {
        assertThat(error(j -> j.remove("landmarks"))).contains("character.json").contains("needs \"landmarks\"");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThat(error(j -> mouth(j).remove("lipLine"))).contains("character.json: landmarks.mouth.lipLine is missing");
        assertThat(error(j -> landmarks(j).getAsJsonObject("leftEye").remove("outer")))
                .contains("landmarks.leftEye.outer is missing");
    }

    @Test
    void aPointOutsideThePictureIsNamed() {
        assertThat(error(j -> landmarks(j).getAsJsonObject("leftEye").getAsJsonArray("upperLid")
                .set(1, TestPortraits.pt(500, 10))))
                .contains("character.json: landmarks.leftEye.upperLid[1] [500, 10] lies outside the 240x320 portrait");
        assertThat(error(j -> landmarks(j).getAsJsonArray("faceOutline").set(0, TestPortraits.pt(-1, 100))))
                .contains("landmarks.faceOutline[0] [-1, 100] lies outside");
    }

    @Test
    void aNonFiniteOrNonNumericPointIsNamed() throws Exception {
        Path dir = TestPortraits.write(tmp.resolve("inf"), j -> { });
        Path json = dir.resolve("character.json");
        String text = Files.readString(json);
        // 1e999 is valid JSON but no finite double.
        Files.writeString(json, text.replaceFirst("\"tip\": \\[\\s*120\\.0,", "\"tip\": [ 1e999,"));
        assertThatThrownBy(() -> CharacterSheetLoader.load(dir)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("landmarks.nose.tip is not a finite number");
        assertThat(error(j -> landmarks(j).getAsJsonObject("nose").add("tip", arrayOf("a", "b"))))
                .contains("landmarks.nose.tip must be a point [x, y] of two numbers");
    }

    @Test
    void wrongCountsAndOrdersAreExplained() {
        assertThat(error(j -> landmarks(j).getAsJsonObject("rightEye").getAsJsonArray("lowerLid").remove(0)))
                .contains("landmarks.rightEye.lowerLid has 2 points; it needs exactly 3");
        assertThat(error(j -> {
            JsonObject eye = landmarks(j).getAsJsonObject("leftEye");
            JsonArray up = eye.getAsJsonArray("upperLid");
            eye.add("upperLid", eye.getAsJsonArray("lowerLid"));
            eye.add("lowerLid", up);
        })).contains("landmarks.leftEye.upperLid[0] must lie above lowerLid[0]");
        assertThat(error(j -> {
            JsonObject l = landmarks(j);
            JsonObject left = l.getAsJsonObject("leftEye");
            l.add("leftEye", l.getAsJsonObject("rightEye"));
            l.add("rightEye", left);
        })).contains("landmarks.leftEye lies right of landmarks.rightEye");
    }

    @Test
    void anOversizedPictureIsRefusedBeforeDecoding() throws Exception {
        Path dir = TestPortraits.write(tmp.resolve("big"), j -> { });
        ImageIO.write(new BufferedImage(Portrait.MAX_SIDE + 1, 2, BufferedImage.TYPE_INT_ARGB), "png",
                dir.resolve("portrait.png").toFile());
        assertThatThrownBy(() -> CharacterSheetLoader.load(dir)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("portrait.png").hasMessageContaining("is 4097x2 pixels; portraits may be at most "
                        + "4096 pixels on a side and 12 megapixels");
    }

    @Test
    void aDamagedPictureIsNamed() throws Exception {
        Path dir = TestPortraits.write(tmp.resolve("damaged"), j -> { });
        Files.writeString(dir.resolve("portrait.png"), "not a picture at all");
        assertThatThrownBy(() -> CharacterSheetLoader.load(dir)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("portrait.png").hasMessageContaining("is not a PNG or JPEG picture");
    }

    @Test
    void theSheetCheckSaysWhatAPortraitProvides() throws Exception {
        SheetReport with = SheetChecker.check(TestPortraits.facey());
        assertThat(with.usable()).isTrue();
        assertThat(String.join("\n", with.provides())).contains("single portrait 240 x 320", "blinks",
                "synthesised mouth interior", "neck: the body leans and breathes");
        assertThat(with.warnings()).noneMatch(w -> w.contains("no neck"));
        SheetReport without = SheetChecker.check(TestPortraits.write(tmp.resolve("noneck"), j -> landmarks(j).remove("neck")));
        assertThat(without.usable()).isTrue();
        assertThat(without.warnings()).anyMatch(w -> w.startsWith("no neck landmarks: no body sway"));
        SheetReport broken = SheetChecker.check(TestPortraits.write(tmp.resolve("broken"), j -> mouth(j).remove("left")));
        assertThat(broken.usable()).isFalse();
        assertThat(broken.errors()).singleElement().asString().contains("landmarks.mouth.left is missing");
    }

    private String error(Consumer<JsonObject> edit) {
        try {
            Path dir = TestPortraits.write(Files.createTempDirectory(tmp, "sheet").resolve("facey"), edit);
            CharacterSheetLoader.load(dir);
        } catch (CharacterSheetException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the sheet loaded");
    }

    private static JsonObject landmarks(JsonObject j) {
        return j.getAsJsonObject("landmarks");
    }

    private static JsonObject mouth(JsonObject j) {
        return landmarks(j).getAsJsonObject("mouth");
    }

    private static JsonArray arrayOf(String a, String b) {
        JsonArray x = new JsonArray();
        x.add(a);
        x.add(b);
        return x;
    }
}
