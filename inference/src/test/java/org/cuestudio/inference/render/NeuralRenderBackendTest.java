package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.core.task.CancellationToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neural backend against the fixture model (src/test/python/make_neural_fixture.py): the controls change the
 * pixels the contract says, the reference picture and the seed matter, the output is fitted to the frame, and broken
 * model folders get errors that name the folder, the file and the shapes.
 */
class NeuralRenderBackendTest {
    static NeuralRenderBackend backend;
    static CharacterModel fixture;
    static final RenderSettings NATIVE = new RenderSettings(new Resolution(64, 64), Quality.FINAL, RenderSettings.TRANSPARENT);

    @BeforeAll
    static void open() throws CharacterSheetException {
        backend = new NeuralRenderBackend();
        fixture = backend.loadCharacter(NeuralFixtures.fixture());
    }

    @AfterAll
    static void shut() {
        backend.close();
    }

    static PerformanceFrame frame(Consumer<float[]> edit) {
        float[] v = PerformanceFrame.neutral().toArray();
        edit.accept(v);
        return PerformanceFrame.of(v);
    }

    static RgbaImage one(PerformanceFrame f, RenderSettings s) {
        List<RgbaImage> out = backend.render(fixture, List.of(f), s, CancellationToken.NONE);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    static int[] rgba(RgbaImage img, int x, int y) {
        int p = img.argbAt(x, y);
        return new int[] {p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff, p >>> 24};
    }

    static void assertNear(int[] actual, int[] expected, String what) {
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s: %s vs %s", what, java.util.Arrays.toString(actual),
                    java.util.Arrays.toString(expected)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theFixtureRendersAtItsOwnSizeWithTheReferencesAlpha() {
        List<PerformanceFrame> frames = RenderBackendConformanceTest.variedFrames(5);
        List<RgbaImage> out = backend.render(fixture, frames, NATIVE, CancellationToken.NONE);
        assertThat(out).hasSize(5).allSatisfy(img -> {
            assertThat(img.width()).isEqualTo(64);
            assertThat(img.height()).isEqualTo(64);
            assertThat(img.alphaAt(0, 0)).isZero();
            assertThat(img.alphaAt(32, 32)).isEqualTo(255);
        });
        RgbaImage neutral = one(PerformanceFrame.neutral(), NATIVE);
        assertNear(rgba(neutral, 32, 32), new int[] {242, 204, 179, 255}, "skin");
        assertNear(rgba(neutral, 30, 44), new int[] {204, 77, 77, 255}, "lips");
        assertNear(rgba(neutral, 20, 24), new int[] {51, 77, 153, 255}, "eye on the viewer's left");
    }

    @Test
    void jawOpenDarkensTheMouthBoxOnly() {
        RgbaImage neutral = one(PerformanceFrame.neutral(), NATIVE);
        RgbaImage open = one(frame(v -> v[ArkitBlendshape.jawOpen.ordinal()] = 1f), NATIVE);
        assertNear(rgba(open, 30, 44), new int[] {51, 19, 19, 255}, "lips at jawOpen 1 (x 0.25)");
        assertNear(rgba(open, 24, 40), new int[] {61, 51, 45, 255}, "skin in the mouth box");
        assertThat(rgba(open, 32, 32)).isEqualTo(rgba(neutral, 32, 32));
        assertThat(rgba(open, 20, 24)).isEqualTo(rgba(neutral, 20, 24));
    }

    @Test
    void eyeBlinkLeftClosesTheEyeOnTheViewersRight() {
        RgbaImage neutral = one(PerformanceFrame.neutral(), NATIVE);
        RgbaImage blink = one(frame(v -> v[ArkitBlendshape.eyeBlinkLeft.ordinal()] = 1f), NATIVE);
        assertNear(rgba(blink, 40, 24), new int[] {230, 153, 128, 255}, "lid on the viewer's right");
        assertThat(rgba(blink, 20, 24)).as("the other eye stays open").isEqualTo(rgba(neutral, 20, 24));
        RgbaImage half = one(frame(v -> v[ArkitBlendshape.eyeBlinkRight.ordinal()] = 0.5f), NATIVE);
        assertNear(rgba(half, 20, 24), new int[] {140, 115, 140, 255}, "half a lid on the viewer's left");
    }

    @Test
    void headYawShiftsThePictureSideways() {
        RgbaImage neutral = one(PerformanceFrame.neutral(), NATIVE);
        // 90/16 degrees a pixel: 22.5 degrees is 4 pixels toward the viewer's right.
        RgbaImage turned = one(frame(v -> v[Channel.HEAD_YAW.index()] = 22.5f), NATIVE);
        for (int y = 14; y < 60; y += 3) {
            for (int x = 2; x < 58; x++) {
                assertNear(rgba(turned, x + 4, y), rgba(neutral, x, y), "pixel " + x + "," + y);
            }
        }
        assertThat(turned.alphaAt(5, 32)).as("transparent shifted in on the left").isZero();
        assertThat(neutral.alphaAt(5, 32)).isEqualTo(255);
    }

    @Test
    void theSeedIsDerivedFromTheFrameAlone() {
        PerformanceFrame a = frame(v -> v[ArkitBlendshape.browInnerUp.ordinal()] = 0.3f);
        PerformanceFrame b = frame(v -> v[ArkitBlendshape.browInnerUp.ordinal()] = 0.7f);
        for (PerformanceFrame f : List.of(a, b, PerformanceFrame.neutral())) {
            long seed = ModelContract.seed(0, f);
            int expected = (int) Math.floor(Math.floorMod(seed, 251L) / 250.0 * 255 + 0.5);
            assertThat(rgba(one(f, NATIVE), 32, 12)[0]).as("forehead red for seed %d", seed)
                    .isBetween(expected - 1, expected + 1);
        }
        assertThat(ModelContract.seed(0, a)).isNotEqualTo(ModelContract.seed(0, b));
        assertThat(ModelContract.seed(5, a)).isEqualTo(ModelContract.seed(0, a) ^ 5);
    }

    @Test
    void theReferencePictureIsTheModelsInput(@TempDir Path dir) throws Exception {
        Path copy = NeuralFixtures.copyOfFixture(dir);
        BufferedImage green = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) green.setRGB(x, y, 0xff20c040);
        }
        ImageIO.write(green, "png", copy.resolve("reference.png").toFile());
        CharacterModel other = backend.loadCharacter(copy);
        assertThat(other.contentHash()).isNotEqualTo(fixture.contentHash());
        RgbaImage img = backend.render(other, List.of(PerformanceFrame.neutral()), NATIVE, CancellationToken.NONE).get(0);
        assertNear(rgba(img, 32, 32), new int[] {0x20, 0xc0, 0x40, 255}, "green reference");
        assertThat(img.alphaAt(0, 0)).as("an opaque reference gives an opaque corner").isEqualTo(255);
    }

