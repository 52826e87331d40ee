package org.cuestudio.core.task;

/**
 * A unit of render work for the {@link RenderScheduler}: a label for people, a priority, and the work itself.
 *
 * @param label what the job is, as shown in a queue ("hello: take 3, final 1920x1080")
 * @param priority how urgent it is
 * @param work the work; it may be run more than once (see {@link Work})
 */
public record RenderJob(String label, RenderPriority priority, Work work) {
    public RenderJob {
        if (label.isBlank()) throw new IllegalArgumentException("a render job needs a label");
    }

    /**
     * The work of a job. It reports progress through {@link JobContext#progress()} once per segment, which is where
     * the scheduler may stop it for a more urgent job; it is then run again from the start later. Work must
     * therefore be restartable (start its output over) and cheap to redo: a render reads the segments it finished
     * before from the segment cache, so only the segment that was interrupted is rendered again.
     */
    @FunctionalInterface
    public interface Work {
        void run(JobContext context) throws Exception;
    }
}
