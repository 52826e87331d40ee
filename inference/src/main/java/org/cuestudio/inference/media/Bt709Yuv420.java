package org.cuestudio.inference.media;

import org.cuestudio.core.render.RgbaImage;

/**
 * Turns a straight-alpha RGBA frame into the planar YUV 4:2:0 picture H.264 encodes: composites it over an opaque
 * background, then converts with the BT.709 matrix in limited ("TV") range, chroma averaged over 2x2 pixels.
 *
 * <p>Done here rather than in swscale because JavaCV's swscale path always uses the BT.601 matrix, while players
 * and editors read untagged or BT.709-tagged HD video as BT.709: skin tones and reds would shift. The encoder
 * tags the stream as BT.709, so the picture and its label agree at every size.
 */
final class Bt709Yuv420 {
    // Fixed-point (16 fractional bits) coefficients for 8-bit R'G'B' in 0-255 -> Y'CbCr in 16-235 / 16-240.
    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final double KG = 1 - KR - KB;
    private static final double Y_SCALE = 219.0 / 255.0;
    private static final double CB_SCALE = 224.0 / 255.0 / (2 * (1 - KB));
    private static final double CR_SCALE = 224.0 / 255.0 / (2 * (1 - KR));

    private static final int Y_R = fixed(KR * Y_SCALE);
    private static final int Y_B = fixed(KB * Y_SCALE);
    // Derived so that the three sum exactly to 219/255: white maps to 235 and grey stays grey.
    private static final int Y_G = fixed(Y_SCALE) - Y_R - Y_B;
    private static final int CB_R = fixed(-KR * CB_SCALE);
    private static final int CB_B = fixed((1 - KB) * CB_SCALE);
    private static final int CB_G = -CB_R - CB_B; // sums to zero so that any grey has Cb = 128 exactly
    private static final int CR_R = fixed((1 - KR) * CR_SCALE);
    private static final int CR_B = fixed(-KB * CR_SCALE);
    private static final int CR_G = -CR_R - CR_B;

    private static final int HALF = 1 << 15;
    private static final int Y_OFFSET = (16 << 16) + HALF;
    // Chroma is computed from the sum of four pixels, hence two more bits of shift and a 4x larger rounding term.
    private static final int C_OFFSET = (128 << 18) + (HALF << 2);

    private final int width;
    private final int height;
    private final int bgR;
    private final int bgG;
    private final int bgB;

    /**
     * A converter for one frame size and background.
     *
     * @param backgroundArgb 0xAARRGGBB; its alpha is ignored because the output has no alpha channel
     */
    Bt709Yuv420(int width, int height, int backgroundArgb) {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("4:2:0 needs even sides, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bgR = backgroundArgb >>> 16 & 0xff;
        this.bgG = backgroundArgb >>> 8 & 0xff;
        this.bgB = backgroundArgb & 0xff;
    }

    /** Bytes of one converted picture: the Y plane, then U, then V. */
    int pictureSize() {
        return width * height * 3 / 2;
    }

    /** Writes the Y, U and V planes of {@code image} one after another into {@code yuv} (tightly packed). */
    void convert(RgbaImage image, byte[] yuv) {
        byte[] px = image.pixels();
        int w = width;
        int uBase = w * height;
        int vBase = uBase + uBase / 4;
        int[] rgb = new int[3];
        for (int y = 0; y < height; y += 2) {
            int row0 = y * w;
            int row1 = row0 + w;
            int chromaRow = (y / 2) * (w / 2);
            for (int x = 0; x < w; x += 2) {
                int sumR = 0;
                int sumG = 0;
                int sumB = 0;
                for (int i = 0; i < 4; i++) {
                    int p = (i < 2 ? row0 : row1) + x + (i & 1);
                    composite(px, p * 4, rgb);
                    int r = rgb[0];
                    int g = rgb[1];
                    int b = rgb[2];
                    yuv[p] = (byte) ((Y_R * r + Y_G * g + Y_B * b + Y_OFFSET) >> 16);
                    sumR += r;
                    sumG += g;
                    sumB += b;
                }
                int c = chromaRow + x / 2;
                yuv[uBase + c] = (byte) ((CB_R * sumR + CB_G * sumG + CB_B * sumB + C_OFFSET) >> 18);
                yuv[vBase + c] = (byte) ((CR_R * sumR + CR_G * sumG + CR_B * sumB + C_OFFSET) >> 18);
            }
        }
    }

    private void composite(byte[] px, int i, int[] out) {
        int r = px[i] & 0xff;
        int g = px[i + 1] & 0xff;
        int b = px[i + 2] & 0xff;
        int a = px[i + 3] & 0xff;
        if (a == 255) {
            out[0] = r;
            out[1] = g;
            out[2] = b;
        } else {
            // Straight alpha: colour * a + background * (1 - a), rounded.
            int ia = 255 - a;
            out[0] = (r * a + bgR * ia + 127) / 255;
            out[1] = (g * a + bgG * ia + 127) / 255;
            out[2] = (b * a + bgB * ia + 127) / 255;
        }
    }

    private static int fixed(double v) {
        return (int) Math.round(v * 65536);
    }
}
