package org.cuestudio.core.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs render jobs one at a time on one device, the most urgent first ({@link RenderPriority}): a scrub beats a
 * preview, which beats queued takes, which beat exports; jobs of equal priority run in the order they were
 * submitted. A more urgent job pre-empts the running one at its next segment boundary (its next progress call);
 * the pre-empted job waits and is run again later, when its finished segments come back from the segment cache.
 * Cancelling stops a running job within its segment (the token reaches the backend) or drops a waiting one.
 *
 * <p>One worker per device, since a render backend is single-threaded: {@link #start} runs the queue on a thread
 * of its own; {@link #runNext} and {@link #drain} run it on the calling thread, which is what the command line and
 * deterministic tests use. Listeners get {@link RenderEvent}s on the thread that runs the job (or that submits or
 * cancels), so a UI coalesces them before drawing.
 */
public final class RenderScheduler implements AutoCloseable {
    /** How many of the latest segments the seconds-per-frame average of the ETA spans. */
    public static final int ETA_WINDOW = 8;

    private static final Comparator<RenderTicket> ORDER = Comparator
            .comparing((RenderTicket t) -> t.job().priority()).thenComparingLong(RenderTicket::sequence);

    private final Object lock = new Object();
    private final LongSupplier nanoClock;
    private final List<RenderTicket> waiting = new ArrayList<>();
    private final List<Consumer<RenderEvent>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable RenderTicket running;
    private long nextId = 1;
    private long nextSequence = 1;
    private @Nullable Thread worker;
    private boolean closed;

    /** A scheduler timed by {@link System#nanoTime()}. */
    public RenderScheduler() {
        this(System::nanoTime);
    }

    /** A scheduler timed by the given clock in nanoseconds (tests pass one they advance by hand). */
    public RenderScheduler(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Adds a listener for every job's events. */
    public void addListener(Consumer<RenderEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RenderEvent> listener) {
        listeners.remove(listener);
    }

    /** Queues a job; it runs when nothing more urgent waits, pre-empting a less urgent running job. */
    public RenderTicket submit(RenderJob job) {
        RenderTicket t;
        synchronized (lock) {
            if (closed) throw new IllegalStateException("the render scheduler is closed");
            t = new RenderTicket(nextId++, nextSequence++, job, this);
            waiting.add(t);
            lock.notifyAll();
        }
        fire(new RenderEvent.Queued(t));
        return t;
    }

    /** The jobs waiting to run (queued or pre-empted), in the order they will run. */
    public List<RenderTicket> waiting() {
        synchronized (lock) {
            return waiting.stream().sorted(ORDER).toList();
        }
    }

    /** The job running now, or null. */
    public @Nullable RenderTicket running() {
        synchronized (lock) {
            return running;
        }
    }

    void cancel(RenderTicket t) {
        boolean dropped;
        synchronized (lock) {
            if (t.state().isFinal()) return;
            t.cancelRequested = true;
            t.token.cancel();
            dropped = waiting.remove(t);
            if (dropped) t.state(RenderTicket.State.CANCELLED);
        }
        if (dropped) fire(new RenderEvent.Cancelled(t));
    }

    /**
     * Runs the most urgent waiting job on the calling thread until it finishes, fails, is cancelled or is
     * pre-empted. Returns false when no job was waiting.
     */
    public boolean runNext() {
        RenderTicket t;
        boolean resumed;
        synchronized (lock) {
            if (waiting.isEmpty()) return false;
            t = waiting.stream().min(ORDER).orElseThrow();
            waiting.remove(t);
            resumed = t.state() == RenderTicket.State.PAUSED;
            t.state(RenderTicket.State.RUNNING);
            running = t;
        }
        fire(new RenderEvent.Started(t, resumed));
        Run run = new Run(t, resumed);
        RenderEvent outcome;
        try {
            t.job().work().run(run);
            outcome = finish(t, RenderTicket.State.FINISHED, null);
        } catch (PreemptedException e) {
            outcome = preempted(t);
        } catch (Throwable e) {
            if (isCancellation(e)) {
                outcome = finish(t, RenderTicket.State.CANCELLED, null);
            } else {
                outcome = finish(t, RenderTicket.State.FAILED, e);
            }
            if (e instanceof Error err && !(e instanceof AssertionError)) {
                fire(outcome);
                throw err;
            }
        }
        fire(outcome);
        return true;
    }

    /** Runs jobs on the calling thread until none waits. */
    public void drain() {
        while (runNext()) {
            // each call runs one job (or one stretch of a pre-empted one)
        }
    }

    /** Starts the worker thread that runs jobs as they come, until {@link #close}. */
    public void start(ThreadFactory threads) {
        synchronized (lock) {
            if (worker != null) throw new IllegalStateException("the render scheduler is already started");
            worker = threads.newThread(this::work);
            worker.start();
        }
    }

    private void work() {
        while (true) {
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
            }
            runNext();
        }
    }

    /**
     * Stops taking jobs: the running job is cancelled and the worker (if started) ends after it; waiting jobs stay
     * waiting, for the caller to keep (see {@link #waiting}).
     */
    @Override
    public void close() throws InterruptedException {
        Thread w;
        RenderTicket r;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            w = worker;
            r = running;
        }
        if (r != null) r.cancel();
        if (w != null && w != Thread.currentThread()) w.join();
    }

    private RenderEvent finish(RenderTicket t, RenderTicket.State state, @Nullable Throwable e) {
        synchronized (lock) {
            running = null;
            t.state(state);
        }
        return switch (state) {
            case FINISHED -> new RenderEvent.Finished(t);
            case CANCELLED -> new RenderEvent.Cancelled(t);
            default -> {
                String reason = describe(e);
                t.failure(reason);
                yield new RenderEvent.Failed(t, reason, e == null ? new IllegalStateException(reason) : e);
            }
        };
    }

    private RenderEvent preempted(RenderTicket t) {
        RenderTicket by;
        synchronized (lock) {
            running = null;
            by = urgentOver(t);
            t.state(RenderTicket.State.PAUSED);
            // A fresh token: the old one may be shared with objects the interrupted run left behind.
            t.token = new CancellationToken();
            if (t.cancelRequested) t.token.cancel();
            waiting.add(t);
        }
        return new RenderEvent.Preempted(t, by == null ? t : by);
    }

    /** The most urgent waiting job that is more urgent than {@code t}, or null. Under the lock. */
    private @Nullable RenderTicket urgentOver(RenderTicket t) {
        RenderTicket best = null;
        for (RenderTicket w : waiting) {
            if (w.job().priority().isAbove(t.job().priority()) && (best == null || ORDER.compare(w, best) < 0)) {
                best = w;
            }
        }
        return best;
    }

    private static boolean isCancellation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CancelledException || c instanceof InterruptedException) return true;
        }
        return false;
    }

    private static String describe(@Nullable Throwable e) {
        if (e == null) return "failed";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private void fire(RenderEvent e) {
        for (Consumer<RenderEvent> l : listeners) l.accept(e);
    }

    /** One run of a job: its context, and the progress and ETA bookkeeping of that run. */
    private final class Run implements JobContext, ProgressListener {
        private final RenderTicket ticket;
        private final boolean resumed;
        private final CancellationToken token;
        private final Deque<long[]> window = new ArrayDeque<>(); // {nanos, frames} of the latest segments
        private long lastNanos;
        private long lastDone;

        Run(RenderTicket ticket, boolean resumed) {
            this.ticket = ticket;
            this.resumed = resumed;
            this.token = ticket.token;
            this.lastNanos = nanoClock.getAsLong();
        }

        @Override
        public CancellationToken cancellation() {
            return token;
        }

        @Override
        public ProgressListener progress() {
            return this;
        }

        @Override
        public boolean resumed() {
            return resumed;
        }

        @Override
        public void progress(long done, long total, String message) {
            long now = nanoClock.getAsLong();
            long frames = done - lastDone;
            if (frames > 0) {
                window.addLast(new long[] {now - lastNanos, frames});
                if (window.size() > ETA_WINDOW) window.removeFirst();
                lastDone = done;
            }
            lastNanos = now;
            // A resumed run replays its finished segments from the cache: the count shown never goes back.
            long shown = Math.max(done, ticket.progress().framesDone());
            JobProgress p = new JobProgress(shown, total, eta(total - shown));
            ticket.progress(p);
            fire(new RenderEvent.Progress(ticket, p));
            token.throwIfCancelled();
            boolean yield;
            synchronized (lock) {
                yield = done < total && urgentOver(ticket) != null;
            }
            if (yield) throw new PreemptedException();
        }

        private @Nullable Duration eta(long framesLeft) {
            long nanos = 0, frames = 0;
            for (long[] s : window) {
                nanos += s[0];
                frames += s[1];
            }
            if (frames == 0) return null;
            return Duration.ofNanos(Math.round((double) nanos / frames * Math.max(0, framesLeft)));
        }
    }
}
