package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.cache.SqliteSegmentCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue bench playback}: how fast a finished take plays back from the segment cache: the sample's hello shot
 * rendered at final quality (1920x1080) into the project's cache, or reused from it, then every cached segment read
 * and decoded back to frames, timed. Issue 7's target: at least 60 frames per second at 1080p.
 */
@Command(name = "playback", mixinStandardHelpOptions = true,
        description = "Renders a shot (default: the sample's hello) at final quality into the project's segment "
                + "cache, or reuses the segments already there, then times reading and decoding every cached "
                + "segment back to frames, as playback of a finished take does. Target: >= 60 fps at 1080p.")
public final class BenchPlaybackCommand implements Callable<Integer> {
    static final double TARGET_FPS = 60;

    private static volatile long sink;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--project", paramLabel = "FOLDER", description = "Project to use. Default: the sample.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to play. Default: hello, or the first shot.")
    String shot;

    @Option(names = "--frames", paramLabel = "N", description = "Only the first N frames. Default: the whole shot.")
    Integer frames;

    @Option(names = "--passes", paramLabel = "N", defaultValue = "3",
            description = "Timed passes over the cached segments; the best is reported. Default: ${DEFAULT-VALUE}.")
    int passes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (passes < 1) throw new IllegalArgumentException("--passes must be at least 1");
        PrintWriter err = spec.commandLine().getErr();
        LoadedProject lp = ProjectFiles.open(project != null ? project : SampleProject.path());
        Shot s = shot != null ? lp.project().requireShot(shot)
                : lp.project().shots().stream().filter(x -> x.id().equals("hello")).findFirst()
                        .orElse(lp.project().shots().get(0));
        RenderSettings settings = RenderSettings.forExport(s, Quality.FINAL, VideoFormat.MP4_H264);
        ShotRenderer.Result prepared;
        List<String> keys;
        double[] fps = new double[passes];
        int played = 0;
        try (StudioServices services = new StudioServices();
                SqliteSegmentCache cache = SqliteSegmentCache.open(lp.cacheFolder())) {
            StudioServices.ShotMedia media = services.media(lp, s);
            List<Performance> perfs = services.planCast(lp.project(), s, media, 1);
            Scene scene = StudioServices.scene(s, media);
            int n = perfs.get(0).frameCount();
            int to = frames == null ? n : Math.min(n, Math.max(1, frames));
            ShotRenderer renderer = new ShotRenderer(services.backend(), cache);
            err.printf(Locale.ROOT, "bench playback: %s, %d frames at %s into %s (segments already there are "
                    + "reused)%n", s.id(), to, settings.resolution(), lp.cacheFolder());
            err.flush();
            prepared = renderer.render(perfs, scene, settings, 0, to, (i, f) -> { }, ProgressListener.NONE,
                    CancellationToken.NONE);
            keys = renderer.segmentKeys(perfs, scene, settings, 0, to);
            try (SegmentStore.Lease lease = cache.pin(keys)) {
                for (int p = 0; p < passes; p++) {
                    long t0 = System.nanoTime();
                    int count = 0;
                    long checksum = 0;
                    for (String key : keys) {
                        Optional<List<RgbaImage>> segment = cache.get(key);
                        if (segment.isEmpty()) {
                            throw new IllegalStateException("segment " + key + " is not in the cache after "
                                    + "rendering it (is the cache full or read-only?)");
                        }
                        for (RgbaImage img : segment.get()) {
                            checksum += img.pixels()[img.pixels().length / 2];
                            count++;
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    fps[p] = count / seconds;
                    played = count;
                    sink = checksum; // keeps the reads from being optimised away
                }
            }
        }
        double best = 0;
        for (double f : fps) best = Math.max(best, f);
        boolean met = best >= TARGET_FPS;
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        if (json) {
            out.printf(Locale.ROOT, "{\"benchmark\": \"playback\", \"shot\": \"%s\", \"resolution\": \"%s\", "
                    + "\"frames\": %d, \"segments\": %d, \"frames_rendered_first\": %d, \"frames_reused_first\": %d, "
                    + "\"fps_first_pass\": %.1f, \"fps_best\": %.1f, \"passes\": %d, \"cores\": %d, "
                    + "\"target_fps\": %.0f, \"target_met\": %b}%n", s.id(), settings.resolution(), played,
                    keys.size(), prepared.framesRendered(), prepared.framesReused(), fps[0], best, passes, cores,
                    TARGET_FPS, met);
        } else {
            out.printf(Locale.ROOT, "playback of %s from the segment cache at %s: %d frames in %d segments (%d "
                    + "rendered now, %d already cached)%n", s.id(), settings.resolution(), played, keys.size(),
                    prepared.framesRendered(), prepared.framesReused());
            out.printf(Locale.ROOT, "  %.1f fps (best of %d passes; first pass %.1f fps), %d cores%n", best, passes,
                    fps[0], cores);
            out.printf(Locale.ROOT, "  target (>= %.0f fps at 1080p): %s%n", TARGET_FPS, met ? "met" : "NOT met");
        }
        return 0;
    }
}
