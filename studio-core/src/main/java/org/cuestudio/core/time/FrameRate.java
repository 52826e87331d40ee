package org.cuestudio.core.time;

/**
 * A video frame rate as an exact fraction (24000/1001 for 23.976), converting between frame numbers and ticks
 * without drift: frame {@code n} starts at {@code floor(n * den * PER_SECOND / num)}.
 */
public record FrameRate(int numerator, int denominator) {
    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001);
    public static final FrameRate FPS_24 = new FrameRate(24, 1);
    public static final FrameRate FPS_25 = new FrameRate(25, 1);
    public static final FrameRate FPS_29_97 = new FrameRate(30000, 1001);
    public static final FrameRate FPS_30 = new FrameRate(30, 1);
    public static final FrameRate FPS_50 = new FrameRate(50, 1);
    public static final FrameRate FPS_60 = new FrameRate(60, 1);

    public FrameRate {
        if (numerator <= 0 || denominator <= 0 || numerator < denominator || numerator / denominator > 1000) {
            throw new IllegalArgumentException("frame rate must be between 1 and 1000 fps, got "
                    + numerator + "/" + denominator);
        }
    }

    /** Parses "25", "23.976", "29.97", "30000/1001". */
    public static FrameRate parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash > 0) {
                return new FrameRate(Integer.parseInt(t.substring(0, slash).trim()),
                        Integer.parseInt(t.substring(slash + 1).trim()));
            }
            return switch (t) {
                case "23.976", "23.98" -> FPS_23_976;
                case "29.97" -> FPS_29_97;
                case "59.94" -> new FrameRate(60000, 1001);
                default -> new FrameRate(Integer.parseInt(t), 1);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame rate: '" + text + "' (use e.g. 25, 29.97 or 30000/1001)");
        }
    }

    /** Ticks at which frame {@code frame} starts. */
    public long frameToTicks(long frame) {
        return Math.floorDiv(Math.multiplyExact(frame, denominator * Ticks.PER_SECOND), numerator);
    }

    /** The frame that contains the tick position (frames are half-open intervals). */
    public long ticksToFrame(long ticks) {
        // The smallest n with frameToTicks(n + 1) > ticks.
        long n = Math.floorDiv(Math.multiplyExact(ticks, (long) numerator), denominator * Ticks.PER_SECOND);
        while (frameToTicks(n + 1) <= ticks) n++;
        while (frameToTicks(n) > ticks) n--;
        return n;
    }

    /** Number of frames needed to cover a duration: every tick of it lies in one of them. */
    public long framesCovering(long durationTicks) {
        if (durationTicks <= 0) return 0;
        return ticksToFrame(durationTicks - 1) + 1;
    }

    /** Frames per second as a double, for display and for encoders that want it. */
    public double fps() {
        return numerator / (double) denominator;
    }

    @Override
    public String toString() {
        return denominator == 1 ? Integer.toString(numerator) : numerator + "/" + denominator;
    }
}
