package org.cuestudio.core.task;

/** A flag that long work polls between units (segments, frames) so that Cancel takes effect quickly. */
public final class CancellationToken {
    /** A token nobody cancels. */
    public static final CancellationToken NONE = new CancellationToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NONE) cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) throw new CancelledException();
    }
}
