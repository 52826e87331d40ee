package org.cuestudio.app.ui;

import java.util.Locale;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;

/** Formats positions for people: SMPTE-style timecodes and short second labels for the ruler. */
final class Timecode {
    private Timecode() {}

    /**
     * {@code HH:MM:SS:FF} of a frame number, counting whole seconds of real time and frames within the second
     * (no drop-frame; 23.976 and 29.97 shots show wall-clock seconds).
     */
    static String of(long frame, FrameRate rate) {
        long ticks = rate.frameToTicks(frame);
        long seconds = Math.floorDiv(ticks, Ticks.PER_SECOND);
        long firstOfSecond = rate.ticksToFrame(seconds * Ticks.PER_SECOND);
        if (rate.frameToTicks(firstOfSecond) < seconds * Ticks.PER_SECOND) firstOfSecond++;
        long ff = frame - firstOfSecond;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60, ff);
    }

    /** A ruler label: "0s", "12s", "1:05". */
    static String rulerLabel(long wholeSeconds) {
        if (wholeSeconds < 60) return wholeSeconds + "s";
        return String.format(Locale.ROOT, "%d:%02d", wholeSeconds / 60, wholeSeconds % 60);
    }

    /** Seconds with two decimals, for the inspector: "1.45 s". */
    static String seconds(long ticks) {
        return String.format(Locale.ROOT, "%.2f s", Ticks.toSeconds(ticks));
    }
}
