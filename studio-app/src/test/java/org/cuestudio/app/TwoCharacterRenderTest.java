package org.cuestudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.app.StudioServices.ShotMedia;
import org.cuestudio.app.cli.SampleCopy;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mira and Otto in one shot of the sample's conversation.wav, rendered through {@link StudioServices}: every
 * character is in every frame, for every format. With {@code -Dcue.duo.stills=DIR} it also writes the stills of
 * docs/images/characters/duo-*.png.
 */
public class TwoCharacterRenderTest {
    static final long SEED = 42;

    @TempDir
    static Path dir;

    static StudioServices services;
    static LoadedProject lp;

    @BeforeAll
    static void open() throws Exception {
        services = new StudioServices();
        lp = duo(ProjectFiles.open(SampleCopy.into(dir)));
    }

    @AfterAll
    static void close() {
        services.close();
    }

    /** The sample with Otto in the cast and a shot "duo" of conversation.wav: Mira speaks, then Otto, and so on. */
    public static LoadedProject duo(LoadedProject lp) {
        Project p = lp.project();
        List<Character> characters = new java.util.ArrayList<>(p.characters());
        if (p.character("otto").isEmpty()) {
            characters.add(new Character("otto", "Otto", "characters/otto", new Personality(0.55, 0.45, 0.4, 0.7, 0.45),
                    Map.of()));
        }
        Partner otto = new Partner("otto", null, List.of(TimeRange.between(Ticks.ofMillis(5200), Ticks.ofMillis(14100)),
                TimeRange.between(Ticks.ofMillis(18500), Ticks.ofSeconds(3600))), List.of());
        Shot shot = new Shot("duo", "Mira and Otto", "audio/conversation.wav", "mira", FrameRate.FPS_25,
                new Resolution(640, 360), List.of(), List.of(otto), List.of(), Map.of(), List.of());
        List<Shot> shots = new java.util.ArrayList<>(p.shots());
        shots.add(shot);
        return lp.with(new Project(p.name(), characters, shots, p.metadata()));
    }

