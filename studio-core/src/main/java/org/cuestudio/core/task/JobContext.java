package org.cuestudio.core.task;

/**
 * What a running {@link RenderJob.Work} gets from the {@link RenderScheduler}: the cancellation token to pass to
 * long work, and the progress listener that is also the job's segment boundary.
 */
public interface JobContext {
    /** The token to pass to the renderer and backend; set when the job is cancelled. */
    CancellationToken cancellation();

    /**
     * Where the work reports frames done and total, once per segment. A call throws {@link CancelledException} when
     * the job was cancelled and {@link PreemptedException} when a more urgent job is waiting: both should be left
     * to propagate out of the work.
     */
    ProgressListener progress();

    /** Whether this run resumes the job after it was pre-empted. */
    boolean resumed();
}
