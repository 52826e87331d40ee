package org.cuestudio.inference.sheet;

/**
 * The pixels of a raster sprite (a layer of an OpenRaster sheet, or a run of static layers merged into one), at the
 * art's own resolution: one canvas unit is one pixel. Premultiplied ARGB, one int per pixel, rows top to bottom,
 * cropped to its painted pixels. Treated as immutable: nothing writes to {@code argb} after loading.
 *
 * @param x      canvas column of its left edge
 * @param y      canvas row of its top edge
 * @param width  columns
 * @param height rows
 * @param argb   width * height premultiplied ARGB pixels
 */
public record RasterArt(int x, int y, int width, int height, int[] argb) {
    public RasterArt {
        if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("raster " + width + "x" + height + " needs " + (long) width * height
                    + " pixels, got " + argb.length);
        }
    }

    /** Where it draws on the canvas. */
    public CanvasRect bounds() {
        return new CanvasRect(x, y, x + width, y + height);
    }
}
