package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.FrameRange;
import org.cuestudio.core.task.JobContext;
import org.cuestudio.core.task.RenderEvent;
import org.cuestudio.core.task.RenderJob;
import org.cuestudio.core.task.RenderPriority;
import org.cuestudio.core.task.RenderScheduler;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.QueuedRender;
import org.cuestudio.format.RenderQueueFile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue queue PROJECT}: the project's render queue ({@code render-queue.json} beside {@code project.json}):
 * list it, add renders to it, run it (takes before exports), remove one, or clear it.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Lists the renders waiting in the project's queue (render-queue.json, beside project.json; not "
                + "part of the project). --add queues a render with the options of cue render, --run runs the "
                + "queue (takes before exports; each finished render leaves the queue, a failed one stays with its "
                + "error), --remove drops one, --clear empties it (a damaged queue file is set aside as "
                + "render-queue.json.damaged). See docs/render-queue.md.")
public final class QueueCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--add", description = "Queue a render described by --shot, --take, --quality, --seed, "
            + "--format, --frames, --out and --no-take, as cue render takes them.")
    boolean add;

    @Option(names = "--run", description = "Run the queued renders, takes before exports, in the order queued.")
    boolean run;

    @Option(names = "--remove", paramLabel = "ID", description = "Remove one queued render (q-N).")
    String remove;

    @Option(names = "--clear", description = "Empty the queue; a damaged queue file is kept as "
            + "render-queue.json.damaged.")
    boolean clear;

    @Option(names = "--shot", paramLabel = "ID", description = "With --add: the shot (default: the first shot).")
    String shot;

    @Option(names = "--take", paramLabel = "ID", description = "With --add: render this take again (see cue render).")
    String take;

    @Option(names = "--quality", paramLabel = "TIER", description = "With --add: preview or final.")
    String quality;

    @Option(names = "--seed", description = "With --add: the seed.")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "With --add: mp4, prores422hq, prores4444 or png.")
    String format;

    @Option(names = "--frames", paramLabel = "A-B", description = "With --add: frames A to B only (an export).")
    String frames;

    @Option(names = "--out", paramLabel = "FILE", description = "With --add: the output file or folder.")
    Path out;

    @Option(names = "--no-take", description = "With --add: record no take (an export).")
    boolean noTake;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int actions = (add ? 1 : 0) + (run ? 1 : 0) + (remove != null ? 1 : 0) + (clear ? 1 : 0);
        if (actions > 1) throw new ParameterException(spec.commandLine(), "use one of --add, --run, --remove, --clear");
        if (!add) {
            for (String o : List.of("--shot", "--take", "--quality", "--seed", "--format", "--frames", "--out",
                    "--no-take")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new ParameterException(spec.commandLine(), o + " describes a render to queue: use it "
                            + "with --add");
                }
            }
        }
        Path folder = ProjectFiles.projectFile(project).toAbsolutePath().getParent();
        if (clear) return clear(folder, stdout);
        List<QueuedRender> queue;
        try {
            queue = RenderQueueFile.read(folder);
        } catch (RenderQueueFile.DamagedQueueException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (add) return add(folder, queue, stdout, err);
        if (remove != null) return remove(folder, queue, stdout, err);
        if (run) return run(folder, queue, stdout, err);
        list(folder, queue, stdout);
        return 0;
    }

    private int clear(Path folder, PrintWriter stdout) throws IOException {
        List<QueuedRender> queue;
        try {
            queue = RenderQueueFile.read(folder);
        } catch (RenderQueueFile.DamagedQueueException e) {
            Path aside = RenderQueueFile.setAside(folder);
            stdout.println("set the damaged queue file aside as " + aside + "; the queue is empty");
            return 0;
        }
        RenderQueueFile.write(folder, List.of());
        stdout.println("removed " + queue.size() + " queued render" + (queue.size() == 1 ? "" : "s"));
        return 0;
    }

    private int add(Path folder, List<QueuedRender> queue, PrintWriter stdout, PrintWriter err) throws IOException {
        if (quality != null) Quality.parse(quality);
        if (format != null && RenderCommand.parseFormat(format) == null) {
            throw new ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "': use mp4, prores422hq, prores4444 or png");
        }
        if (frames != null) FrameRange.parse(frames);
        if (take != null) {
            for (String clash : List.of("--seed", "--quality", "--frames", "--out", "--no-take")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(clash)) {
                    throw new ParameterException(spec.commandLine(), "--take renders a take again as it was "
                            + "recorded; it cannot be combined with " + clash);
                }
            }
        }
        LoadedProject lp = UsableProject.open(project, err);
        if (lp == null) return 1;
        if (lp.project().shots().isEmpty()) {
            err.println("error: the project has no shots");
            return 1;
        }
        Shot s = shot == null ? lp.project().shots().get(0) : lp.project().requireShot(shot);
        if (take != null) s.requireTake(take);
        String kind = noTake || frames != null ? QueuedRender.EXPORT : QueuedRender.TAKE;
        QueuedRender q = new QueuedRender(RenderQueueFile.nextId(queue), kind, s.id(), take, quality, seed, format,
                frames, out == null ? null : out.toAbsolutePath().normalize().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null);
        List<QueuedRender> now = new ArrayList<>(queue);
        now.add(q);
        RenderQueueFile.write(folder, now);
        stdout.println("queued " + q.id() + ": " + describe(q) + " (" + now.size() + " in the queue; run it with "
                + "cue queue PROJECT --run)");
        return 0;
    }

    private int remove(Path folder, List<QueuedRender> queue, PrintWriter stdout, PrintWriter err) throws IOException {
        List<QueuedRender> now = new ArrayList<>(queue);
        if (!now.removeIf(q -> q.id().equals(remove))) {
            err.println("error: no queued render '" + remove + "'; the queue holds "
                    + (queue.isEmpty() ? "none" : String.join(", ", queue.stream().map(QueuedRender::id).toList())));
            return 1;
        }
        RenderQueueFile.write(folder, now);
        stdout.println("removed " + remove + " (" + now.size() + " left in the queue)");
        return 0;
    }

    private static void list(Path folder, List<QueuedRender> queue, PrintWriter stdout) {
        if (queue.isEmpty()) {
            stdout.println("no renders are queued in " + folder);
            return;
        }
        stdout.printf(Locale.ROOT, "%d render%s queued in %s:%n", queue.size(), queue.size() == 1 ? "" : "s",
                RenderQueueFile.file(folder));
        stdout.printf(Locale.ROOT, "  %-5s %-7s %-12s %-20s %s%n", "ID", "KIND", "SHOT", "QUEUED", "RENDER");
        for (QueuedRender q : runOrder(queue)) {
            stdout.printf(Locale.ROOT, "  %-5s %-7s %-12s %-20s %s%s%n", q.id(), q.kind(), q.shot(), q.queuedAt(),
                    describe(q), q.lastError() == null ? "" : "  [last run failed: " + q.lastError() + "]");
        }
    }

    private int run(Path folder, List<QueuedRender> queue, PrintWriter stdout, PrintWriter err) throws Exception {
        if (queue.isEmpty()) {
            stdout.println("no renders are queued in " + folder);
            return 0;
        }
        List<QueuedRender> left = new ArrayList<>(queue);
        int[] failed = {0};
        try (RenderScheduler scheduler = new RenderScheduler()) {
            scheduler.addListener(e -> {
                QueuedRender q = byLabel(left, e.ticket().job().label());
                if (q == null) return;
                try {
                    switch (e) {
                        case RenderEvent.Started s -> stdout.println(q.id() + ": " + describe(q));
                        case RenderEvent.Finished f -> {
                            left.remove(q);
                            RenderQueueFile.write(folder, left);
                        }
                        case RenderEvent.Failed f -> {
                            failed[0]++;
                            left.set(left.indexOf(q), q.failedWith(f.reason()));
                            RenderQueueFile.write(folder, left);
                            err.println("error: " + q.id() + " failed: " + f.reason() + " (it stays in the queue)");
                        }
                        default -> { }
                    }
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException("could not update " + RenderQueueFile.file(folder), io);
                }
                stdout.flush();
            });
            for (QueuedRender q : queue) {
                RenderPriority p = q.kind().equals(QueuedRender.TAKE) ? RenderPriority.TAKE : RenderPriority.EXPORT;
                scheduler.submit(new RenderJob(q.id(), p, ctx -> render(q, ctx, stdout, err)));
            }
            scheduler.drain();
        }
        stdout.printf(Locale.ROOT, "ran %d queued render%s: %d done, %d failed%s%n", queue.size(),
                queue.size() == 1 ? "" : "s", queue.size() - failed[0], failed[0],
                left.isEmpty() ? "; the queue is empty" : "; " + left.size() + " left in the queue");
        return failed[0] == 0 ? 0 : 1;
    }

    /** Runs one queued render as {@code cue render} would, with the scheduler's progress and cancellation. */
    private void render(QueuedRender q, JobContext ctx, PrintWriter stdout, PrintWriter err) throws Exception {
        RenderCommand render = new RenderCommand();
        CommandLine cl = new CommandLine(render);
        StringWriter errors = new StringWriter();
        // The render's messages (and progress bar) show as they come, and are kept to name a failure.
        Writer both = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                errors.write(chars, off, len);
                err.write(chars, off, len);
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        cl.setOut(stdout);
        cl.setErr(new PrintWriter(both, true));
        cl.parseArgs(renderArgs(q).toArray(String[]::new));
        render.jobProgress = ctx.progress();
        render.cancel = ctx.cancellation();
        int code = render.call();
        if (code != 0) {
            String reason = "cue render failed";
            for (String line : errors.toString().split("\\R")) {
                if (line.startsWith("error: ")) reason = line.substring("error: ".length());
            }
            throw new IllegalStateException(reason);
        }
    }

    /** The arguments of {@code cue render} that do what the queued render asks. */
    List<String> renderArgs(QueuedRender q) {
        List<String> a = new ArrayList<>(List.of(project.toString(), "--shot", q.shot()));
        if (q.take() != null) a.addAll(List.of("--take", q.take()));
        if (q.quality() != null) a.addAll(List.of("--quality", q.quality()));
        if (q.seed() != null) a.addAll(List.of("--seed", Long.toString(q.seed())));
        if (q.format() != null) a.addAll(List.of("--format", q.format()));
        if (q.frames() != null) a.addAll(List.of("--frames", q.frames()));
        if (q.out() != null) a.addAll(List.of("--out", q.out()));
        if (q.kind().equals(QueuedRender.EXPORT) && q.frames() == null) a.add("--no-take");
        return a;
    }

    private static @Nullable QueuedRender byLabel(List<QueuedRender> queue, String id) {
        for (QueuedRender q : queue) {
            if (q.id().equals(id)) return q;
        }
        return null;
    }

    /** Takes first, then exports; each in the order queued: the order --run runs them. */
    private static List<QueuedRender> runOrder(List<QueuedRender> queue) {
        List<QueuedRender> out = new ArrayList<>();
        for (QueuedRender q : queue) if (q.kind().equals(QueuedRender.TAKE)) out.add(q);
        for (QueuedRender q : queue) if (!q.kind().equals(QueuedRender.TAKE)) out.add(q);
        return out;
    }

    static String describe(QueuedRender q) {
        StringBuilder b = new StringBuilder();
        b.append(q.take() != null ? "take " + q.take() + " again" : q.kind().equals(QueuedRender.TAKE) ? "new take"
                : "export");
        if (q.quality() != null) b.append(", ").append(q.quality());
        if (q.format() != null) b.append(", ").append(q.format());
        if (q.seed() != null) b.append(", seed ").append(q.seed());
        if (q.frames() != null) b.append(", frames ").append(q.frames());
        if (q.out() != null) b.append(" -> ").append(q.out());
        return b.toString();
    }
}
