package org.cuestudio.inference.sheet;

/**
 * A rasterised sprite: premultiplied 8-bit RGBA in planes (all red, then green, blue, alpha; rows top to bottom),
 * cropped to what it draws plus a transparent margin.
 *
 * @param x      column of its left edge in the rasterised canvas (pixel 0 is the canvas' left edge)
 * @param y      row of its top edge in the rasterised canvas
 * @param width  columns
 * @param height rows
 * @param planes 4 * width * height bytes
 */
public record SpriteRaster(int x, int y, int width, int height, byte[] planes) {
    public SpriteRaster {
        if (width <= 0 || height <= 0 || planes.length != 4 * width * height) {
            throw new IllegalArgumentException("sprite " + width + "x" + height + " needs " + 4L * width * height
                    + " bytes, got " + planes.length);
        }
    }

    /** Premultiplied alpha at a pixel, 0-255. */
    public int alphaAt(int col, int row) {
        return planes[3 * width * height + row * width + col] & 0xff;
    }
}
