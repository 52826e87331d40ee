package org.cuestudio.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.edit.CreateTake;
import org.cuestudio.core.edit.DeleteTake;
import org.cuestudio.core.edit.JudgeTake;
import org.cuestudio.core.edit.RenameTake;
import org.cuestudio.core.edit.ReplaceTake;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.task.JobProgress;
import org.cuestudio.core.task.RenderEvent;
import org.cuestudio.core.task.RenderJob;
import org.cuestudio.core.task.RenderPriority;
import org.cuestudio.core.task.RenderScheduler;
import org.cuestudio.core.task.RenderTicket;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * The take sheet of the current shot, as the take panel shows it: the shot's takes, the director's judgement of
 * them (rating, circle, notes, name) changed through the core take edits ({@link JudgeTake}, {@link RenameTake},
 * {@link DeleteTake}) so they are undoable and saved with the project, and renders of new variations (one take per
 * seed, {@link CreateTake}) and of a take again ({@link ReplaceTake}) in the background, through a
 * {@link RenderScheduler}, with progress. As {@code cue render} does (docs/takes.md), a variation goes to
 * {@code takes/SHOT-take-N.mp4} and a re-render to a temporary file that replaces the take's file when complete.
 * JavaFX thread only.
 */
public final class TakesViewModel {
    /** Most variations one request renders. */
    public static final int MAX_VARIATIONS = 16;

    private static final String TAKES_FOLDER = "takes";

    /** Whether a take was rendered from the shot as it is now. */
    public enum ShotState {
        SAME, CHANGED, UNKNOWN
    }

    private final StudioViewModel studio;
    private final StudioPorts ports;
    private final UiExecutors exec;
    private final ObservableList<Take> takes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The take renders of this window: one at a time, the same events, progress and cancellation as the queue. */
    private final RenderScheduler scheduler = new RenderScheduler();
    private final List<RenderTicket> tickets = new ArrayList<>();
    private final InvalidationListener projectListener = o -> refresh();
    private String currentHash = "";
    /** What the running render is, for the progress line. */
    private String working = "";
    private int jobsDone;
    private int jobsTotal;
    private boolean disposed;

    public TakesViewModel(StudioViewModel studio) {
        this.studio = studio;
        this.ports = studio.ports();
        this.exec = studio.executors();
        studio.projectProperty().addListener(projectListener);
        studio.shotProperty().addListener(projectListener);
        refresh();
    }

    private void refresh() {
        Project p = studio.projectProperty().get();
        Shot s = studio.shotProperty().get();
        if (p == null || s == null) {
            currentHash = "";
            takes.clear();
            return;
        }
        currentHash = ShotHash.of(p, s.id());
        if (!takes.equals(s.takes())) takes.setAll(s.takes());
    }

    /** The current shot's takes, in the project's order; replaced whenever the project changes. */
    public ObservableList<Take> takes() {
        return takes;
    }

    /** Whether {@code take} was rendered from the shot as it is now (its recorded hash). */
    public ShotState shotState(Take take) {
        if (take.shotHash().isEmpty()) return ShotState.UNKNOWN;
        return take.shotHash().equals(currentHash) ? ShotState.SAME : ShotState.CHANGED;
    }

