package org.cuestudio.core.live;

/**
 * The clock that paces live input and timestamps frames: the system's monotonic clock in real use, a
 * {@link VirtualClock} in tests, so that a file "played as a microphone" runs as fast as the machine allows.
 */
public interface LiveClock {
    /** Nanoseconds from an arbitrary origin, monotonic. */
    long nanos();

    /** Returns once {@link #nanos} has reached {@code deadline} (at once if it already has). */
    void sleepUntil(long deadline) throws InterruptedException;

    /** The system's monotonic clock. */
    LiveClock SYSTEM = new LiveClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            for (long left; (left = deadline - System.nanoTime()) > 0;) {
                if (left > 2_000_000) Thread.sleep((left - 1_000_000) / 1_000_000);
                else Thread.onSpinWait();
            }
        }
    };
}
