package org.cuestudio.core.model;

/** Output size in pixels; both sides even, as H.264 4:2:0 requires. */
public record Resolution(int width, int height) {
    public static final Resolution HD = new Resolution(1920, 1080);
    public static final Resolution PREVIEW = new Resolution(640, 360);
    public static final int MAX_SIDE = 8192;

    public Resolution {
        if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("resolution " + width + "x" + height
                    + " is not allowed: both sides must be even and between 16 and " + MAX_SIDE);
        }
    }

    /** The same aspect ratio scaled to fit a height (even sides). */
    public Resolution scaledToHeight(int h) {
        int w = (int) Math.round(width * (double) h / height);
        return new Resolution(w + (w & 1), h + (h & 1));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
