package org.cuestudio.core.perform;

import org.cuestudio.core.model.FramePoint;

/**
 * Where the characters of a shot stand in the frame, and the eye direction that looks at a point of it. The shot's
 * own character stands left of the partners; the characters are spread evenly over the middle of the frame, heads
 * at {@value #HEAD_Y} (frame coordinates, see {@link FramePoint}). The renderer places two-character shots the same
 * way, so "look at" lands on the other character's head.
 */
public final class Staging {
    /** Height of the heads in frame coordinates. */
    public static final double HEAD_Y = 0.35;
    /** Degrees of eye yaw per unit of frame x between the head and the point looked at. */
    static final double YAW_PER_UNIT = 38;
    /** Degrees of eye pitch per unit of frame y. */
    static final double PITCH_PER_UNIT = 30;

    private Staging() {}

    /** The head of character {@code index} of {@code count}: the only one stands in the middle. */
    public static FramePoint head(int index, int count) {
        if (index < 0 || index >= count) throw new IllegalArgumentException("no character " + index + " of " + count);
        double x = count == 1 ? 0 : -0.5 + index / (double) (count - 1);
        return new FramePoint(x, HEAD_Y);
    }

    /** Eye yaw that looks from {@code head} at {@code point}, degrees (positive toward the viewer's right). */
    static double yawTo(FramePoint head, FramePoint point) {
        return Smoothing.clamp(YAW_PER_UNIT * (point.x() - head.x()), -40, 40);
    }

    /** Eye pitch that looks from {@code head} at {@code point}, degrees (positive up). */
    static double pitchTo(FramePoint head, FramePoint point) {
        return Smoothing.clamp(PITCH_PER_UNIT * (point.y() - head.y()), -25, 25);
    }
}