    /** The take of the current shot with this id, as the project has it now. */
    public @Nullable Take take(String takeId) {
        return takes.stream().filter(t -> t.id().equals(takeId)).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- the director's judgement

    /** Gives a take 0 to 5 stars (one undo step). */
    public boolean rate(String takeId, int stars) {
        Take t = take(takeId);
        if (t == null || t.rating() == stars) return false;
        return apply(JudgeTake.rate(shotId(), takeId, Math.max(0, Math.min(5, stars))));
    }

    /** Circles a take, or takes the circle off (one undo step). */
    public boolean circle(String takeId, boolean circled) {
        Take t = take(takeId);
        if (t == null || t.circled() == circled) return false;
        return apply(JudgeTake.circle(shotId(), takeId, circled));
    }

    /** Sets a take's notes (one undo step; nothing when they are unchanged). */
    public boolean note(String takeId, String notes) {
        Take t = take(takeId);
        String n = notes.strip();
        if (t == null || t.notes().equals(n)) return false;
        return apply(JudgeTake.note(shotId(), takeId, n));
    }

    /** Gives a take another name (its id and file stay); a blank name is refused with a message. */
    public boolean rename(String takeId, String name) {
        Take t = take(takeId);
        String n = name.strip();
        if (t == null || t.name().equals(n)) return false;
        return apply(new RenameTake(shotId(), takeId, n));
    }

    /** Removes a take from the take sheet (undoable); its rendered file stays in the project folder. */
    public boolean delete(String takeId) {
        if (take(takeId) == null) return false;
        boolean done = apply(new DeleteTake(shotId(), takeId));
        if (done) studio.note(StatusMessage.info("Removed " + takeId + " from the take sheet; its file is kept"));
        return done;
    }

    private boolean apply(org.cuestudio.core.edit.Edit edit) {
        return studio.apply(edit);
    }

    private String shotId() {
        Shot s = studio.shotProperty().get();
        if (s == null) throw new IllegalStateException("no shot is open");
        return s.id();
    }

    // ---------------------------------------------------------------- rendering

    /** The seed after the highest one the shot's takes used (the default seed when there are none). */
    public long nextSeed() {
        return takes.stream().mapToLong(Take::seed).max().stream().map(s -> s + 1).findFirst()
                .orElse(StudioViewModel.DEFAULT_SEED);
    }

    /**
     * Renders {@code count} takes of the shot as it is now (with unsaved edits) with the seeds {@code firstSeed},
     * {@code firstSeed + 1}, ..., each recorded as its own take when it is complete; ignored while renders run.
     */
    public void renderVariations(int count, Quality quality, long firstSeed) {
        LoadedProject lp = studio.loadedProject();
        Project p = studio.projectProperty().get();
        Shot s = studio.shotProperty().get();
        if (lp == null || p == null || s == null || running.get() || disposed) return;
        int n = Math.max(1, Math.min(MAX_VARIATIONS, count));
        LoadedProject snapshot = lp.with(p);
        int base = CreateTake.nextNumber(s);
        begin(n, "Preparing " + (n == 1 ? "a take" : n + " variations") + "…");
        for (int i = 0; i < n; i++) {
            int index = i;
            long seed = firstSeed + i;
            submit(s.id() + ": variation seed " + seed, ctx -> {
                Path folder = snapshot.folder().resolve(TAKES_FOLDER);
                int number = Math.max(base + index, highestFileNumber(folder, s.id()) + 1);
                Path target = folder.resolve(s.id() + "-take-" + number + ".mp4");
                fx(() -> working(prefix() + "Rendering " + target.getFileName() + " (seed " + seed + ")"));
                RenderReport r = ports.renderTake(snapshot, s.id(), quality, seed, target, ctx.progress(),
                        ctx.cancellation());
                Resolution size = RenderSettings.forShot(s, quality).resolution();
                Take t = ports.recordTake(snapshot, s, CreateTake.ID_PREFIX + number, "Take " + number, quality, size,
                        seed, relative(snapshot, r.output()));
                fx(() -> recordNew(s.id(), t, r));
            });
        }
        exec.background().execute(scheduler::drain);
    }

    /**
     * Renders a take again from the shot as it is now with its recorded seed, quality and size: into a temporary
     * file that replaces the take's file when complete; the take's record is brought up to date in place (name,
     * rating, circle and notes stay). Takes in other formats than MP4 are left to {@code cue render --take}.
     */
    public void rerender(String takeId) {
        LoadedProject lp = studio.loadedProject();
        Project p = studio.projectProperty().get();
        Shot s = studio.shotProperty().get();
        Take t = take(takeId);
        if (lp == null || p == null || s == null || t == null || running.get() || disposed) return;
        String format = t.metadata().getOrDefault(TakeRecorder.FORMAT, "mp4");
        if (!format.equals("mp4") || (t.output() != null && !t.output().endsWith(".mp4"))) {
            studio.note(StatusMessage.warning("Take " + t.name() + " is a " + format + " render: re-render it "
                    + "with cue render --shot " + s.id() + " --take " + t.id()));
            return;
        }
        LoadedProject snapshot = lp.with(p);
        Path target;
        try {
            target = t.output() != null ? snapshot.resolve(t.output())
                    : snapshot.folder().resolve(TAKES_FOLDER).resolve(s.id() + "-" + t.id() + ".mp4");
        } catch (IllegalArgumentException e) {
            studio.note(StatusMessage.warning("Cannot re-render " + t.name() + ": " + ErrorText.describe(e)));
            return;
        }
        // Rendered at the take's recorded size, whatever the shot's size is now.
        Shot sized = new Shot(s.id(), s.name(), s.audio(), s.characterId(), s.frameRate(), t.resolution(), s.tracks(),
                s.partners(), s.takes(), s.metadata(), s.unknown());
        LoadedProject renderFrom = snapshot.with(p.withShot(sized));
        begin(1, "Preparing " + t.name() + "…");
        submit(s.id() + ": re-render " + t.id(), ctx -> {
            String name = target.getFileName().toString();
            Path tmp = target.resolveSibling("." + name.substring(0, name.length() - 4) + ".rendering.mp4");
            fx(() -> working("Re-rendering " + t.name()));
            RenderReport r;
            try {
                Files.deleteIfExists(tmp);
                r = ports.renderTake(renderFrom, s.id(), t.quality(), t.seed(), tmp, ctx.progress(),
                        ctx.cancellation());
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (Exception | Error e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Take again = ports.recordTake(snapshot, s, t.id(), t.name(), t.quality(), t.resolution(), t.seed(),
                    relative(snapshot, target));
            Map<String, String> meta = new LinkedHashMap<>(again.metadata());
            meta.put(TakeRecorder.RERENDERS, Integer.toString(1 + parseOr0(t.metadata().get(TakeRecorder.RERENDERS))));
            Take rendered = new Take(again.id(), again.name(), again.createdAt(), again.seed(), again.quality(),
                    again.resolution(), again.shotHash(), again.backendId(), again.backendVersion(), 0, false, "",
                    again.output(), meta);
            boolean changed = !t.shotHash().equals(rendered.shotHash());
            fx(() -> {
                if (studio.apply(new ReplaceTake(s.id(), rendered))) {
                    studio.note(StatusMessage.success(String.format(Locale.ROOT,
                            "Re-rendered %s%s: %d frames, %.0f %% rendered, %.0f %% reused from cache", t.name(),
                            changed ? " (the shot had changed)" : "", r.frames(),
                            100.0 * r.framesRendered() / Math.max(1, r.frames()),
                            100.0 * r.framesReused() / Math.max(1, r.frames()))));
                }
            });
        });
        exec.background().execute(scheduler::drain);
    }

    private void recordNew(String shotId, Take rendered, RenderReport r) {
        Shot live = studio.projectProperty().get() == null ? null
                : studio.projectProperty().get().shot(shotId).orElse(null);
        if (live == null) {
            studio.note(StatusMessage.warning("Rendered " + r.output().getFileName() + ", but shot " + shotId
                    + " is gone: no take recorded"));
            return;
        }
        Take t = rendered;
        if (live.takes().stream().anyMatch(x -> x.id().equals(rendered.id()))) {
            int n = CreateTake.nextNumber(live);
            t = rendered.withIdentity(CreateTake.ID_PREFIX + n, "Take " + n, rendered.output());
        }
        if (studio.apply(new CreateTake(shotId, t))) {
            studio.note(StatusMessage.success(String.format(Locale.ROOT,
                    "Recorded %s (seed %d): %d frames (%d rendered, %d reused from cache) in %.1f s", t.name(),
                    t.seed(), r.frames(), r.framesRendered(), r.framesReused(), r.seconds())));
        }
    }

    private void begin(int jobs, String text) {
        running.set(true);
        jobsDone = 0;
        jobsTotal = jobs;
        progress.set(INDETERMINATE);
        message.set(text);
    }

    private void working(String what) {
        working = what;
        message.set(what + "…");
    }

    private String prefix() {
        return jobsTotal > 1 ? (jobsDone + 1) + "/" + jobsTotal + " · " : "";
    }

    private void submit(String label, RenderJob.Work work) {
        AtomicInteger lastPercent = new AtomicInteger(-1);
        RenderTicket t = scheduler.submit(new RenderJob(label, RenderPriority.TAKE, work::run));
        tickets.add(t);
        scheduler.addListener(new Consumer<RenderEvent>() {
            @Override
            public void accept(RenderEvent e) {
                if (e.ticket() != t) return;
                switch (e) {
                    case RenderEvent.Progress p -> {
                        JobProgress jp = p.progress();
                        int pct = (int) Math.floor(jp.fraction() * 100);
                        // Whole-percent changes only cross to the JavaFX thread.
                        if (lastPercent.getAndSet(pct) != pct) {
                            String eta = jp.eta() == null ? "" : ", " + etaText(jp.eta()) + " left";
                            fx(() -> {
                                progress.set((jobsDone + pct / 100.0) / Math.max(1, jobsTotal));
                                message.set(working + ": " + pct + " %" + eta);
                            });
                        }
                    }
                    case RenderEvent.Finished f -> ended(this, t, null, false);
                    case RenderEvent.Cancelled c -> ended(this, t, null, true);
                    case RenderEvent.Failed f -> ended(this, t, f.cause(), false);
                    default -> { }
                }
            }
        });
    }

    private void ended(Consumer<RenderEvent> listener, RenderTicket t, @Nullable Throwable failure, boolean cancelled) {
        scheduler.removeListener(listener);
        fx(() -> {
            tickets.remove(t);
            jobsDone++;
            if (failure != null) {
                studio.note(StatusMessage.error("Render failed: " + ErrorText.describe(failure)));
            } else if (cancelled && tickets.isEmpty()) {
                studio.note(StatusMessage.info("Render cancelled; takes that finished are kept"));
            }
            if (tickets.isEmpty()) {
                running.set(false);
                progress.set(0);
                message.set("");
            } else {
                progress.set(jobsDone / (double) Math.max(1, jobsTotal));
            }
        });
    }

    private void fx(Runnable r) {
        exec.fx().execute(() -> {
            if (!disposed) r.run();
        });
    }

    /** Cancels the running render and drops the waiting ones. */
    public void cancel() {
        List<RenderTicket> all = List.copyOf(tickets);
        if (all.isEmpty()) return;
        message.set("Cancelling…");
        for (RenderTicket t : all) t.cancel();
    }

    /** Cancels all renders and stops listening to the project. */
    public void dispose() {
        cancel();
        disposed = true;
        studio.projectProperty().removeListener(projectListener);
        studio.shotProperty().removeListener(projectListener);
    }

    /** The highest {@code N} of the {@code SHOT-take-N} files in the folder, 0 when there are none. */
    /** Progress while the work ahead is not known yet (a progress bar then shows its busy animation). */
    public static final double INDETERMINATE = -1;

    /** Time left for people: "about 40 s", "about 2 min 5 s". */
    static String etaText(java.time.Duration eta) {
        long sec = Math.max(0, eta.toSeconds());
        return "about " + (sec >= 60 ? sec / 60 + " min " + sec % 60 + " s" : sec + " s");
    }

    static int highestFileNumber(Path folder, String shotId) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        Pattern file = Pattern.compile(Pattern.quote(shotId) + "-take-(\\d{1,9})(-png|\\..+)?");
        int max = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Matcher m = file.matcher(p.getFileName().toString());
                if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    private static @Nullable String relative(LoadedProject lp, Path file) {
        Path base = lp.folder().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) return null;
        return base.relativize(abs).toString().replace('\\', '/');
    }

    private static int parseOr0(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The studio window's view model this take sheet belongs to. */
    public StudioViewModel studio() {
        return studio;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 over all the requested renders, or {@link #INDETERMINATE} while preparing. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
