package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue bench export}: export throughput per format on real frames of the sample shot. A run of the shot's
 * frames is rendered first (not timed, on the background each format gets), then each format's writer is timed
 * over {@code --frames} of them with the shot's audio muxed in, as {@code cue render} writes it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Renders frames of the sample shot once, then times writing them in each export format "
                + "(MP4, ProRes 422 HQ, ProRes 4444, PNG sequence) with the shot's audio; reports frames per second "
                + "and file size. Rendering is not included in the figures.")
public final class BenchExportCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "FOLDER", description = "Project to export. Default: the sample.")
    Path project;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "100",
            description = "Frames written per format. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--distinct", paramLabel = "N", defaultValue = "25",
            description = "Distinct rendered frames, cycled (from the middle of the shot). Default: ${DEFAULT-VALUE}.")
    int distinct;

    @Option(names = "--quality", paramLabel = "TIER", defaultValue = "final",
            description = "final (the shot's resolution, 1920x1080 for the sample) or preview. Default: ${DEFAULT-VALUE}.")
    String quality;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "mp4,prores422hq,prores4444,png",
            description = "Formats to time. Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One format's figures. */
    record Result(VideoFormat format, double fps, long bytes) {}

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || distinct < 1) throw new IllegalArgumentException("--frames and --distinct must be positive");
        Quality q = Quality.parse(quality);
        List<VideoFormat> chosen = new ArrayList<>();
        for (String f : formats) {
            VideoFormat v = RenderCommand.parseFormat(f.trim());
            if (v == null) throw new IllegalArgumentException("unknown format '" + f + "' in --formats");
            chosen.add(v);
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadedProject lp = ProjectFiles.open(project != null ? project : SampleProject.path());
        Shot shot = lp.project().shots().get(0);
        List<Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("cue-bench-export");
        RenderSettings settings = RenderSettings.forShot(shot, q);
        try (StudioServices services = new StudioServices()) {
            StudioServices.ShotMedia media = services.media(lp, shot);
            List<PerformanceFrame> all = services.plan(lp.project(), shot, media, 1).frames();
            int from = Math.max(0, all.size() / 2 - distinct / 2);
            List<PerformanceFrame> run = all.subList(from, Math.min(all.size(), from + distinct));
            List<RgbaImage> opaque = null;
            List<RgbaImage> clear = null;
            for (VideoFormat format : chosen) {
                RenderSettings s = RenderSettings.forExport(shot, q, format);
                List<RgbaImage> images;
                if (format.hasAlpha()) {
                    if (clear == null) clear = render(services, media, run, s, err);
                    images = clear;
                } else {
                    if (opaque == null) opaque = render(services, media, run, s, err);
                    images = opaque;
                }
                Path out = dir.resolve("export-" + format.name().toLowerCase(Locale.ROOT)
                        + (format.isFolder() ? "" : "." + format.extension()));
                VideoSpec videoSpec = new VideoSpec(format, s.resolution(), shot.frameRate(), media.audioFile(),
                        s.backgroundArgb());
                long t0 = System.nanoTime();
                try (VideoEncoder.Writer writer = services.codecs().videoEncoder().open(out, videoSpec)) {
                    for (int i = 0; i < frames; i++) writer.write(images.get(i % images.size()));
                }
                results.add(new Result(format, frames / ((System.nanoTime() - t0) / 1e9), size(out)));
                deleteTree(out);
            }
        } finally {
            deleteTree(dir);
        }
        print(shot, settings, results);
        return 0;
    }

    private static List<RgbaImage> render(StudioServices services, StudioServices.ShotMedia media,
            List<PerformanceFrame> run, RenderSettings settings, PrintWriter err) {
        err.printf(Locale.ROOT, "bench export: rendering %d frames at %s (not timed)%n", run.size(),
                settings.resolution());
        err.flush();
        return services.backend().render(media.character(), run, settings, CancellationToken.NONE);
    }

    private void print(Shot shot, RenderSettings settings, List<Result> results) {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        if (json) {
            StringBuilder sb = new StringBuilder();
            for (Result r : results) {
                if (!sb.isEmpty()) sb.append(", ");
                sb.append(String.format(Locale.ROOT, "{\"format\": \"%s\", \"fps\": %.1f, \"bytes\": %d}",
                        r.format().name(), r.fps(), r.bytes()));
            }
            out.printf(Locale.ROOT, "{\"benchmark\": \"export\", \"shot\": \"%s\", \"resolution\": \"%s\", "
                    + "\"frame_rate\": \"%s\", \"frames\": %d, \"cores\": %d, \"formats\": [%s]}%n", shot.id(),
                    settings.resolution(), shot.frameRate(), frames, cores, sb);
            return;
        }
        out.printf(Locale.ROOT, "export: shot '%s' at %s, %s fps, %d frames per format with audio, %d cores%n",
                shot.id(), settings.resolution(), shot.frameRate(), frames, cores);
        for (Result r : results) {
            out.printf(Locale.ROOT, "  %-14s %6.1f frames/s  %8.1f MB%n", r.format().name(), r.fps(), r.bytes() / 1e6);
        }
    }

    private static long size(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
