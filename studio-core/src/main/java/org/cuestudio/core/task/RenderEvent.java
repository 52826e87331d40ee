package org.cuestudio.core.task;

/** What happened to a job of a {@link RenderScheduler}, in the order it happened. */
public sealed interface RenderEvent {
    RenderTicket ticket();

    /** The job was submitted and waits for its turn. */
    record Queued(RenderTicket ticket) implements RenderEvent {}

    /** The job started, or started again after it was pre-empted ({@code resumed}). */
    record Started(RenderTicket ticket, boolean resumed) implements RenderEvent {}

    /** The job finished a segment. */
    record Progress(RenderTicket ticket, JobProgress progress) implements RenderEvent {}

    /** The job stopped at a segment boundary for a more urgent one and waits to resume. */
    record Preempted(RenderTicket ticket, RenderTicket by) implements RenderEvent {}

    /** The job completed. */
    record Finished(RenderTicket ticket) implements RenderEvent {}

    /** The job failed; {@code reason} is a one-line description for people. */
    record Failed(RenderTicket ticket, String reason, Throwable cause) implements RenderEvent {}

    /** The job was cancelled, before it started or within one segment of running. */
    record Cancelled(RenderTicket ticket) implements RenderEvent {}
}
