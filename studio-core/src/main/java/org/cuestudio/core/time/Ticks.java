package org.cuestudio.core.time;

/**
 * Integer time for the whole studio: 705,600,000 ticks per second (flicks), exact for every common
 * video frame rate and audio sample rate, so that no position in the model is ever a rounded double.
 */
public final class Ticks {
    /** Ticks in one second. */
    public static final long PER_SECOND = 705_600_000L;

    private Ticks() {}

    /** Ticks for a whole number of milliseconds. */
    public static long ofMillis(long millis) {
        return millis * (PER_SECOND / 1000);
    }

    /** Ticks nearest to the given seconds; for user input and audio analysis only, never stored. */
    public static long ofSeconds(double seconds) {
        return Math.round(seconds * PER_SECOND);
    }

    /** The position in seconds, for display and for native libraries that want seconds. */
    public static double toSeconds(long ticks) {
        return ticks / (double) PER_SECOND;
    }

    /** Ticks of a sample index at a sample rate (exact for 8k-192k rates that divide PER_SECOND). */
    public static long ofSamples(long sample, int sampleRate) {
        return PER_SECOND % sampleRate == 0
                ? sample * (PER_SECOND / sampleRate)
                : Math.round(sample * (double) PER_SECOND / sampleRate);
    }
}
