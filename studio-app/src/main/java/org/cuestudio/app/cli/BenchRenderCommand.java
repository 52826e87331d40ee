package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue bench render}: measures the render backend's frames per second on the sample project's characters,
 * 640x360 previews and 1920x1080 finals of their planned performances, after a warm-up that rasterises the
 * sprites, with the peak heap of the run. Issue 6's targets: preview at least 30 fps, final at least 10 fps, peak
 * heap under 2 GB; figures go in {@code docs/benchmarks.md}.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Plans the sample project's shots and renders their performances at 640x360 preview and "
                + "1920x1080 final quality after a warm-up, in segments as a real render does, and reports frames "
                + "per second, the peak heap and the device. Targets: preview >= 30 fps, final >= 10 fps, peak "
                + "heap < 2 GB.")
public final class BenchRenderCommand implements Callable<Integer> {
    static final double PREVIEW_TARGET_FPS = 30;
    static final double FINAL_TARGET_FPS = 10;
    static final double HEAP_TARGET_MB = 2048;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--project", paramLabel = "FOLDER", description = "Project whose shots to render. Default: the sample.")
    Path project;

    @Option(names = "--preview-frames", paramLabel = "N", defaultValue = "250",
            description = "Timed preview frames per character. Default: ${DEFAULT-VALUE}.")
    int previewFrames;

    @Option(names = "--final-frames", paramLabel = "N", defaultValue = "100",
            description = "Timed final frames per character. Default: ${DEFAULT-VALUE}.")
    int finalFrames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "25",
            description = "Warm-up frames per tier before timing. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Spec
    CommandSpec spec;

    /** Frames per second of one character at both tiers. */
    record CharacterResult(String name, int frames, double previewFps, double finalFps) {}

    @Override
    public Integer call() throws Exception {
        if (previewFrames < 1 || finalFrames < 1 || warmup < 0) {
            throw new IllegalArgumentException("frame counts must be positive");
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadedProject lp = ProjectFiles.open(project != null ? project : SampleProject.path());
        List<CharacterResult> results = new ArrayList<>();
        String device;
        Map<String, String> diagnostics;
        resetPeaks();
        try (StudioServices services = new StudioServices()) {
            RenderBackend backend = services.backend();
            device = backend.device();
            diagnostics = backend.diagnostics();
            Map<String, Shot> shotPerCharacter = new LinkedHashMap<>();
            for (Shot s : lp.project().shots()) shotPerCharacter.putIfAbsent(s.characterId(), s);
            for (Shot shot : shotPerCharacter.values()) {
                StudioServices.ShotMedia media = services.media(lp, shot);
                List<PerformanceFrame> frames = services.plan(lp.project(), shot, media, 1).frames();
                err.printf(Locale.ROOT, "bench render: %s, shot '%s' (%d planned frames) on %s%n",
                        media.character().name(), shot.id(), frames.size(), device);
                err.flush();
                double preview = fps(backend, media.character(), frames, new RenderSettings(Resolution.PREVIEW,
                        Quality.PREVIEW, RenderSettings.DEFAULT_BACKGROUND), previewFrames);
                double fin = fps(backend, media.character(), frames, new RenderSettings(Resolution.HD, Quality.FINAL,
                        RenderSettings.DEFAULT_BACKGROUND), finalFrames);
                results.add(new CharacterResult(media.character().name(), frames.size(), preview, fin));
            }
        }
        double peakMb = peakHeapMb();
        double preview = results.stream().mapToDouble(CharacterResult::previewFps).min().orElse(0);
        double fin = results.stream().mapToDouble(CharacterResult::finalFps).min().orElse(0);
        boolean met = preview >= PREVIEW_TARGET_FPS && fin >= FINAL_TARGET_FPS && peakMb < HEAP_TARGET_MB;
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        if (json) {
            StringBuilder chars = new StringBuilder();
            for (CharacterResult r : results) {
                if (!chars.isEmpty()) chars.append(", ");
                chars.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"preview_fps_640x360\": %.1f, "
                        + "\"final_fps_1920x1080\": %.1f}", jsonText(r.name()), r.previewFps(), r.finalFps()));
            }
            out.printf(Locale.ROOT, "{\"benchmark\": \"render\", \"preview_fps_640x360\": %.1f, "
                    + "\"final_fps_1920x1080\": %.1f, \"peak_heap_mb\": %.0f, \"device\": \"%s\", "
                    + "\"backend\": \"%s\", \"engine\": \"%s\", \"cores\": %d, \"max_heap_mb\": %d, "
                    + "\"targets_met\": %b, \"characters\": [%s]}%n", preview, fin, peakMb, jsonText(device),
                    jsonText(diagnostics.getOrDefault("id", "?") + " " + diagnostics.getOrDefault("version", "?")),
                    jsonText(diagnostics.getOrDefault("engine", "")), cores,
                    Runtime.getRuntime().maxMemory() >> 20, met, chars);
        } else {
            out.printf(Locale.ROOT, "render: %s on %s, %d cores (%s)%n", diagnostics.getOrDefault("id", "?"), device,
                    cores, diagnostics.getOrDefault("engine", ""));
            for (CharacterResult r : results) {
                out.printf(Locale.ROOT, "  %-12s preview 640x360 %6.1f fps   final 1920x1080 %5.1f fps%n", r.name(),
                        r.previewFps(), r.finalFps());
            }
            out.printf(Locale.ROOT, "  peak heap %.0f MB (max %d MB)%n", peakMb, Runtime.getRuntime().maxMemory() >> 20);
            out.printf(Locale.ROOT, "  targets (preview >= %.0f fps, final >= %.0f fps, heap < %.0f MB): %s%n",
                    PREVIEW_TARGET_FPS, FINAL_TARGET_FPS, HEAP_TARGET_MB, met ? "met" : "NOT met");
        }
        return 0;
    }

    /**
     * Frames per second over {@code n} frames of the performance (repeated when it is shorter), rendered in
     * segments of {@link ShotRenderer#SEGMENT_FRAMES} as a shot render does, after a warm-up.
     */
    private double fps(RenderBackend backend, CharacterModel character, List<PerformanceFrame> performance,
            RenderSettings settings, int n) {
        List<PerformanceFrame> frames = new ArrayList<>(n);
        for (int i = 0; frames.size() < n; i++) frames.add(performance.get(i % performance.size()));
        if (warmup > 0) render(backend, character, frames.subList(0, Math.min(warmup, n)), settings);
        long t0 = System.nanoTime();
        render(backend, character, frames, settings);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void render(RenderBackend backend, CharacterModel character, List<PerformanceFrame> frames,
            RenderSettings settings) {
        for (int i = 0; i < frames.size(); i += ShotRenderer.SEGMENT_FRAMES) {
            List<PerformanceFrame> segment = frames.subList(i, Math.min(frames.size(), i + ShotRenderer.SEGMENT_FRAMES));
            if (backend.render(character, segment, settings, CancellationToken.NONE).size() != segment.size()) {
                throw new IllegalStateException("the backend returned the wrong number of frames");
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /**
     * The peak heap since {@link #resetPeaks()}: the sum of each heap pool's peak. The pools peak at different
     * moments, so this is an upper bound of the true peak (the honest side for a "below 2 GB" target).
     */
    private static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) bytes += p.getPeakUsage().getUsed();
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
