package org.cuestudio.app.ui;

import java.nio.file.Path;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;

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

    /** Renders the shot of {@code project} (a snapshot that may hold unsaved edits) to a video file. */
    RenderReport renderTake(LoadedProject project, String shotId, Quality quality, long seed, Path output,
            ProgressListener progress, CancellationToken cancel) throws Exception;

    /** The performance planner, with the gesture library it performs from (cheap; any thread). */
    PerformancePlanner planner();

    /** The sound line for a shot's audio, or the silent clock. */
    Playback openPlayback(ShotAudio audio);
}
