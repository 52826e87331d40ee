package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cuestudio.app.StudioServices;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.edit.CreateTake;
import org.cuestudio.core.edit.ReplaceTake;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.render.FrameRange;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
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
                + "Segments already in the project's cache are reused. Each render is recorded as a take in the "
                + "project (see cue takes), except with --frames or --no-take.")
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
            description = "Output file, or folder for png (default: takes/SHOT-take-N.mp4, .mov or a folder "
                    + "SHOT-take-N-png in the project folder; with --frames or --no-take renders/SHOT-QUALITY...).")
    Path out;

    @Option(names = "--variations", paramLabel = "N", defaultValue = "1",
            description = "Render N takes of the same direction with the seeds SEED, SEED+1, ..., each recorded as a "
                    + "take with its own file. Default: ${DEFAULT-VALUE}.")
    int variations;

    @Option(names = "--take", paramLabel = "ID",
            description = "Render this take (id or name) again with its recorded seed, quality, resolution and "
                    + "format, replacing its file and record (name, rating, circle and notes stay). Only segments "
                    + "whose inputs changed are rendered; the rest come from the cache. See docs/takes.md.")
    String take;

    @Option(names = "--no-take", description = "Do not record the render as a take in the project.")
    boolean noTake;

    @Spec
    CommandSpec spec;

    /** Also told of the progress, once per segment, when the render runs as a queued job (cue queue --run). */
    ProgressListener jobProgress = ProgressListener.NONE;
    /** Cancels the render within a segment, when it runs as a queued job. */
    CancellationToken cancel = CancellationToken.NONE;

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
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw new ParameterException(spec.commandLine(), "--variations must be 1 to " + MAX_VARIATIONS + ", got "
                    + variations);
        }
        if (take != null) {
            for (String clash : List.of("--variations", "--seed", "--quality", "--frames", "--out", "--no-take")) {
                if (given(clash)) {
                    throw new ParameterException(spec.commandLine(), "--take renders a take again as it was "
                            + "recorded; it cannot be combined with " + clash);
                }
            }
        }
        boolean recordTakes = !noTake && range == null;
        if (variations > 1 && (range != null || out != null || noTake)) {
            throw new ParameterException(spec.commandLine(), "--variations records each variation as a take with "
                    + "its own file; it cannot be combined with --frames, --out or --no-take");
        }
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        Shot s = opened.shot();
        try (StudioServices services = new StudioServices()) {
            if (take != null) return rerender(services, lp, s, s.requireTake(take), stdout, err);
            for (int v = 0; v < variations; v++) {
                Shot now = lp.project().requireShot(s.id());
                int number = nextTakeNumber(lp, now);
                String takeId = CreateTake.ID_PREFIX + number;
                String defaultName = recordTakes
                        ? s.id() + "-take-" + number + (videoFormat.isFolder() ? "-png" : "." + videoFormat.extension())
                        : s.id() + "-" + q.id() + (range == null ? "" : "-" + range)
                                + (videoFormat.isFolder() ? "-png" : "." + videoFormat.extension());
                Path target = out != null ? out
                        : lp.folder().resolve(recordTakes ? TAKES_FOLDER : "renders").resolve(defaultName);
                if (!checkTarget(target, videoFormat, err)) return 1;
                long takeSeed = seed + v;
                ProgressBar bar = new ProgressBar(err);
                StudioServices.RenderReport r = services.renderToFile(lp, s.id(), q, takeSeed, videoFormat, range,
                        target, both(bar, jobProgress), cancel);
                bar.done();
                stdout.printf(Locale.ROOT, "%s%s: %d frames (%d rendered, %d reused from cache) in %.1f s -> %s%n",
                        s.id(), range == null ? "" : " frames " + range, r.frames(), r.framesRendered(),
                        r.framesReused(), r.seconds(), r.output());
                if (!recordTakes) continue;
                String rel = insideProject(lp, r.output());
                Resolution size = RenderSettings.forExport(now, q, videoFormat).resolution();
                Take t = TakeRecorder.record(services, lp, now, takeId, "Take " + number, q, size, takeSeed,
                        videoFormat, rel);
                lp = lp.with(new CreateTake(s.id(), t).apply(lp.project()));
                ProjectFiles.save(lp.file(), lp.project());
                stdout.printf(Locale.ROOT, "recorded take %s (seed %d, %s %s)%s in %s%n", t.id(), t.seed(), q.id(),
                        size, rel == null ? "; its file is outside the project folder, so the take records none" : "",
                        lp.file());
            }
        }
        return 0;
    }

    /** Most variations one command renders. */
    static final int MAX_VARIATIONS = 100;
    /** The folder in the project where takes are rendered. */
    static final String TAKES_FOLDER = "takes";

    /**
     * Renders a recorded take again as it was recorded (seed, quality, resolution, format) from the shot as it is
     * now, into a temporary file that then replaces the take's file, and records the new render in place of the
     * old one.
     */
    private int rerender(StudioServices services, LoadedProject lp, Shot s, Take t, PrintWriter stdout,
            PrintWriter err) throws Exception {
        VideoFormat f = t.metadata().containsKey(TakeRecorder.FORMAT) ? parseFormat(t.metadata().get(TakeRecorder.FORMAT))
                : given("--format") ? parseFormat(format) : formatOf(t.output());
        if (f == null) {
            err.println("error: take '" + t.id() + "' does not record its format; name it with --format");
            return 1;
        }
        Path target = t.output() != null ? lp.resolve(t.output())
                : lp.folder().resolve(TAKES_FOLDER).resolve(s.id() + "-" + t.id()
                        + (f.isFolder() ? "-png" : "." + f.extension()));
        if (!checkTarget(target, f, err)) return 1;
        // Rendered at the take's recorded size, whatever the shot's size is now.
        Shot sized = new Shot(s.id(), s.name(), s.audio(), s.characterId(), s.frameRate(), t.resolution(), s.tracks(),
                s.partners(), s.takes(), s.metadata(), s.unknown());
        LoadedProject renderFrom = lp.with(lp.project().withShot(sized));
        String name = target.getFileName().toString();
        Path tmp = target.resolveSibling("." + (f.isFolder() ? name : name.substring(0, name.length()
                - f.extension().length() - 1)) + ".rendering" + (f.isFolder() ? "" : "." + f.extension()));
        deleteRecursively(tmp);
        ProgressBar bar = new ProgressBar(err);
        StudioServices.RenderReport r;
        try {
            r = services.renderToFile(renderFrom, s.id(), t.quality(), t.seed(), f, null, tmp,
                    both(bar, jobProgress), cancel);
        } catch (Exception e) {
            deleteRecursively(tmp);
            throw e;
        }
        bar.done();
        if (f.isFolder()) deleteRecursively(target);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String rel = insideProject(lp, target.toAbsolutePath());
        Take again = TakeRecorder.record(services, lp, s, t.id(), t.name(), t.quality(), t.resolution(), t.seed(), f,
                rel);
        Map<String, String> meta = new LinkedHashMap<>(again.metadata());
        int times = 1 + parseOr0(t.metadata().get(TakeRecorder.RERENDERS));
        meta.put(TakeRecorder.RERENDERS, Integer.toString(times));
        again = new Take(again.id(), again.name(), again.createdAt(), again.seed(), again.quality(),
                again.resolution(), again.shotHash(), again.backendId(), again.backendVersion(), 0, false, "",
                again.output(), meta);
        boolean changed = !t.shotHash().equals(again.shotHash());
        lp = lp.with(new ReplaceTake(s.id(), again).apply(lp.project()));
        ProjectFiles.save(lp.file(), lp.project());
        stdout.printf(Locale.ROOT, "%s: %d frames (%d rendered, %d reused from cache) in %.1f s -> %s%n", s.id(),
                r.frames(), r.framesRendered(), r.framesReused(), r.seconds(), target.toAbsolutePath());
        stdout.printf(Locale.ROOT, "re-rendered take %s (seed %d, %s %s)%s: %.1f%% of its frames rendered, %.1f%% "
                + "reused%n", t.id(), t.seed(), t.quality().id(), t.resolution(),
                changed ? ", the shot had changed since" : ", the shot had not changed",
                100.0 * r.framesRendered() / Math.max(1, r.frames()), 100.0 * r.framesReused() / Math.max(1, r.frames()));
        return 0;
    }

    private static ProgressListener both(ProgressListener a, ProgressListener b) {
        return b == ProgressListener.NONE ? a : (done, total, message) -> {
            a.progress(done, total, message);
            b.progress(done, total, message);
        };
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static int parseOr0(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The format a take's file name suggests (a .mov is taken for ProRes 422 HQ), or null. */
    private static @Nullable VideoFormat formatOf(@Nullable String output) {
        if (output == null) return null;
        String n = output.toLowerCase(Locale.ROOT);
        return n.endsWith(".mp4") ? VideoFormat.MP4_H264 : n.endsWith(".mov") ? VideoFormat.PRORES_422_HQ
                : n.endsWith("-png") ? VideoFormat.PNG_SEQUENCE : null;
    }

    /** Checks that the output names a file of the format (or a folder for png); prints why not. */
    private boolean checkTarget(Path target, VideoFormat videoFormat, PrintWriter err) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!videoFormat.isFolder() && !name.endsWith("." + videoFormat.extension())) {
            err.println("error: --out must name a ." + videoFormat.extension() + " file for --format " + format
                    + ", got " + target);
            return false;
        }
        if (videoFormat.isFolder() && (name.endsWith(".mp4") || name.endsWith(".mov") || name.endsWith(".png"))) {
            err.println("error: --format png writes a folder of frames; --out must name a folder, got " + target);
            return false;
        }
        return true;
    }

    /**
     * The next take number of the shot: after its highest {@code take-N} and after any {@code SHOT-take-N} file
     * already in the takes folder, so that a new take never overwrites a file.
     */
    static int nextTakeNumber(LoadedProject lp, Shot shot) throws IOException {
        int n = CreateTake.nextNumber(shot);
        Path folder = lp.folder().resolve(TAKES_FOLDER);
        if (!Files.isDirectory(folder)) return n;
        Pattern file = Pattern.compile(Pattern.quote(shot.id()) + "-take-(\\d{1,9})(-png|\\..+)?");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Matcher m = file.matcher(p.getFileName().toString());
                if (m.matches()) n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return n;
    }

    /** The path relative to the project folder ('/'-separated), or null when it lies outside it. */
    static @Nullable String insideProject(LoadedProject lp, Path file) {
        Path base = lp.folder().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) return null;
        String rel = base.relativize(abs).toString().replace('\\', '/');
        try {
            lp.resolve(rel);
            return rel;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.list(p)) {
                for (Path c : files.toList()) deleteRecursively(c);
            }
        }
        Files.delete(p);
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
