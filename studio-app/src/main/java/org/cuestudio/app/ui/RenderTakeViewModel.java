package org.cuestudio.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.task.JobProgress;
import org.cuestudio.core.task.RenderEvent;
import org.cuestudio.core.task.RenderJob;
import org.cuestudio.core.task.RenderPriority;
import org.cuestudio.core.task.RenderScheduler;
import org.cuestudio.core.task.RenderTicket;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * Renders takes of a shot in the background for the studio window: numbered files under the project's
 * {@code takes/} folder, progress coalesced to whole percents with the time left, cancel, and a status line with
 * the outcome. One take at a time, run through a {@link RenderScheduler}. JavaFX thread only.
 */
public final class RenderTakeViewModel {
    /** What to render: a snapshot of the project (with unsaved edits) taken on the JavaFX thread. */
    public record Job(LoadedProject project, String shotId, Quality quality, long seed) {}

    /** Progress while the amount of work is not known yet; a JavaFX progress bar shows it as busy. */
    public static final double INDETERMINATE = -1;

    private static final Pattern TAKE_FILE = Pattern.compile("(.+)-take-(\\d+)\\.mp4");

    private final StudioPorts ports;
    private final UiExecutors exec;
    private final Consumer<StatusMessage> status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /**
     * Takes go through the render scheduler, drained on a background thread: the same priorities, progress, ETA
     * and cancellation as the queue of the command line (one take at a time here).
     */
    private final RenderScheduler scheduler = new RenderScheduler();
    private @Nullable RenderTicket ticket;
    private @Nullable RenderReport lastReport;

    RenderTakeViewModel(StudioPorts ports, UiExecutors exec, Consumer<StatusMessage> status) {
        this.ports = ports;
        this.exec = exec;
        this.status = status;
    }

    /** Starts rendering a take; ignored while one is running. */
    public void start(Job job) {
        if (running.get()) return;
        running.set(true);
        progress.set(INDETERMINATE);
        message.set("Preparing " + job.quality().id() + " take…");
        AtomicInteger lastPercent = new AtomicInteger(-1);
        AtomicReference<@Nullable Path> out = new AtomicReference<>();
        AtomicReference<@Nullable RenderReport> report = new AtomicReference<>();
        RenderTicket t = scheduler.submit(new RenderJob(job.shotId() + ": " + job.quality().id() + " take",
                RenderPriority.TAKE, ctx -> {
                    Path target = nextTakeFile(job.project().folder().resolve("takes"), job.shotId());
                    out.set(target);
                    exec.fx().execute(() -> message.set("Rendering " + target.getFileName() + "…"));
                    report.set(ports.renderTake(job.project(), job.shotId(), job.quality(), job.seed(), target,
                            ctx.progress(), ctx.cancellation()));
                }));
        ticket = t;
        scheduler.addListener(new Consumer<RenderEvent>() {
            @Override
            public void accept(RenderEvent e) {
                if (e.ticket() != t) return;
                switch (e) {
                    case RenderEvent.Progress p -> {
                        JobProgress jp = p.progress();
                        int pct = (int) Math.round(Math.floor(jp.fraction() * 100));
                        // Only whole-percent changes cross to the JavaFX thread: at most 101 updates a take.
                        if (lastPercent.getAndSet(pct) != pct) {
                            Path target = out.get();
                            String eta = jp.eta() == null ? "" : ", " + etaText(jp.eta()) + " left";
                            exec.fx().execute(() -> {
                                progress.set(pct / 100.0);
                                message.set("Rendering " + (target == null ? "take" : target.getFileName()) + ": "
                                        + pct + " %" + eta);
                            });
                        }
                    }
                    case RenderEvent.Finished f -> done(this, () -> finish(job, report.get(), null, false));
                    case RenderEvent.Cancelled c -> done(this, () -> finish(job, null, null, true));
                    case RenderEvent.Failed f -> done(this, () -> finish(job, null, f.cause(), false));
                    default -> { }
                }
            }
        });
        exec.background().execute(scheduler::drain);
    }

    private void done(Consumer<RenderEvent> listener, Runnable onFx) {
        scheduler.removeListener(listener);
        exec.fx().execute(onFx);
    }

    /** "about 2 min 5 s", "about 40 s". */
    static String etaText(Duration eta) {
        long s = Math.max(0, eta.toSeconds());
        return "about " + (s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s");
    }

    private void finish(Job job, @Nullable RenderReport report, @Nullable Throwable failure, boolean cancelled) {
        running.set(false);
        ticket = null;
        progress.set(0);
        message.set("");
        if (report != null) {
            lastReport = report;
            Path shown = relativeTo(job.project().folder(), report.output());
            status.accept(StatusMessage.success(String.format(Locale.ROOT,
                    "Take saved to %s: %d frames (%d rendered, %d reused from cache) in %.1f s", shown,
                    report.frames(), report.framesRendered(), report.framesReused(), report.seconds())));
        } else if (cancelled) {
            status.accept(StatusMessage.info("Render cancelled; no take was written"));
        } else if (failure != null) {
            status.accept(StatusMessage.error("Render failed: " + ErrorText.describe(failure)));
        }
    }

    private static Path relativeTo(Path folder, Path file) {
        Path f = file.toAbsolutePath();
        Path base = folder.toAbsolutePath();
        return f.startsWith(base) ? base.relativize(f) : f;
    }

    /** Asks the running take to stop within its current segment. */
    public void cancel() {
        RenderTicket t = ticket;
        if (t != null) {
            t.cancel();
            message.set("Cancelling…");
        }
    }

    /** {@code <shot>-take-<n>.mp4} with {@code n} one more than the highest take of that shot in the folder. */
    static Path nextTakeFile(Path takes, String shotId) throws IOException {
        int max = 0;
        if (Files.isDirectory(takes)) {
            try (Stream<Path> files = Files.list(takes)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Matcher m = TAKE_FILE.matcher(p.getFileName().toString());
                    if (m.matches() && m.group(1).equals(shotId) && m.group(2).length() < 9) {
                        max = Math.max(max, Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        return takes.resolve(shotId + "-take-" + (max + 1) + ".mp4");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE} while the take is being prepared. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The report of the last take that finished, if any. */
    public @Nullable RenderReport lastReport() {
        return lastReport;
    }
}
