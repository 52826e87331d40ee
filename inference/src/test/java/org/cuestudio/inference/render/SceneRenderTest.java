package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.Staging;
import org.cuestudio.core.render.Actor;
import org.cuestudio.core.render.BackgroundImage;
import org.cuestudio.core.render.BackgroundImageException;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.inference.sheet.TestSheets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenes of several characters on the real engine: placement, framing, depth order and background pictures. */
class SceneRenderTest {
    private static final RenderSettings CLEAR = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW,
            RenderSettings.TRANSPARENT);
    private static final int SKIN = 0xFFF2C9A0;
    private static final int BLUE_SKIN = 0xFFA0C9F2;

    @TempDir
    static Path tmp;

    private static DjlRenderBackend backend;
    private static CharacterModel blocky;
    /** Blocky with blue skin: another sheet, told apart by colour. */
    private static CharacterModel bluey;

    @BeforeAll
    static void start() throws CharacterSheetException, IOException {
        backend = new DjlRenderBackend();
        blocky = backend.loadCharacter(TestSheets.blocky());
        bluey = backend.loadCharacter(TestSheets.blockyWithSvg(tmp, svg -> svg.replace("#f2c9a0", "#a0c9f2")));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static RgbaImage one(Scene scene, RenderSettings settings) {
        List<List<PerformanceFrame>> frames = scene.actors().stream().map(a -> List.of(PerformanceFrame.neutral())).toList();
        return backend.render(scene, frames, settings, CancellationToken.NONE).get(0);
    }

    /** Alpha-weighted mean column of the pixels in columns [x0, x1). */
    private static double alphaCentroidX(RgbaImage img, int x0, int x1) {
        double sum = 0, weight = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = x0; x < x1; x++) {
                int a = img.alphaAt(x, y);
                sum += a * (x + 0.5);
                weight += a;
            }
        }
        return sum / weight;
    }

    /** {x0, y0, x1, y1} (exclusive) of the pixels with any alpha. */
    private static int[] alphaBounds(RgbaImage img) {
        int x0 = img.width(), y0 = img.height(), x1 = 0, y1 = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (img.alphaAt(x, y) > 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }

    private static double frameColumn(double frameX, int width) {
        return width * (1 + frameX) / 2;
    }

    @Test
    void twoCharactersStandWithTheirHeadsWhereStagingSays() {
        RgbaImage img = one(Scene.staged(List.of(blocky, bluey)), CLEAR);
        int w = img.width();
        // Blocky is symmetric about its head pivot, so each character's alpha centres on its head.
        assertThat(alphaCentroidX(img, 0, w / 2)).isCloseTo(frameColumn(Staging.head(0, 2).x(), w), within(2.0));
        assertThat(alphaCentroidX(img, w / 2, w)).isCloseTo(frameColumn(Staging.head(1, 2).x(), w), within(2.0));
        // The shot's own character (normal skin) is on the left, the partner on the right.
        assertThat(countColour(img, 0, w / 2, SKIN)).isGreaterThan(500);
        assertThat(countColour(img, w / 2, w, BLUE_SKIN)).isGreaterThan(500);
        assertThat(countColour(img, 0, w / 2, BLUE_SKIN)).isZero();
        // Wide: the canvases stand on the bottom edge, with room above.
        assertThat(img.alphaAt(160, 359)).isPositive();
        assertThat(alphaBounds(img)[1]).isGreaterThan(40);
    }

    @Test
    void threeCharactersSpreadEvenly() {
        RgbaImage img = one(Scene.staged(List.of(blocky, bluey, blocky)), CLEAR);
        int w = img.width();
        assertThat(alphaCentroidX(img, 0, 213)).isCloseTo(frameColumn(-0.5, w), within(2.0));
        assertThat(alphaCentroidX(img, 213, 427)).isCloseTo(frameColumn(0, w), within(2.0));
        assertThat(alphaCentroidX(img, 427, w)).isCloseTo(frameColumn(0.5, w), within(2.0));
    }

    @Test
    void theNearerCharacterIsDrawnOverTheOther() {
        // Both stand in the middle: only depth decides whose face shows.
        Scene blockyFront = new Scene(List.of(new Actor(blocky, 0, 0), new Actor(bluey, 0, 1)), Framing.MEDIUM);
        Scene blueyFront = new Scene(List.of(new Actor(blocky, 0, 1), new Actor(bluey, 0, 0)), Framing.MEDIUM);
        java.awt.geom.Point2D cheek = FrameCompositor.toFrame(new Placement(640, 360,
                new org.cuestudio.inference.sheet.CanvasRect(0, 0, 1000, 1200)), 500, 460);
        int cx = (int) cheek.getX();
        int cy = (int) cheek.getY();
        assertThat(one(blockyFront, CLEAR).argbAt(cx, cy)).isEqualTo(SKIN);
        assertThat(one(blueyFront, CLEAR).argbAt(cx, cy)).isEqualTo(BLUE_SKIN);
        // The staged order puts the shot's own character (first) in front.
        assertThat(Scene.staged(List.of(blocky, bluey)).drawOrder()).containsExactly(1, 0);
    }

    @Test
    void framingsScaleTheCharacterAsDocumented() {
        int[] medium = alphaBounds(one(new Scene(List.of(new Actor(blocky, 0, 0)), Framing.MEDIUM), CLEAR));
        int[] wide = alphaBounds(one(new Scene(List.of(new Actor(blocky, 0, 0)), Framing.WIDE), CLEAR));
        int[] close = alphaBounds(one(new Scene(List.of(new Actor(blocky, 0, 0)), Framing.CLOSE_UP), CLEAR));
        double mw = medium[2] - medium[0];
        assertThat((wide[2] - wide[0]) / mw).isCloseTo(Framing.WIDE.scale(), within(0.03));
        assertThat((close[2] - close[0]) / mw).isCloseTo(Framing.CLOSE_UP.scale(), within(0.03));
        // Wide stands on the bottom edge, lower than medium by the room it leaves above; close-up hangs from the top.
        assertThat(wide[1] - medium[1] * Framing.WIDE.scale()).isCloseTo(360 * Framing.WIDE.top(), within(2.0));
        assertThat(close[1]).isCloseTo((int) Math.round(medium[1] * Framing.CLOSE_UP.scale()), within(2));
    }

    @Test
    void oneCharacterAloneRendersAsItAlwaysDid() {
        PerformanceFrame f = new FrameBuilder().gaze(20, 5).blink(0.3).build();
        for (RenderSettings s : List.of(CLEAR, new RenderSettings(new Resolution(480, 270), Quality.FINAL, SKIN))) {
            RgbaImage single = backend.render(blocky, List.of(f), s, CancellationToken.NONE).get(0);
            RgbaImage scene = backend.render(Scene.of(blocky), List.of(List.of(f)), s, CancellationToken.NONE).get(0);
            assertThat(scene.pixels()).isEqualTo(single.pixels());
            // The canvas is centred as before scenes: its left edge at round((width - canvas width) / 2).
            Placement old = new Placement(s.resolution().width(), s.resolution().height(),
                    new org.cuestudio.inference.sheet.CanvasRect(0, 0, 1000, 1200));
            Placement staged = Placement.staged(s.resolution().width(), s.resolution().height(), old.viewBox(), 500, 0,
                    Framing.MEDIUM);
            assertThat(staged).isEqualTo(old);
        }
    }

    @Test
    void aBackgroundPictureCoversTheFrameBehindTheCharacters() throws IOException {
        // 2:1, wider than the frame: scaled to the frame's height, its middle kept; red left half, blue right half.
        Path png = picture(tmp.resolve("halves.png"), 200, 100, "png");
        RenderSettings s = CLEAR.withBackgroundImage(BackgroundImage.of(png));
        RgbaImage img = one(Scene.staged(List.of(blocky, bluey)), s);
        int w = img.width(), h = img.height();
        for (int[] p : new int[][] {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}, {w / 2, 5}}) {
            assertThat(img.alphaAt(p[0], p[1])).as("alpha at %d,%d", p[0], p[1]).isEqualTo(255);
        }
        assertThat(img.argbAt(2, 2)).isEqualTo(0xFFFF0000);
        assertThat(img.argbAt(w - 3, 2)).isEqualTo(0xFF0000FF);
        assertThat(img.argbAt(w / 2 - 4, 2)).isEqualTo(0xFFFF0000); // the halves meet in the middle
        assertThat(img.argbAt(w / 2 + 4, 2)).isEqualTo(0xFF0000FF);
        assertThat(countColour(img, 0, w / 2, SKIN)).isGreaterThan(500); // the characters are drawn over it
    }

    @Test
    void aTallPictureIsCutTopAndBottomAndAJpegWorksToo() throws IOException {
        Path jpg = picture(tmp.resolve("tall.jpg"), 60, 120, "jpeg");
        RgbaImage img = one(Scene.of(blocky), CLEAR.withBackgroundImage(BackgroundImage.of(jpg)));
        // 60x120 scaled to 640 wide is 1280 tall; its middle third shows: the left half red, the right half blue.
        assertThat(new Color(img.argbAt(5, 180), true).getRed()).isGreaterThan(200);
        assertThat(new Color(img.argbAt(634, 180), true).getBlue()).isGreaterThan(200);
        assertThat(img.alphaAt(0, 0)).isEqualTo(255);
    }

    @Test
    void transparentPartsOfAPictureShowTheBackgroundColour() throws IOException {
        BufferedImage clear = new BufferedImage(32, 18, BufferedImage.TYPE_INT_ARGB);
        Path png = tmp.resolve("clear.png");
        ImageIO.write(clear, "png", png.toFile());
        RenderSettings s = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0xFF336699)
                .withBackgroundImage(BackgroundImage.of(png));
        assertThat(one(Scene.of(blocky), s).argbAt(0, 0)).isEqualTo(0xFF336699);
    }

    @Test
    void aDamagedOrHugePictureIsRefusedByName() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.png"), "not a picture");
        assertThatThrownBy(() -> one(Scene.of(blocky), CLEAR.withBackgroundImage(BackgroundImage.of(junk))))
                .isInstanceOf(BackgroundImageException.class).hasMessageContaining("junk.png");
        Path cut = tmp.resolve("cut.png");
        byte[] whole = Files.readAllBytes(picture(tmp.resolve("whole.png"), 200, 100, "png"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> one(Scene.of(blocky), CLEAR.withBackgroundImage(BackgroundImage.of(cut))))
                .isInstanceOf(BackgroundImageException.class).hasMessageContaining("cut.png");
        Path huge = picture(tmp.resolve("huge.png"), BackgroundImage.MAX_SIDE + 1, 2, "png");
        assertThatThrownBy(() -> one(Scene.of(blocky), CLEAR.withBackgroundImage(BackgroundImage.of(huge))))
                .isInstanceOf(BackgroundImageException.class).hasMessageContaining("huge.png")
                .hasMessageContaining("16385x2");
        Path gif = picture(tmp.resolve("pic.gif"), 20, 10, "gif");
        assertThatThrownBy(() -> one(Scene.of(blocky), CLEAR.withBackgroundImage(BackgroundImage.of(gif))))
                .isInstanceOf(BackgroundImageException.class).hasMessageContaining("pic.gif")
                .hasMessageContaining("PNG or JPEG");
        // The backend is still usable afterwards.
        assertThat(one(Scene.of(blocky), CLEAR).alphaAt(0, 0)).isZero();
    }

    /** A picture, left half red and right half blue. */
    private static Path picture(Path file, int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no writer for " + format);
        return file;
    }

    private static int countColour(RgbaImage img, int x0, int x1, int argb) {
        int n = 0;
        for (int y = 0; y < img.height(); y++) for (int x = x0; x < x1; x++) if (img.argbAt(x, y) == argb) n++;
        return n;
    }
}
