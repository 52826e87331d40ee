package org.cuestudio.core.render;

/**
 * Frames {@code first} to {@code last} of a shot, both included, counted from 0: what one machine of a render farm
 * renders. Ranges render exactly the frames a whole render has at those numbers, so they can be stitched.
 */
public record FrameRange(int first, int last) {
    public FrameRange {
        if (first < 0) throw new IllegalArgumentException("frame range " + first + "-" + last + ": frames start at 0");
        if (last < first) {
            throw new IllegalArgumentException("frame range " + first + "-" + last + ": the last frame comes before "
                    + "the first (write it as " + last + "-" + first + "?)");
        }
    }

    /** Parses {@code A-B} (as in {@code --frames 100-199}) or a single frame {@code A}. */
    public static FrameRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-', 1);
        try {
            return dash < 0 ? new FrameRange(Integer.parseInt(t), Integer.parseInt(t))
                    : new FrameRange(Integer.parseInt(t.substring(0, dash).trim()),
                            Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame range: '" + text + "' (use FIRST-LAST, 0-based and "
                    + "inclusive, for example 0-99)");
        }
    }

    /** The whole of a shot of {@code frameCount} frames. */
    public static FrameRange all(int frameCount) {
        return new FrameRange(0, frameCount - 1);
    }

    /** Frames in the range. */
    public int count() {
        return last - first + 1;
    }

    /** One past the last frame, for half-open loops. */
    public int endExclusive() {
        return last + 1;
    }

    /** This range, after checking that it lies within a shot of {@code frameCount} frames. */
    public FrameRange within(int frameCount, String shotId) {
        if (last >= frameCount) {
            throw new IllegalArgumentException("frame range " + this + " is beyond shot '" + shotId + "': it has "
                    + frameCount + " frames, 0-" + (frameCount - 1));
        }
        return this;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