    @Test
    void containFitsTheSquareOutputCentredWithTransparentMargins() {
        RenderSettings wide = new RenderSettings(new Resolution(640, 360), Quality.PREVIEW, RenderSettings.TRANSPARENT);
        RgbaImage img = one(PerformanceFrame.neutral(), wide);
        assertThat(img.width()).isEqualTo(640);
        assertThat(img.height()).isEqualTo(360);
        // 64 -> 360 square, from x = 140 to 500.
        assertThat(img.alphaAt(139, 180)).isZero();
        assertThat(img.alphaAt(500, 180)).isZero();
        assertThat(img.alphaAt(320, 180)).isEqualTo(255);
        assertNear(rgba(img, 320, 180), new int[] {242, 204, 179, 255}, "skin at the centre");
        // The lips (model 26..37 x 42..45) land at 140 + 5.625 x.
        assertNear(rgba(img, 140 + (int) (32 * 5.625), (int) (43.5 * 5.625)), new int[] {204, 77, 77, 255}, "lips");
        RgbaImage grey = one(PerformanceFrame.neutral(), wide.withBackground(0xff102030));
        assertThat(grey.argbAt(0, 0)).isEqualTo(0xff102030);
        assertThat(grey.argbAt(320, 180)).isEqualTo(img.argbAt(320, 180));
    }

    @Test
    void coverAndStretchFillTheFrame(@TempDir Path dir) throws Exception {
        for (String fit : List.of("cover", "stretch")) {
            Path copy = NeuralFixtures.copyOfFixture(dir.resolve(fit));
            Path json = copy.resolve("model.json");
            Files.writeString(json, Files.readString(json).replace("\"contain\"", "\"" + fit + "\""));
            CharacterModel m = backend.loadCharacter(copy);
            RgbaImage img = backend.render(m, List.of(PerformanceFrame.neutral()),
                    new RenderSettings(new Resolution(128, 64), Quality.FINAL, RenderSettings.TRANSPARENT),
                    CancellationToken.NONE).get(0);
            if (fit.equals("cover")) {
                // 64 -> 128 square, rows 32..95 shown: the disc touches the top and bottom edges in the middle.
                assertThat(img.alphaAt(64, 0)).as(fit).isEqualTo(255);
                assertThat(img.alphaAt(0, 32)).as(fit).isZero();
            } else {
                assertThat(img.alphaAt(64, 32)).as(fit).isEqualTo(255);
                assertThat(img.alphaAt(12, 32)).as("the disc is stretched wide").isEqualTo(255);
                assertThat(img.alphaAt(0, 0)).as(fit).isZero();
            }
        }
    }

