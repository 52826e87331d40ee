package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.inference.sheet.TestPortraits;
import org.cuestudio.inference.sheet.TestSheets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Single portraits through the DJL backend: the neutral frame is the picture, blinks shut the eyes, mouths open. */
class PortraitRenderTest {
    static DjlRenderBackend backend;
    static CharacterModel facey;

    @BeforeAll
    static void open() throws Exception {
        backend = new DjlRenderBackend();
        facey = backend.loadCharacter(TestPortraits.facey());
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void theNeutralFrameIsThePictureAtOnePixelPerPixel() {
        // 320 rows: the medium framing scales the 320-row picture by exactly 1; the face's middle (x 120) lands at
        // the frame's middle, so the picture starts at column 120.
        RgbaImage img = render(facey, new Resolution(480, 320), Quality.FINAL, PerformanceFrame.neutral());
        assertMatches(img, TestPortraits.picture(), 120);
    }

    @Test
    void theSampleJunoIsItsPictureAtNeutralToo() throws Exception {
        Path juno = Path.of("..", "assets", "characters", "juno");
        CharacterModel model = backend.loadCharacter(juno);
        RgbaImage img = render(model, new Resolution(1440, 960), Quality.PREVIEW, PerformanceFrame.neutral());
        assertMatches(img, ImageIO.read(juno.resolve("portrait.png").toFile()), 360);
    }

    @Test
    void aBlinkCoversTheEyesWithLidSkin() {
        Resolution r = new Resolution(480, 320);
        RgbaImage open = render(facey, r, Quality.FINAL, PerformanceFrame.neutral());
        RgbaImage shut = render(facey, r, Quality.FINAL, new FrameBuilder().blink(1).build());
        for (int[] e : TestPortraits.EYES) {
            int cx = e[0] + 120;
            assertThat(luma(open.argbAt(cx, e[1]))).as("the open iris is dark").isLessThan(40);
            // Every pixel of the eye's opening, away from the line where the lids meet, is now skin.
            int dark = 0, white = 0, skin = 0, total = 0;
            for (int y = e[1] - 7; y <= e[1] + 3; y++) {
                for (int x = cx - 12; x <= cx + 12; x++) {
                    int p = shut.argbAt(x, y);
                    total++;
                    if (luma(p) < 90) dark++;
                    if (luma(p) > 235) white++;
                    if (near(p, TestPortraits.SKIN.getRGB(), 30)) skin++;
                }
            }
            assertThat(dark).as("dark iris pixels left in the shut eye at x %d", e[0]).isZero();
            assertThat(white).as("white pixels left in the shut eye at x %d", e[0]).isZero();
            assertThat(skin).as("skin pixels over the shut eye at x %d", e[0]).isGreaterThan(total * 9 / 10);
        }
    }

    @Test
    void anOpenJawShowsADarkMouthInteriorBetweenTheLips() {
        Resolution r = new Resolution(480, 320);
        PerformanceFrame aa = new FrameBuilder().mouth(MouthShape.D).set(ArkitBlendshape.jawOpen, 0.8).build();
        RgbaImage closed = render(facey, r, Quality.FINAL, PerformanceFrame.neutral());
        RgbaImage open = render(facey, r, Quality.FINAL, aa);
        int x = TestPortraits.LIP_LINE[0] + 120;
        int y = TestPortraits.LIP_LINE[1] + 5;
        assertThat(luma(closed.argbAt(x, y))).as("lip below the line, closed").isGreaterThan(70);
        assertThat(luma(open.argbAt(x, y))).as("cavity below the line, open").isLessThan(60);
        assertThat(open.alphaAt(x, y)).isEqualTo(255);
    }

    @Test
    void theSameFramesGiveTheSameBytes() {
        List<PerformanceFrame> frames = FrameBuilder.varied(6);
        RenderSettings s = new RenderSettings(new Resolution(640, 360), Quality.FINAL, 0);
        List<RgbaImage> a = backend.render(facey, frames, s, CancellationToken.NONE);
        List<RgbaImage> b = backend.render(facey, frames, s, CancellationToken.NONE);
        for (int i = 0; i < frames.size(); i++) assertThat(b.get(i).pixels()).isEqualTo(a.get(i).pixels());
    }

    @Test
    void aPortraitSharesAWideShotWithALayeredCharacter() throws Exception {
        // Facey is the shot's own character (left, in front), blocky its partner (right, behind).
        CharacterModel blocky = backend.loadCharacter(TestSheets.blocky());
        Scene scene = Scene.staged(List.of(facey, blocky));
        assertThat(scene.framing()).isEqualTo(Framing.WIDE);
        RenderSettings s = new RenderSettings(new Resolution(640, 360), Quality.PREVIEW, 0);
        RgbaImage both = backend.render(scene, List.of(List.of(PerformanceFrame.neutral()),
                List.of(PerformanceFrame.neutral())), s, CancellationToken.NONE).get(0);
        int left = 0, right = 0;
        for (int y = 0; y < 360; y++) {
            for (int x = 0; x < 640; x++) {
                if (both.alphaAt(x, y) == 0) continue;
                if (x < 320) left++;
                else right++;
            }
        }
        assertThat(left).as("the portrait's pixels on the left").isGreaterThan(5000);
        assertThat(right).as("the partner's pixels on the right").isGreaterThan(5000);
        // Wide framing: the picture is 0.85 frame heights tall and stands on the bottom edge; the middle of the face
        // outline stands at the staging's x for the first of two characters (a quarter of the frame's width).
        double k = Framing.WIDE.scale() * 360 / TestPortraits.HEIGHT;
        int fx = 160, fy = (int) (360 - TestPortraits.HEIGHT * k + 150 * k);
        assertThat(near(both.argbAt(fx, fy), TestPortraits.SKIN.getRGB(), 6)).as("face at %d,%d: %s", fx, fy,
                Integer.toHexString(both.argbAt(fx, fy))).isTrue();
        assertThat(both.alphaAt(fx, fy)).isEqualTo(255);
    }

    private static RgbaImage render(CharacterModel model, Resolution r, Quality q, PerformanceFrame f) {
        return backend.render(model, List.of(f), new RenderSettings(r, q, 0), CancellationToken.NONE).get(0);
    }

    /** The frame shows the picture at column {@code left}: alpha within 1, colour within 2 where it is not faint. */
    private static void assertMatches(RgbaImage img, BufferedImage pic, int left) {
        int worst = 0;
        for (int y = 0; y < pic.getHeight(); y++) {
            for (int x = 0; x < pic.getWidth(); x++) {
                int want = pic.getRGB(x, y);
                int got = img.argbAt(x + left, y);
                int wa = want >>> 24, ga = got >>> 24;
                int diff = Math.abs(wa - ga);
                if (wa >= 64) {
                    for (int sh = 0; sh < 24; sh += 8) diff = Math.max(diff, Math.abs(((want >> sh) & 0xff) - ((got >> sh) & 0xff)));
                }
                if (diff > worst) worst = diff;
                if (diff > 2) throw new AssertionError("pixel " + x + "," + y + ": want " + Integer.toHexString(want)
                        + ", got " + Integer.toHexString(got));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(2);
        assertThat(img.alphaAt(left - 1, img.height() / 2)).as("left of the picture").isZero();
    }

    private static int luma(int argb) {
        return (int) (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff));
    }

    private static boolean near(int a, int b, int tol) {
        for (int sh = 0; sh < 24; sh += 8) {
            if (Math.abs(((a >> sh) & 0xff) - ((b >> sh) & 0xff)) > tol) return false;
        }
        return true;
    }
}
