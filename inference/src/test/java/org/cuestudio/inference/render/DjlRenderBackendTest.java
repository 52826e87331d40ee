package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.CancelledException;
import org.cuestudio.inference.sheet.CanvasRect;
import org.cuestudio.inference.sheet.TestSheets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Renders the "blocky" test sheet on the real engine (CPU here; GPU when there is one). */
class DjlRenderBackendTest {
    private static final CanvasRect CANVAS = new CanvasRect(0, 0, 1000, 1200);
    /** Blocky's frontal view, in canvas units: eye centres, eyeball radii, mouth centre. */
    private static final double LEFT_EYE_X = 422;
    private static final double RIGHT_EYE_X = 578;
    private static final double EYE_Y = 375;
    private static final double EYEBALL_RX = 44;
    private static final double EYEBALL_RY = 30;
    private static final double MOUTH_X = 500;
    private static final double MOUTH_Y = 525;
    private static final RenderSettings PREVIEW = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0xFFE9E4DC);

    private static DjlRenderBackend backend;
    private static CharacterModel blocky;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws CharacterSheetException {
        backend = new DjlRenderBackend();
        blocky = backend.loadCharacter(TestSheets.blocky());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void theProviderIsFoundByServiceLoader() {
        RenderBackendProvider p = ServiceLoader.load(RenderBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.id().equals("djl-layers")).findFirst().orElseThrow();
        assertThat(p).isInstanceOf(DjlRenderBackendProvider.class);
        assertThat(p.rank()).isEqualTo(100);
    }

    @Test
    void describesItself() {
        assertThat(backend.id()).isEqualTo("djl-layers");
        assertThat(backend.version()).isNotBlank();
        assertThat(backend.device()).isIn("cpu()", "gpu(0)");
        assertThat(blocky.name()).isEqualTo("Blocky");
        assertThat(blocky.contentHash()).hasSize(64);
    }

    @Test
    void rendersOneImagePerFrameAtTheRequestedSize() {
        List<PerformanceFrame> frames = List.of(PerformanceFrame.neutral(), new FrameBuilder().blink(1).build(),
                new FrameBuilder().mouth(MouthShape.D).build());
        for (RenderSettings s : List.of(PREVIEW, new RenderSettings(new Resolution(320, 240), Quality.FINAL, 0),
                new RenderSettings(new Resolution(200, 400), Quality.PREVIEW, 0))) {
            List<RgbaImage> images = backend.render(blocky, frames, s, CancellationToken.NONE);
            assertThat(images).hasSize(3).allSatisfy(img -> {
                assertThat(img.width()).isEqualTo(s.resolution().width());
                assertThat(img.height()).isEqualTo(s.resolution().height());
            });
        }
    }

    @Test
    void noFramesGiveNoImages() {
        assertThat(backend.render(blocky, List.of(), PREVIEW, CancellationToken.NONE)).isEmpty();
    }

    @Test
    void aTransparentBackgroundLeavesTheCornersClearAndTheFaceOpaque() {
        RenderSettings s = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0);
        RgbaImage img = one(PerformanceFrame.neutral(), s);
        assertThat(img.alphaAt(0, 0)).isZero();
        assertThat(img.alphaAt(639, 0)).isZero();
        assertThat(img.alphaAt(0, 359)).isZero();
        assertThat(img.alphaAt(639, 359)).isZero();
        Point2D cheek = frame(s, 500, 460);
        assertThat(img.alphaAt((int) cheek.getX(), (int) cheek.getY())).isEqualTo(255);
        // straight alpha: the skin colour comes out as drawn
        assertThat(img.argbAt((int) cheek.getX(), (int) cheek.getY())).isEqualTo(0xFFF2C9A0);
    }

    @Test
    void anOpaqueBackgroundFillsTheCorners() {
        RgbaImage img = one(PerformanceFrame.neutral(), PREVIEW);
        assertThat(img.argbAt(0, 0)).isEqualTo(0xFFE9E4DC);
        assertThat(img.argbAt(639, 359)).isEqualTo(0xFFE9E4DC);
    }

    @Test
    void finalsAreAntialiasedAndOpaqueInside() {
        RenderSettings s = new RenderSettings(Resolution.HD, Quality.FINAL, 0);
        RgbaImage img = one(PerformanceFrame.neutral(), s);
        Point2D cheek = frame(s, 500, 460);
        assertThat(img.argbAt((int) cheek.getX(), (int) cheek.getY())).isEqualTo(0xFFF2C9A0);
        // along the hair's outer edge some pixels are partly covered
        int y = (int) frame(s, 500, 380).getY();
        long partial = 0;
        for (int x = 0; x < img.width(); x++) {
            int a = img.alphaAt(x, y);
            if (a > 0 && a < 255) partial++;
        }
        assertThat(partial).isBetween(1L, 8L);
    }

    @Test
    void blinkingChangesTheEyesAndNothingElse() {
        RgbaImage open = one(PerformanceFrame.neutral(), PREVIEW);
        RgbaImage shut = one(new FrameBuilder().blink(1).build(), PREVIEW);
        assertThat(differing(open, shut, region(PREVIEW, LEFT_EYE_X, EYE_Y, 50, 45))).isGreaterThan(40);
        assertThat(differing(open, shut, region(PREVIEW, RIGHT_EYE_X, EYE_Y, 50, 45))).isGreaterThan(40);
        assertThat(differing(open, shut, region(PREVIEW, MOUTH_X, MOUTH_Y, 80, 50))).isZero();
        int[] everywhere = {0, 0, 640, 360};
        int[] eyes = region(PREVIEW, 500, EYE_Y, 270, 70);
        assertThat(differing(open, shut, everywhere)).isEqualTo(differing(open, shut, eyes));
    }

    @Test
    void mouthShapesAAndDDiffer() {
        RgbaImage a = one(new FrameBuilder().mouth(MouthShape.A).build(), PREVIEW);
        RgbaImage d = one(new FrameBuilder().mouth(MouthShape.D).build(), PREVIEW);
        assertThat(differing(a, d, region(PREVIEW, MOUTH_X, MOUTH_Y + 10, 60, 60))).isGreaterThan(200);
        assertThat(differing(a, d, region(PREVIEW, 500, EYE_Y, 160, 50))).isZero();
    }

    @Test
    void theMouthCrossFadeFrameLiesBetweenTheTwoShapes() {
        RgbaImage a = one(new FrameBuilder().mouth(MouthShape.A).build(), PREVIEW);
        RgbaImage d = one(new FrameBuilder().mouth(MouthShape.D).build(), PREVIEW);
        RgbaImage mid = one(new FrameBuilder().mouth(MouthShape.D).mouthFrom(MouthShape.A, 0.5).build(), PREVIEW);
        int[] mouth = region(PREVIEW, MOUTH_X, MOUTH_Y + 10, 60, 60);
        assertThat(differing(mid, a, mouth)).isGreaterThan(100);
        assertThat(differing(mid, d, mouth)).isGreaterThan(100);
        // Where the two shapes differ, the mixed frame's colour lies between theirs (each channel, within rounding).
        int between = 0;
        int differ = 0;
        for (int y = mouth[1]; y < mouth[3]; y++) {
            for (int x = mouth[0]; x < mouth[2]; x++) {
                int pa = a.argbAt(x, y);
                int pd = d.argbAt(x, y);
                if (pa == pd) {
                    assertThat(mid.argbAt(x, y)).isEqualTo(pa);
                    continue;
                }
                differ++;
                int pm = mid.argbAt(x, y);
                boolean in = true;
                for (int sh = 0; sh < 24; sh += 8) {
                    int ca = (pa >> sh) & 0xff;
                    int cd = (pd >> sh) & 0xff;
                    int cm = (pm >> sh) & 0xff;
                    in &= cm >= Math.min(ca, cd) - 2 && cm <= Math.max(ca, cd) + 2;
                }
                if (in) between++;
            }
        }
        assertThat(between).isGreaterThan(differ * 9 / 10);
    }

    @Test
    void anOpenRasterCopyOfTheSheetRendersLikeTheSvg(@TempDir Path tmp) throws Exception {
        Path ora = tmp.resolve("blocky-ora");
        org.cuestudio.inference.sheet.OraWriter.main(new String[] {TestSheets.blocky().toString(), ora.toString()});
        CharacterModel raster = backend.loadCharacter(ora);
        List<PerformanceFrame> frames = FrameBuilder.varied(3);
        List<RgbaImage> fromSvg = backend.render(blocky, frames, PREVIEW, CancellationToken.NONE);
        List<RgbaImage> fromOra = backend.render(raster, frames, PREVIEW, CancellationToken.NONE);
        for (int i = 0; i < frames.size(); i++) {
            byte[] p = fromSvg.get(i).pixels();
            byte[] q = fromOra.get(i).pixels();
            assertThat(q).hasSameSizeAs(p);
            long sum = 0;
            for (int k = 0; k < p.length; k++) sum += Math.abs((p[k] & 0xff) - (q[k] & 0xff));
            assertThat((double) sum / p.length).as("mean difference of frame %d", i).isLessThan(1.0);
        }
    }

    @Test
    void pupilsStayInsideTheEyeballWhenGazingFar() {
        RenderSettings s = new RenderSettings(new Resolution(1280, 720), Quality.FINAL, 0);
        for (double[] gaze : new double[][] {{45, 0}, {-45, 0}, {40, 40}, {-40, -40}, {0, 45}}) {
            RgbaImage img = one(new FrameBuilder().gaze(gaze[0], gaze[1]).build(), s);
            int inside = 0;
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    if (!isPupilBlue(img.argbAt(x, y))) continue;
                    assertThat(insideAnEyeball(s, x + 0.5, y + 0.5))
                            .as("pupil-blue pixel %d,%d for gaze %s", x, y, java.util.Arrays.toString(gaze)).isTrue();
                    inside++;
                }
            }
            assertThat(inside).as("pupils visible for gaze %s", java.util.Arrays.toString(gaze)).isGreaterThan(50);
        }
    }

    @Test
    void theSameFramesGiveTheSameBytes() throws Exception {
        List<PerformanceFrame> frames = FrameBuilder.varied(6);
        List<RgbaImage> first = backend.render(blocky, frames, PREVIEW, CancellationToken.NONE);
        List<RgbaImage> second = backend.render(blocky, frames, PREVIEW, CancellationToken.NONE);
        List<RgbaImage> reversed = new ArrayList<>(backend.render(blocky, reversed(frames), PREVIEW, CancellationToken.NONE));
        Collections.reverse(reversed);
        List<RgbaImage> fresh;
        try (DjlRenderBackend other = new DjlRenderBackend()) {
            fresh = other.render(other.loadCharacter(TestSheets.blocky()), frames, PREVIEW, CancellationToken.NONE);
        }
        for (int i = 0; i < frames.size(); i++) {
            assertThat(second.get(i).pixels()).isEqualTo(first.get(i).pixels());
            assertThat(reversed.get(i).pixels()).isEqualTo(first.get(i).pixels());
            assertThat(fresh.get(i).pixels()).isEqualTo(first.get(i).pixels());
        }
    }

    @Test
    void aCancelledTokenStopsBeforeTheFirstFrame() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> backend.render(blocky, List.of(PerformanceFrame.neutral()), PREVIEW, token))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancellingStopsARenderBetweenFrames() throws Exception {
        CancellationToken token = new CancellationToken();
        List<PerformanceFrame> many = Collections.nCopies(5000, PerformanceFrame.neutral());
        CompletableFuture<List<RgbaImage>> running = CompletableFuture.supplyAsync(
                () -> backend.render(blocky, many, PREVIEW, token));
        Thread.sleep(300);
        token.cancel();
        assertThatThrownBy(running::join).hasCauseInstanceOf(CancelledException.class);
        // the worker is free again
        assertThat(backend.render(blocky, List.of(PerformanceFrame.neutral()), PREVIEW, CancellationToken.NONE)).hasSize(1);
    }

    @Test
    void charactersFromAnotherBackendAreRefused() {
        CharacterModel stranger = new CharacterModel() {
            @Override
            public String name() {
                return "stranger";
            }

            @Override
            public String contentHash() {
                return "0".repeat(64);
            }
        };
        assertThatThrownBy(() -> backend.render(stranger, List.of(PerformanceFrame.neutral()), PREVIEW, CancellationToken.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sheetErrorsReachTheCaller() throws Exception {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Frontal\"", "inkscape:label=\"Front\""));
        assertThatThrownBy(() -> backend.loadCharacter(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("Frontal");
    }

    @Test
    void artStyledByClassKeepsItsStyle() throws Exception {
        Path styled = TestSheets.blockyWithSvg(tmp, s -> s.replace("<defs>", "<defs><style>.skin{fill:#f2c9a0}</style>")
                .replace("rx=\"190\" ry=\"225\" fill=\"#f2c9a0\"", "rx=\"190\" ry=\"225\" class=\"skin\""));
        CharacterModel m = backend.loadCharacter(styled);
        RenderSettings s = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0);
        RgbaImage img = backend.render(m, List.of(PerformanceFrame.neutral()), s, CancellationToken.NONE).get(0);
        Point2D cheek = frame(s, 500, 460);
        assertThat(img.argbAt((int) cheek.getX(), (int) cheek.getY())).isEqualTo(0xFFF2C9A0);
    }

    @Test
    void theSampleCharacterRenders() throws Exception {
        Path mira = Path.of("..", "assets", "samples", "hello", "characters", "mira");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(mira.resolve("character.json")), "mira is not drawn yet");
        CharacterModel m = backend.loadCharacter(mira);
        RenderSettings s = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0);
        List<RgbaImage> images = backend.render(m, FrameBuilder.varied(4), s, CancellationToken.NONE);
        assertThat(images).hasSize(4);
        assertThat(images.get(0).alphaAt(0, 0)).isZero();
        Point2D face = frame(s, 500, 300);
        assertThat(images.get(0).alphaAt((int) face.getX(), (int) face.getY())).isEqualTo(255);
    }

    // ---- helpers

    private static List<PerformanceFrame> reversed(List<PerformanceFrame> frames) {
        List<PerformanceFrame> r = new ArrayList<>(frames);
        Collections.reverse(r);
        return r;
    }

    private static RgbaImage one(PerformanceFrame f, RenderSettings s) {
        return backend.render(blocky, List.of(f), s, CancellationToken.NONE).get(0);
    }

    private static Point2D frame(RenderSettings s, double x, double y) {
        return FrameCompositor.toFrame(new Placement(s.resolution().width(), s.resolution().height(), CANVAS), x, y);
    }

    /** The frame rectangle {x0, y0, x1, y1} around a canvas point, w by h canvas units. */
    private static int[] region(RenderSettings s, double cx, double cy, double w, double h) {
        Point2D a = frame(s, cx - w / 2, cy - h / 2);
        Point2D b = frame(s, cx + w / 2, cy + h / 2);
        return new int[] {(int) a.getX(), (int) a.getY(), (int) Math.ceil(b.getX()), (int) Math.ceil(b.getY())};
    }

    private static int differing(RgbaImage a, RgbaImage b, int[] r) {
        int n = 0;
        for (int y = r[1]; y < r[3]; y++) {
            for (int x = r[0]; x < r[2]; x++) {
                if (a.argbAt(x, y) != b.argbAt(x, y)) n++;
            }
        }
        return n;
    }

    /** Blocky's iris colour is #2040c0, used nowhere else. */
    private static boolean isPupilBlue(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return (argb >>> 24) > 0 && b > 120 && b > r + 60 && b > g + 40;
    }

    /** Whether a frame point lies within an eyeball ellipse grown by its outline and a pixel. */
    private static boolean insideAnEyeball(RenderSettings s, double x, double y) {
        double k = s.resolution().height() / CANVAS.height();
        Point2D p;
        try {
            p = new Placement(s.resolution().width(), s.resolution().height(), CANVAS).canvasToFrame()
                    .inverseTransform(new Point2D.Double(x, y), null);
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new AssertionError(e);
        }
        double grow = 2 + 1 / k;
        for (double ex : new double[] {LEFT_EYE_X, RIGHT_EYE_X}) {
            double dx = (p.getX() - ex) / (EYEBALL_RX + grow);
            double dy = (p.getY() - EYE_Y) / (EYEBALL_RY + grow);
            if (dx * dx + dy * dy <= 1) return true;
        }
        return false;
    }
}