    @Test
    void aTwoCharacterShotRendersEveryFrameToAPngSequenceAndAnMp4() throws Exception {
        Shot shot = lp.project().requireShot("duo");
        int frames = services.frameCount(lp, shot);
        assertThat(frames).isGreaterThan(500);

        Path pngs = dir.resolve("duo-png");
        RenderReport png = services.renderToFile(lp, "duo", Quality.PREVIEW, SEED, VideoFormat.PNG_SEQUENCE, pngs,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(png.frames()).isEqualTo(frames);
        List<Path> files;
        try (Stream<Path> s = Files.list(pngs)) {
            files = s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(files).hasSize(frames);
        // Both characters in the picture, on a transparent background: alpha in each half, clear corners.
        BufferedImage first = ImageIO.read(files.get(frames / 2).toFile());
        assertThat(first.getWidth()).isEqualTo(640);
        assertThat(first.getRGB(0, 0) >>> 24).isZero();
        assertThat(opaque(first, 0, 320)).isGreaterThan(5000);
        assertThat(opaque(first, 320, 640)).isGreaterThan(5000);

        Path mp4 = dir.resolve("duo.mp4");
        RenderReport video = services.renderToFile(lp, "duo", Quality.PREVIEW, SEED, VideoFormat.MP4_H264, mp4,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(video.frames()).isEqualTo(frames);
        assertThat(Files.size(mp4)).isPositive();
        RenderReport again = services.renderToFile(lp, "duo", Quality.PREVIEW, SEED, VideoFormat.MP4_H264, mp4,
                ProgressListener.NONE, CancellationToken.NONE);
        assertThat(again.framesReused()).as("the cache keys of a two-character shot are stable").isEqualTo(frames);
    }

    @Test
    void theWholeCastIsPlannedWithTheTakesSeedAndStagedWide() throws Exception {
        Shot shot = lp.project().requireShot("duo");
        ShotMedia media = services.media(lp, shot);
        List<Performance> cast = services.planCast(lp.project(), shot, media, SEED);
        assertThat(cast).hasSize(2);
        assertThat(cast.get(0).frames()).isEqualTo(services.plan(lp.project(), shot, media, SEED).frames());
        assertThat(cast.get(1).frames()).isEqualTo(services.plan(lp.project(), shot, media, "otto", SEED).frames());
        Scene scene = StudioServices.scene(shot, media);
        assertThat(scene.framing()).isEqualTo(Framing.WIDE);
        assertThat(scene.actors()).extracting(a -> a.character().name()).containsExactly("Mira", "Otto");
        // While Otto speaks, Mira looks toward him (to the viewer's right).
        int f = (int) (10.0 * 25);
        assertThat(cast.get(0).frames().get(f).get(Channel.EYE_YAW)).isPositive();
        Shot close = new Shot(shot.id(), shot.name(), shot.audio(), shot.characterId(), shot.frameRate(),
                shot.resolution(), shot.tracks(), shot.partners(), shot.takes(), Map.of("framing", "close-up"),
                shot.unknown());
        assertThat(StudioServices.framing(close)).isEqualTo(Framing.CLOSE_UP);
    }

    @Test
    void aOneCharacterShotStillRendersOneCharacterAsBefore() throws Exception {
        Shot hello = lp.project().requireShot("hello");
        ShotMedia media = services.media(lp, hello);
        assertThat(StudioServices.scene(hello, media)).isEqualTo(Scene.of(media.character()));
        Performance perf = services.plan(lp.project(), hello, media, SEED);
        RenderSettings s = RenderSettings.forShot(hello, Quality.PREVIEW);
        ShotRenderer r = new ShotRenderer(services.backend(), SegmentStore.NONE);
        assertThat(r.segmentKeys(List.of(perf), StudioServices.scene(hello, media), s, 0, 100))
                .isEqualTo(r.segmentKeys(perf, media.character(), s, 0, 100));
    }

    /** Writes the docs' duo stills when asked to (-Dcue.duo.stills=DIR): 640x360 on the studio's backdrop. */
    @Test
    void writesTheDocumentationStillsWhenAsked() throws Exception {
        String out = System.getProperty("cue.duo.stills");
        if (out == null || out.isBlank()) return;
        Path folder = Files.createDirectories(Path.of(out));
        Shot shot = lp.project().requireShot("duo");
        ShotMedia media = services.media(lp, shot);
        List<Performance> cast = services.planCast(lp.project(), shot, media, SEED);
        ShotRenderer r = new ShotRenderer(services.backend(), SegmentStore.NONE);
        RenderSettings s = RenderSettings.forShot(shot, Quality.PREVIEW);
        Map<String, Double> stills = new java.util.LinkedHashMap<>();
        stills.put("duo-mira-speaks", 2.4);
        stills.put("duo-otto-speaks", 9.0);
        stills.put("duo-otto-speaks-2", 12.2);
        stills.put("duo-mira-answers", 16.0);
        for (var e : stills.entrySet()) {
            int frame = (int) Math.round(e.getValue() * 25);
            write(r.renderFrame(cast, StudioServices.scene(shot, media), s, frame), folder.resolve(e.getKey() + ".png"));
        }
        for (Framing fr : List.of(Framing.CLOSE_UP, Framing.MEDIUM)) {
            Scene scene = Scene.staged(media.castCharacters(), fr);
            write(r.renderFrame(cast, scene, s, 225), folder.resolve("duo-" + fr.id() + ".png"));
        }
    }

    private static void write(RgbaImage img, Path file) throws java.io.IOException {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.height(); y++) for (int x = 0; x < img.width(); x++) b.setRGB(x, y, img.argbAt(x, y));
        ImageIO.write(b, "png", file.toFile());
    }

    private static int opaque(BufferedImage img, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = x0; x < x1; x++) if (img.getRGB(x, y) >>> 24 == 255) n++;
        return n;
    }
}
