package org.cuestudio.inference.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.task.CancellationToken;

/**
 * Measures the renderer's throughput on a sheet: frames per second for 640x360 previews and 1920x1080 finals,
 * over varied poses, after a warm-up that rasterises the sprites.
 *
 * <p>Usage: {@code RenderBenchmark <sheet folder> [frames] [runs] [partner sheet folder]}. Results are printed, one
 * line per tier; with a partner sheet, each tier is also measured for the two characters in one wide frame.
 */
public final class RenderBenchmark {
    private RenderBenchmark() {
    }

    public static void main(String[] args) throws CharacterSheetException {
        if (args.length < 1) {
            System.err.println("usage: RenderBenchmark <sheet folder> [frames, default 100] [runs, default 3]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<PerformanceFrame> frames = FrameBuilder.varied(n);
        try (DjlRenderBackend backend = new DjlRenderBackend()) {
            CharacterModel model = backend.loadCharacter(Path.of(args[0]));
            List<Scene> scenes = new ArrayList<>();
            scenes.add(Scene.of(model));
            if (args.length > 3) scenes.add(Scene.staged(List.of(model, backend.loadCharacter(Path.of(args[3])))));
            for (RenderSettings s : List.of(new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, RenderSettings.DEFAULT_BACKGROUND),
                    new RenderSettings(Resolution.HD, Quality.FINAL, RenderSettings.DEFAULT_BACKGROUND))) {
                for (Scene scene : scenes) {
                    // The partner performs the same poses mirrored in time, so the two do not move in step.
                    List<List<PerformanceFrame>> tracks = new ArrayList<>();
                    for (int i = 0; i < scene.actors().size(); i++) {
                        List<PerformanceFrame> t = new ArrayList<>(frames);
                        if (i % 2 == 1) Collections.reverse(t);
                        tracks.add(t);
                    }
                    List<List<PerformanceFrame>> warm = tracks.stream().map(t -> t.subList(0, Math.min(20, n))).toList();
                    backend.render(scene, warm, s, CancellationToken.NONE); // warm-up, rasterises sprites
                    double best = Double.MAX_VALUE;
                    double total = 0;
                    for (int r = 0; r < runs; r++) {
                        long t0 = System.nanoTime();
                        backend.render(scene, tracks, s, CancellationToken.NONE);
                        double sec = (System.nanoTime() - t0) / 1e9;
                        best = Math.min(best, sec);
                        total += sec;
                    }
                    System.out.printf("%s %s, %d character(s) %s on %s: %.1f fps mean, %.1f fps best (%d frames x %d "
                            + "runs)%n", s.resolution(), s.quality().id(), scene.actors().size(), scene.framing().id(),
                            backend.device(), n * runs / total, n / best, n, runs);
                }
            }
        }
    }
}
