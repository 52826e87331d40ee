package org.cuestudio.core.task;

/**
 * Thrown out of a job's progress call at a segment boundary when a more urgent job is waiting; the scheduler puts
 * the job back in the queue and runs it again later.
 */
public final class PreemptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PreemptedException() {
        super("pre-empted by a more urgent job", null, false, false);
    }
}
