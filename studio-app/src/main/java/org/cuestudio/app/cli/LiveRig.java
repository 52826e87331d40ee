package org.cuestudio.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cuestudio.app.StudioServices;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.edit.CreateTake;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.live.AudioInput;
import org.cuestudio.core.live.LiveClock;
import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.live.LiveLipSyncProvider;
import org.cuestudio.core.live.LiveSession;
import org.cuestudio.core.live.LiveTake;
import org.cuestudio.core.live.Trigger;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.jspecify.annotations.Nullable;

/**
 * What {@code cue live} and {@code cue bench live} share: a {@link LiveSession} wired to the project's shot, the
 * installation's planner and streaming lip-sync, and the render backend at preview size; and the recording of a
 * finished session as a new shot with its take.
 */
final class LiveRig {
    final StudioServices services;
    final LoadedProject lp;
    final Shot shot;
    final Character character;
    final CharacterModel model;
    final RenderSettings settings;

    LiveRig(StudioServices services, LoadedProject lp, Shot shot, boolean transparent) throws Exception {
        this.services = services;
        this.lp = lp;
        this.shot = shot;
        this.character = lp.project().requireCharacter(shot.characterId());
        this.model = services.character(lp, shot.characterId());
        RenderSettings s = StudioServices.withBackground(lp, shot, RenderSettings.forShot(shot, Quality.PREVIEW));
        this.settings = transparent ? s.withBackground(RenderSettings.TRANSPARENT).withBackgroundImage(null) : s;
    }

    /** Decodes a recording at the live sample rate. */
    AudioClip decode(Path file) throws Exception {
        return services.codecs().audioDecoder().decode(file, LiveLipSync.SAMPLE_RATE);
    }

    LiveSession session(AudioInput input, LiveClock clock, long seed, List<Trigger> triggers, int lookAhead, int lag) {
        LiveLipSync lipSync = LiveLipSyncProvider.load().create(lookAhead, lag);
        return new LiveSession(shot, character, services.planner(), lipSync, input, clock, seed, triggers);
    }

    /** Renders a frame at preview size (the shot's own character, centred). */
    RgbaImage render(org.cuestudio.core.perform.PerformanceFrame frame) {
        return services.backend().render(Scene.of(model), List.of(List.of(frame)), settings, CancellationToken.NONE)
                .get(0);
    }

    /**
     * Loads the backend and the character and plans and renders a few frames before the input starts, so that
     * engine start-up and JIT compilation do not stall the first live frames (and overflow the input buffer).
     */
    void warmUp(long seed) {
        var rate = shot.frameRate();
        int n = 5;
        var silent = new org.cuestudio.core.audio.AudioFeatures(rate, rate.frameToTicks(n), new float[n], new boolean[n]);
        var frames = services.planner().plan(shot.withPartners(List.of()), character, silent, seed).frames();
        for (var f : frames) render(f);
    }

    static void writePng(RgbaImage img, Path file) throws IOException {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) b.setRGB(x, y, img.argbAt(x, y));
        }
        javax.imageio.ImageIO.write(b, "png", file.toFile());
    }

    /** What recording a session wrote. */
    record Recorded(LoadedProject lp, Shot shot, Take take, Path audio) {}

    /**
     * Records a finished session: its audio as {@code audio/SHOT-live-N.wav}, the shot performed (directed cues
     * plus the triggers' cues over that audio) and its take (the seed and preview size the session showed), saved
     * through the normal project write path.
     */
    Recorded record(LiveSession.Result result, long seed, @Nullable Path frames) throws Exception {
        Project project = lp.project();
        String id = LiveTake.nextShotId(project, shot.id());
        String rel = "audio/" + id + ".wav";
        Path wav = lp.resolve(rel);
        LiveTake.writeWav(wav, result.audio(), result.audio().length, LiveLipSync.SAMPLE_RATE);
        long duration = org.cuestudio.core.time.Ticks.ofSamples(result.audio().length, LiveLipSync.SAMPLE_RATE);
        Shot performed = LiveTake.performedShot(shot, id, rel,
                LiveTake.cues(result.triggers(), duration, services.planner().gestures()));
        LoadedProject withShot = lp.with(LiveTake.withNewShot(project, performed));
        String output = null;
        if (frames != null) {
            Path f = frames.toAbsolutePath().normalize();
            if (f.startsWith(lp.folder().toAbsolutePath().normalize())) {
                output = lp.folder().toAbsolutePath().normalize().relativize(f).toString().replace('\\', '/');
            }
        }
        Take take = TakeRecorder.record(services, withShot, performed, CreateTake.ID_PREFIX + 1, "Live take 1",
                Quality.PREVIEW, settings.resolution(), seed, VideoFormat.PNG_SEQUENCE, output);
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(take.metadata());
        meta.put("live", String.format(Locale.ROOT, "%d frames, %d shown, %d dropped", result.frames(), result.shown(),
                result.dropped()));
        take = new Take(take.id(), take.name(), take.createdAt(), take.seed(), take.quality(), take.resolution(),
                take.shotHash(), take.backendId(), take.backendVersion(), 0, false, "", take.output(), meta);
        LoadedProject saved = withShot.with(new CreateTake(id, take).apply(withShot.project()));
        ProjectFiles.save(saved.file(), saved.project());
        return new Recorded(saved, saved.project().requireShot(id), take, wav);
    }

    static void ensureFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
