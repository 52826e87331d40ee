package org.cuestudio.core.model;

/**
 * A point in the shot's frame: x from -1 (left edge) to 1 (right edge), y from -1 (bottom) to 1 (top), the
 * centre 0,0, whatever the resolution.
 */
public record FramePoint(double x, double y) {
    public FramePoint {
        if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) {
            throw new IllegalArgumentException("a frame point has x and y in [-1, 1], got " + x + ", " + y);
        }
    }
}
