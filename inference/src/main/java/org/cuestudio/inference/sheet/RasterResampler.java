package org.cuestudio.inference.sheet;

import org.jspecify.annotations.Nullable;

/**
 * Scales raster art (an OpenRaster layer) to a render scale with a separable filter on premultiplied values: area
 * averaging (each output pixel the mean of the art it covers) when the art is shrunk, bilinear when it is enlarged.
 * Raster art is not vector: enlarged, it gets softer, which {@link SheetChecker} reports.
 */
final class RasterResampler {
    private RasterResampler() {
    }

    /** Source taps of one output row or column: first source index and the weights from there on. */
    private record Taps(int[] first, float[][] weights) {
    }

    /**
     * The art drawn at {@code scale} pixels per canvas unit into the rasterised canvas (pixel 0 is the canvas' left
     * and top edge), clipped to {@code limit}, with a transparent margin of {@link SpriteRasterizer#MARGIN} and
     * its origin a multiple of {@code align}; null when nothing of it is inside the limit.
     */
    static @Nullable SpriteRaster resample(String label, RasterArt art, CanvasRect viewBox, CanvasRect limit, double scale,
            int align) {
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale must be positive, got " + scale);
        double x0 = Math.max(art.x(), limit.x0());
        double y0 = Math.max(art.y(), limit.y0());
        double x1 = Math.min(art.x() + art.width(), limit.x1());
        double y1 = Math.min(art.y() + art.height(), limit.y1());
        if (x1 <= x0 || y1 <= y0) return null;
        int m = SpriteRasterizer.MARGIN;
        int px0 = (int) Math.floor((x0 - viewBox.x0()) * scale) - m;
        int py0 = (int) Math.floor((y0 - viewBox.y0()) * scale) - m;
        px0 -= Math.floorMod(px0, align);
        py0 -= Math.floorMod(py0, align);
        int px1 = (int) Math.ceil((x1 - viewBox.x0()) * scale) + m;
        int py1 = (int) Math.ceil((y1 - viewBox.y0()) * scale) + m;
        int w = px1 - px0;
        int h = py1 - py0;
        if (w <= 0 || h <= 0) return null;
        if ((long) w * h > SpriteRasterizer.MAX_PIXELS) {
            throw new IllegalStateException("sprite " + label + " would be " + w + "x" + h + " pixels at scale " + scale
                    + ", more than " + SpriteRasterizer.MAX_PIXELS);
        }
        Taps tx = taps(px0, w, viewBox.x0() - art.x(), scale, art.width());
        Taps ty = taps(py0, h, viewBox.y0() - art.y(), scale, art.height());
        int sw = art.width();
        int sh = art.height();
        int[] src = art.argb();
        byte[] planes = new byte[4 * w * h];
        float[] channel = new float[sw * sh];
        float[] rows = new float[sh * w];
        boolean any = false;
        // Planes are R, G, B, A; ARGB ints hold A in the top byte.
        int[] shifts = {16, 8, 0, 24};
        for (int c = 0; c < 4; c++) {
            int shift = shifts[c];
            for (int i = 0; i < channel.length; i++) channel[i] = (src[i] >>> shift) & 0xff;
            for (int r = 0; r < sh; r++) {
                int srow = r * sw;
                int orow = r * w;
                for (int ox = 0; ox < w; ox++) {
                    float[] wt = tx.weights[ox];
                    int f = tx.first[ox];
                    float sum = 0;
                    for (int k = 0; k < wt.length; k++) sum += wt[k] * channel[srow + f + k];
                    rows[orow + ox] = sum;
                }
            }
            int base = c * w * h;
            for (int oy = 0; oy < h; oy++) {
                float[] wt = ty.weights[oy];
                int f = ty.first[oy];
                for (int ox = 0; ox < w; ox++) {
                    float sum = 0;
                    for (int k = 0; k < wt.length; k++) sum += wt[k] * rows[(f + k) * w + ox];
                    int v = Math.round(Math.max(0, Math.min(255, sum)));
                    if (v != 0) {
                        planes[base + oy * w + ox] = (byte) v;
                        if (c == 3) any = true;
                    }
                }
            }
        }
        return any ? new SpriteRaster(px0, py0, w, h, planes) : null;
    }

    /**
     * The taps of output pixels {@code p0 .. p0 + n - 1}: output pixel p covers art pixels
     * {@code offset + p / scale .. offset + (p + 1) / scale}; taps outside the art (0 .. size - 1) are left out, so
     * the art fades to transparent at its edges.
     */
    private static Taps taps(int p0, int n, double offset, double scale, int size) {
        int[] first = new int[n];
        float[][] weights = new float[n][];
        for (int i = 0; i < n; i++) {
            double u0 = offset + (p0 + i) / scale;
            double u1 = offset + (p0 + i + 1) / scale;
            int lo;
            double[] w;
            if (scale < 1) {
                // Area average: each art pixel weighs by how much of this output pixel it covers.
                lo = (int) Math.floor(u0);
                int hi = (int) Math.ceil(u1);
                w = new double[Math.max(0, hi - lo)];
                for (int k = 0; k < w.length; k++) {
                    double a = Math.max(u0, lo + k);
                    double b = Math.min(u1, lo + k + 1);
                    w[k] = Math.max(0, b - a) * scale;
                }
            } else {
                // Bilinear between the two art pixels whose centres surround this pixel's centre.
                double c = (u0 + u1) / 2 - 0.5;
                lo = (int) Math.floor(c);
                double f = c - lo;
                w = new double[] {1 - f, f};
            }
            int from = Math.max(lo, 0);
            int to = Math.min(lo + w.length, size);
            if (to <= from) {
                first[i] = 0;
                weights[i] = new float[0];
                continue;
            }
            float[] kept = new float[to - from];
            for (int k = from; k < to; k++) kept[k - from] = (float) w[k - lo];
            first[i] = from;
            weights[i] = kept;
        }
        return new Taps(first, weights);
    }
}
