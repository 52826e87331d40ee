package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.FrameRange;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue render PROJECT}: renders a shot with its audio to a playable MP4, a ProRes MOV (422 HQ, or 4444 with
 * alpha) or a PNG sequence folder.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Renders a shot with its audio to an MP4 (H.264 + AAC), a ProRes MOV (PCM audio) or a folder "
                + "of RGBA PNGs with audio.wav. ProRes 4444 and PNG keep alpha: the background is transparent. "
                + "Segments already in the project's cache are reused.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to render (default: the first shot).")
    String shot;

    @Option(names = "--quality", paramLabel = "TIER", defaultValue = "final",
            description = "preview (360p, fast) or final (the shot's resolution). Default: ${DEFAULT-VALUE}.")
    String quality;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the micro-performance. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mp4",
            description = "mp4 (H.264 + AAC), prores422hq, prores4444 (with alpha) or png (a folder of RGBA PNGs "
                    + "and audio.wav). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--frames", paramLabel = "A-B",
            description = "Render only frames A to B, both included, counted from 0 (the shot's first frame is 0): one "
                    + "machine's share of a render farm. The frames are those of a whole render; PNG files keep "
                    + "their frame numbers and the audio is that of the range, so ranges stitch into the whole. "
                    + "See docs/render-farm.md.")
    String frames;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file, or folder for png (default: renders/SHOT-QUALITY.mp4, .mov or a folder "
                    + "SHOT-QUALITY-png in the project folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Quality q = Quality.parse(quality);
        VideoFormat videoFormat = parseFormat(format);
        if (videoFormat == null) {
            throw new ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "': use mp4, prores422hq, prores4444 or png");
        }
        FrameRange range = frames == null ? null : FrameRange.parse(frames);
        LoadedProject lp = UsableProject.open(project, err);
        if (lp == null) return 1;
        Shot s = shot == null ? lp.project().shots().get(0) : lp.project().requireShot(shot);
        String defaultName = s.id() + "-" + q.id() + (range == null ? "" : "-" + range)
                + (videoFormat.isFolder() ? "-png" : "." + videoFormat.extension());
        Path target = out != null ? out : lp.folder().resolve("renders").resolve(defaultName);
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!videoFormat.isFolder() && !name.endsWith("." + videoFormat.extension())) {
            err.println("error: --out must name a ." + videoFormat.extension() + " file for --format " + format
                    + ", got " + target);
            return 1;
        }
        if (videoFormat.isFolder() && (name.endsWith(".mp4") || name.endsWith(".mov") || name.endsWith(".png"))) {
            err.println("error: --format png writes a folder of frames; --out must name a folder, got " + target);
            return 1;
        }
        try (StudioServices services = new StudioServices()) {
            ProgressBar bar = new ProgressBar(err);
            StudioServices.RenderReport r = services.renderToFile(lp, s.id(), q, seed, videoFormat, range, target,
                    bar, CancellationToken.NONE);
            bar.done();
            stdout.printf(Locale.ROOT, "%s%s: %d frames (%d rendered, %d reused from cache) in %.1f s -> %s%n", s.id(),
                    range == null ? "" : " frames " + range, r.frames(), r.framesRendered(), r.framesReused(),
                    r.seconds(), r.output());
        }
        return 0;
    }

    /** The format a {@code --format} value names, or null. */
    static @Nullable VideoFormat parseFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mp4", "h264" -> VideoFormat.MP4_H264;
            case "prores422hq", "prores", "prores422" -> VideoFormat.PRORES_422_HQ;
            case "prores4444" -> VideoFormat.PRORES_4444;
            case "png", "png-sequence" -> VideoFormat.PNG_SEQUENCE;
            default -> null;
        };
    }
}
