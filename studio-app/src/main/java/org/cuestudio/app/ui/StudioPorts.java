package org.cuestudio.app.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * What the studio window needs from outside the UI: decoded audio, loaded characters, rendered frames and takes,
 * a sound line. {@link ServicesPorts} implements it over {@link org.cuestudio.app.StudioServices}; tests use
 * lighter ones. Every method may be slow and is called off the JavaFX thread, except {@link #openPlayback} which
 * is cheap enough to call anywhere.
 */
public interface StudioPorts {
    /** Decodes and analyses the shot's audio. */
    ShotAudio loadAudio(LoadedProject project, Shot shot) throws Exception;

    /** Loads the shot's character sheet into the render backend (may first start the backend). */
    CharacterModel loadCharacter(LoadedProject project, Shot shot) throws Exception;

    /** Renders one frame of a performance, for the preview. */
    RgbaImage renderFrame(Performance performance, CharacterModel character, RenderSettings settings, int frame);

    /**
     * Loads the characters of the shot in cast order (its own character, then the partners). The default loads only
     * the shot's own character; the preview then shows that character alone.
     */
    default List<CharacterModel> loadCast(LoadedProject project, Shot shot) throws Exception {
        return List.of(loadCharacter(project, shot));
    }

    /**
     * Renders one frame of a scene, for the preview: {@code performances.get(i)} is the performance of
     * {@code scene.actors().get(i)}. The default renders a scene of one character through {@link #renderFrame}.
     */
    default RgbaImage renderFrame(List<Performance> performances, Scene scene, RenderSettings settings, int frame) {
        if (performances.size() != 1 || !scene.equals(Scene.of(scene.actors().get(0).character()))) {
            throw new UnsupportedOperationException("these ports preview one character only");
        }
        return renderFrame(performances.get(0), scene.actors().get(0).character(), settings, frame);
    }

    /** Renders the shot of {@code project} (a snapshot that may hold unsaved edits) to a video file. */
    RenderReport renderTake(LoadedProject project, String shotId, Quality quality, long seed, Path output,
            ProgressListener progress, CancellationToken cancel) throws Exception;

    /**
     * The record of a take of {@code shot} (as it was rendered, from {@code project}) under {@code id} and
     * {@code name}, for the take list. The default records what the studio itself knows (the shot's hash, the
     * quality, size and seed, the MP4 format); {@link ServicesPorts} adds the backend and the content hashes
     * ({@link org.cuestudio.app.TakeRecorder}).
     *
     * @param output the rendered file relative to the project folder, or null when it lies outside
     */
    default Take recordTake(LoadedProject project, Shot shot, String id, String name, Quality quality,
            Resolution resolution, long seed, @Nullable String output) throws Exception {
        return new Take(id, name, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, quality, resolution,
                ShotHash.of(project.project(), shot.id()), "unknown", "", 0, false, "", output,
                Map.of(org.cuestudio.app.TakeRecorder.FORMAT, "mp4"));
    }

    /**
     * Exports the shot of {@code project} in {@code format} (a file, or a folder for a PNG sequence). The default
     * writes MP4 through {@link #renderTake} and refuses the other formats.
     */
    default RenderReport export(LoadedProject project, String shotId, Quality quality, long seed,
            org.cuestudio.core.export.VideoFormat format, Path output, ProgressListener progress,
            CancellationToken cancel) throws Exception {
        if (format != org.cuestudio.core.export.VideoFormat.MP4_H264) {
            throw new UnsupportedOperationException("these ports export MP4 only");
        }
        return renderTake(project, shotId, quality, seed, output, progress, cancel);
    }

    /** The performance planner, with the gesture library it performs from (cheap; any thread). */
    PerformancePlanner planner();

    /** The sound line for a shot's audio, or the silent clock. */
    Playback openPlayback(ShotAudio audio);
}
