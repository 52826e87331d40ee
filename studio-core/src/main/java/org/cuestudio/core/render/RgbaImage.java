package org.cuestudio.core.render;

/**
 * One rendered frame: 8-bit RGBA, straight (not premultiplied) alpha, rows top to bottom, 4 bytes a pixel.
 * The array is owned by the image; do not change it after construction.
 */
public record RgbaImage(int width, int height, byte[] pixels) {
    public RgbaImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height * 4) {
            throw new IllegalArgumentException("RGBA image " + width + "x" + height + " needs " + (width * height * 4)
                    + " bytes, got " + pixels.length);
        }
    }

    /** Alpha of a pixel, 0-255. */
    public int alphaAt(int x, int y) {
        return pixels[(y * width + x) * 4 + 3] & 0xff;
    }

    /** The pixel as 0xAARRGGBB. */
    public int argbAt(int x, int y) {
        int i = (y * width + x) * 4;
        return (pixels[i + 3] & 0xff) << 24 | (pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i + 2] & 0xff);
    }
}
