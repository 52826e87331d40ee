package org.cuestudio.core.task;

import org.jspecify.annotations.Nullable;

/** A job submitted to a {@link RenderScheduler}: its state and progress, and the way to cancel it. Thread-safe. */
public final class RenderTicket {
    /** Where a job is in its life. */
    public enum State {
        /** Waiting for its first run. */
        QUEUED,
        /** Running on the scheduler's worker. */
        RUNNING,
        /** Pre-empted by a more urgent job; waits to resume. */
        PAUSED,
        FINISHED,
        FAILED,
        CANCELLED;

        /** Whether the job is done for good (finished, failed or cancelled). */
        public boolean isFinal() {
            return this == FINISHED || this == FAILED || this == CANCELLED;
        }
    }

    private final long id;
    private final long sequence;
    private final RenderJob job;
    private final RenderScheduler scheduler;
    private volatile State state = State.QUEUED;
    private volatile JobProgress progress = JobProgress.NONE;
    private volatile @Nullable String failure;
    volatile CancellationToken token = new CancellationToken();
    volatile boolean cancelRequested;

    RenderTicket(long id, long sequence, RenderJob job, RenderScheduler scheduler) {
        this.id = id;
        this.sequence = sequence;
        this.job = job;
        this.scheduler = scheduler;
    }

    /** The scheduler's number for the job, unique in it, counted from 1. */
    public long id() {
        return id;
    }

    public RenderJob job() {
        return job;
    }

    public State state() {
        return state;
    }

    public JobProgress progress() {
        return progress;
    }

    /** Why the job failed, or null. */
    public @Nullable String failure() {
        return failure;
    }

    /**
     * Cancels the job: a waiting job is dropped at once; a running one stops within its current segment. Does
     * nothing to a job that is done.
     */
    public void cancel() {
        scheduler.cancel(this);
    }

    long sequence() {
        return sequence;
    }

    void state(State s) {
        state = s;
    }

    void progress(JobProgress p) {
        progress = p;
    }

    void failure(String reason) {
        failure = reason;
    }

    @Override
    public String toString() {
        return "#" + id + " " + job.priority() + " " + job.label() + " (" + state + ")";
    }
}
