package org.cuestudio.core.live;

/** A clock that jumps to whatever time is waited for: a live session on it runs as fast as it can compute. */
public final class VirtualClock implements LiveClock {
    private long now;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long deadline) {
        now = Math.max(now, deadline);
    }

    /** Moves the clock on (work that takes time in a test). */
    public synchronized void advance(long nanos) {
        now += nanos;
    }
}
