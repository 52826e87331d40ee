package org.cuestudio.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cuestudio.app.StudioServices;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * Ports for view-model tests: real audio through the JDK's WAV reader, a stand-in character, frames that encode
 * their frame number in the first pixel, and takes that write a small file and report progress.
 */
final class FakePorts implements StudioPorts {
    static final CharacterModel CHARACTER = new CharacterModel() {
        @Override
        public String name() {
            return "Stand-in";
        }

        @Override
        public String contentHash() {
            return "0";
        }
    };

    static final CharacterModel PARTNER = new CharacterModel() {
        @Override
        public String name() {
            return "Partner";
        }

        @Override
        public String contentHash() {
            return "1";
        }
    };

    /** Whether {@link #loadCast} loads the partners too (else only the shot's own character, as the default). */
    boolean loadsCast;
    /** The scenes previewed, in order. */
    final List<Scene> scenes = Collections.synchronizedList(new ArrayList<>());
    /** The performances previewed (the first of each scene's), in order. */
    final List<Performance> performances = Collections.synchronizedList(new ArrayList<>());
    @Nullable RuntimeException characterFailure;
    @Nullable Exception audioFailure;
    @Nullable Exception takeFailure;
    boolean cancelTakes;
    final List<Integer> renderedFrames = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ShotAudio loadAudio(LoadedProject project, Shot shot) throws Exception {
        if (audioFailure != null) throw audioFailure;
        Path file = project.resolve(shot.audio());
        AudioClip clip = JavaSoundAudio.decode(file, StudioServices.ANALYSIS_RATE);
        return ShotAudio.of(file, clip, AudioFeatures.analyse(clip, shot.frameRate()));
    }

    @Override
    public CharacterModel loadCharacter(LoadedProject project, Shot shot) {
        if (characterFailure != null) throw characterFailure;
        return CHARACTER;
    }

    @Override
    public RgbaImage renderFrame(Performance performance, CharacterModel character, RenderSettings settings, int frame) {
        renderedFrames.add(frame);
        byte[] px = new byte[16 * 16 * 4];
        px[0] = (byte) frame;
        px[3] = (byte) 255;
        return new RgbaImage(16, 16, px);
    }

    @Override
    public List<CharacterModel> loadCast(LoadedProject project, Shot shot) throws Exception {
        if (!loadsCast) return StudioPorts.super.loadCast(project, shot);
        List<CharacterModel> cast = new ArrayList<>();
        cast.add(loadCharacter(project, shot));
        for (int i = 1; i < shot.cast().size(); i++) cast.add(PARTNER);
        return cast;
    }

    @Override
    public RgbaImage renderFrame(List<Performance> performances, Scene scene, RenderSettings settings, int frame) {
        scenes.add(scene);
        this.performances.add(performances.get(0));
        if (scene.actors().size() != performances.size()) throw new IllegalArgumentException("cast mismatch");
        return renderFrame(performances.get(0), scene.actors().get(0).character(), settings, frame);
    }

    @Override
    public RenderReport renderTake(LoadedProject project, String shotId, Quality quality, long seed, Path output,
            ProgressListener progress, CancellationToken cancel) throws Exception {
        if (takeFailure != null) throw takeFailure;
        int frames = 300;
        for (int f = 1; f <= frames; f++) {
            if (cancelTakes && f == 10) cancel.cancel();
            cancel.throwIfCancelled();
            progress.progress(f, frames, "frame " + f);
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, "take of " + shotId + " at " + quality);
        return new RenderReport(output, frames, frames - 50, 50, 1.5);
    }

    /** The formats asked of {@link #export}, in order. */
    final List<org.cuestudio.core.export.VideoFormat> exported = new java.util.ArrayList<>();

    @Override
    public RenderReport export(LoadedProject project, String shotId, Quality quality, long seed,
            org.cuestudio.core.export.VideoFormat format, Path output, ProgressListener progress,
            CancellationToken cancel) throws Exception {
        exported.add(format);
        RenderReport r = renderTake(project, shotId, quality, seed, output, progress, cancel);
        Files.writeString(output, "export of " + shotId + " as " + format + " at " + quality);
        return r;
    }

    @Override
    public Playback openPlayback(ShotAudio audio) {
        return new Playback.Silent("tests are silent");
    }

    private static final org.cuestudio.core.perform.PerformancePlanner PLANNER =
            new org.cuestudio.core.perform.PerformancePlanner(StudioServices.gestureLibrary());

    @Override
    public org.cuestudio.core.perform.PerformancePlanner planner() {
        return PLANNER;
    }
}