    @Test
    void aModelOfTheWrongShapeIsRefusedNamingTheFolderAndTheShapes() {
        assertThatThrownBy(() -> backend.loadCharacter(NeuralFixtures.wrongShape()))
                .isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining(NeuralFixtures.wrongShape().toAbsolutePath().toString())
                .hasMessageContaining("model.pt")
                .hasMessageContaining("(1, 3, 64, 64)")
                .hasMessageContaining("(1, 4, 64, 64)");
    }

    @Test
    void aModelFolderWithoutAManifestIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> backend.loadCharacter(dir)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("has no model.json");
    }

    @Test
    void aCorruptManifestIsNamed(@TempDir Path dir) throws IOException {
        Path copy = NeuralFixtures.copyOfFixture(dir);
        Path json = copy.resolve("model.json");
        Files.writeString(json, "{\"format\": 1, \"name\": ");
        assertThatThrownBy(() -> backend.loadCharacter(copy)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void manifestMistakesNameTheFileAndTheField(@TempDir Path dir) throws IOException {
        Map<String, String> cases = Map.of(
                "\"output\": {\"width\": 64, \"height\": 64, \"fit\": \"contain\"},", "\"output\" is missing",
                "\"format\": 1,", "\"format\" is missing",
                "\"model\": \"model.pt\",", "\"model\" is missing",
                "\"batch\": 2,", "\"batch\" must be in 1..64, got 0");
        int i = 0;
        for (var c : cases.entrySet()) {
            Path copy = NeuralFixtures.copyOfFixture(dir.resolve("c" + i++));
            Path json = copy.resolve("model.json");
            String text = Files.readString(json);
            assertThat(text).contains(c.getKey());
            String edited = c.getKey().startsWith("\"batch\"") ? text.replace(c.getKey(), "\"batch\": 0,")
                    : text.replace(c.getKey(), "");
            Files.writeString(json, edited);
            assertThatThrownBy(() -> backend.loadCharacter(copy)).as(c.getValue())
                    .isInstanceOf(CharacterSheetException.class)
                    .hasMessageContaining(json.toString()).hasMessageContaining(c.getValue());
        }
        Path escape = NeuralFixtures.copyOfFixture(dir.resolve("escape"));
        Path json = escape.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"model.pt\"", "\"../fixture/model.pt\""));
        assertThatThrownBy(() -> backend.loadCharacter(escape)).hasMessageContaining("inside the model folder");
    }

    @Test
    void aFileThatIsNotTorchScriptOrAPictureIsNamed(@TempDir Path dir) throws IOException {
        Path copy = NeuralFixtures.copyOfFixture(dir);
        Files.writeString(copy.resolve("model.pt"), "not a model");
        assertThatThrownBy(() -> backend.loadCharacter(copy)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining(copy.toString()).hasMessageContaining("model.pt is not a TorchScript module");
        Files.copy(NeuralFixtures.fixture().resolve("model.pt"), copy.resolve("model.pt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(copy.resolve("reference.png"), "not a picture");
        assertThatThrownBy(() -> backend.loadCharacter(copy)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("model folder " + copy + ": reference picture " + copy.resolve("reference.png"))
                .hasMessageContaining("not a PNG or JPEG");
        Files.delete(copy.resolve("reference.png"));
        assertThatThrownBy(() -> backend.loadCharacter(copy)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("reference.png, which is not a file");
    }

    @Test
    void checkSheetReportsTheModelOrWhyItFails() {
        SheetReport ok = backend.checkSheet(NeuralFixtures.fixture());
        assertThat(ok.errors()).isEmpty();
        assertThat(String.join("\n", ok.provides())).contains("model.pt").contains("64x64").contains("contain");
        SheetReport bad = backend.checkSheet(NeuralFixtures.wrongShape());
        assertThat(bad.errors()).singleElement().asString().contains("(1, 3, 64, 64)");
    }

    @Test
    void theProviderIsFoundRankedBelowTheLayersAndSelectedByTheProperty() {
        List<RenderBackendProvider> all = RenderBackendProvider.available();
        assertThat(all).extracting(RenderBackendProvider::id).containsExactly(DjlRenderBackend.ID, NeuralRenderBackend.ID);
        assertThat(RenderBackendProvider.select(null)).isInstanceOf(DjlRenderBackendProvider.class);
        assertThat(RenderBackendProvider.select(" ")).isInstanceOf(DjlRenderBackendProvider.class);
        assertThat(RenderBackendProvider.select(NeuralRenderBackend.ID)).isInstanceOf(NeuralRenderBackendProvider.class);
        assertThatThrownBy(() -> RenderBackendProvider.select("nope")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no render backend 'nope'").hasMessageContaining(NeuralRenderBackend.ID);
        assertThat(backend.diagnostics()).containsEntry("id", NeuralRenderBackend.ID).containsKey("engine");
    }
}
