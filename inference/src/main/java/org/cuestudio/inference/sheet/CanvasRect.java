package org.cuestudio.inference.sheet;

/**
 * An axis-aligned rectangle in the sheet's canvas (viewBox) units, used for layer bounds; {@code x1 > x0} and
 * {@code y1 > y0}.
 */
public record CanvasRect(double x0, double y0, double x1, double y1) {
    public CanvasRect {
        if (!(x1 > x0 && y1 > y0)) throw new IllegalArgumentException("empty rectangle " + x0 + "," + y0 + " " + x1 + "," + y1);
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    /** The smallest rectangle holding both. */
    public CanvasRect union(CanvasRect o) {
        return new CanvasRect(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    /** This rectangle grown by {@code d} on every side. */
    public CanvasRect grow(double d) {
        return new CanvasRect(x0 - d, y0 - d, x1 + d, y1 + d);
    }
}
