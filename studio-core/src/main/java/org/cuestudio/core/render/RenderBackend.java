package org.cuestudio.core.render;

import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.task.CancellationToken;

/**
 * Turns performance frames into pictures of one character sheet. It decides what a frame looks like, never
 * what the character does. Backends are found through {@link RenderBackendProvider}; a backend may hold native
 * resources until {@link #close()}.
 */
public interface RenderBackend extends AutoCloseable {
    /** Stable id, part of take records and segment keys. */
    String id();

    /** Version of the backend's output: bump it when the same inputs would give other pixels. */
    String version();

    /** The device it runs on, e.g. "cpu()" or "gpu(0)". */
    String device();

    /** Loads a character sheet folder. */
    CharacterModel loadCharacter(Path sheetFolder) throws CharacterSheetException;

    /** Renders frames in order, exactly one image per frame, each of the settings' resolution. */
    List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames, RenderSettings settings,
            CancellationToken cancel);

    @Override
    void close();
}
