package org.cuestudio.core.render;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Renders frames of a scene in order, exactly one image per frame: {@code frames.get(i)} are the frames of
     * {@code scene.actors().get(i)}, all of the same length. Each character is drawn from its own sheet, its head at
     * its actor's x, scaled and stood by the scene's framing, back to front by {@link Scene#drawOrder()}. The default
     * renders a scene of one character {@linkplain Scene#of centred} through {@link #render(CharacterModel, List,
     * RenderSettings, CancellationToken)} and refuses the rest; backends that place characters override it.
     *
     * @throws UnsupportedOperationException if the backend cannot render this scene
     */
    default List<RgbaImage> render(Scene scene, List<List<PerformanceFrame>> frames, RenderSettings settings,
            CancellationToken cancel) {
        scene.frameCount(frames);
        if (!scene.isSingleCentred()) {
            throw new UnsupportedOperationException("the " + id() + " backend renders one character in a medium "
                    + "shot only, not " + scene.actors().size() + " in a " + scene.framing().id() + " shot");
        }
        return render(scene.actors().get(0).character(), frames.get(0), settings, cancel);
    }

    /**
     * What the backend runs on, for {@code cue doctor}: at least {@code id}, {@code version} and {@code device};
     * backends add their engine's version, thread counts, GPUs found (and why none is used) in insertion order.
     */
    default Map<String, String> diagnostics() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", id());
        d.put("version", version());
        d.put("device", device());
        return d;
    }

    /**
     * Checks a character sheet folder without rendering, for {@code cue sheet check}: what it provides, what is
     * missing and what is used instead. Never throws for a broken sheet: its problems are the report's errors.
     * The default only tries to load it.
     */
    default SheetReport checkSheet(Path sheetFolder) {
        String folder = String.valueOf(sheetFolder.getFileName());
        try {
            CharacterModel m = loadCharacter(sheetFolder);
            return new SheetReport(m.name(), List.of("loads with " + id()), List.of(), List.of());
        } catch (CharacterSheetException | RuntimeException e) {
            return new SheetReport(folder, List.of(), List.of(), List.of(String.valueOf(e.getMessage())));
        }
    }

    @Override
    void close();
}
