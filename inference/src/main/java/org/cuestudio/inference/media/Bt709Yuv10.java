package org.cuestudio.inference.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;
import org.cuestudio.core.render.RgbaImage;

/**
 * Turns a straight-alpha RGBA frame into the 10-bit planar pictures ProRes encodes, with the BT.709 matrix in
 * limited range (Y' 64-940, Cb/Cr 64-960), little-endian:
 * <ul>
 * <li>{@code yuv422p10le} (ProRes 422): composited over an opaque background, chroma averaged over pixel pairs;</li>
 * <li>{@code yuva444p10le} (ProRes 4444): full-resolution chroma and a full-range alpha plane, the colour left
 *     straight (not multiplied by alpha), which is how ProRes 4444 stores alpha.</li>
 * </ul>
 */
final class Bt709Yuv10 implements Picture {
    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    // 8-bit R'G'B' (0-255) to 10-bit Y'CbCr, 16 fractional bits: Y' spans 876 codes, Cb/Cr 896.
    private static final double Y_SCALE = 876.0 / 255.0;
    private static final double CB_SCALE = 896.0 / 255.0 / (2 * (1 - KB));
    private static final double CR_SCALE = 896.0 / 255.0 / (2 * (1 - KR));
    private static final int Y_R = fixed(KR * Y_SCALE);
    private static final int Y_B = fixed(KB * Y_SCALE);
    private static final int Y_G = fixed(Y_SCALE) - Y_R - Y_B; // white is exactly 940, greys stay grey
    private static final int CB_R = fixed(-KR * CB_SCALE);
    private static final int CB_B = fixed((1 - KB) * CB_SCALE);
    private static final int CB_G = -CB_R - CB_B;
    private static final int CR_R = fixed((1 - KR) * CR_SCALE);
    private static final int CR_B = fixed(-KB * CR_SCALE);
    private static final int CR_G = -CR_R - CR_B;
    private static final int HALF = 1 << 15;
    private static final int Y_OFFSET = (64 << 16) + HALF;
    private static final int C_OFFSET = (512 << 16) + HALF;
    // 4:2:2 chroma comes from the sum of two pixels: one more bit of shift.
    private static final int C2_OFFSET = (512 << 17) + (HALF << 1);

    private final int width;
    private final int height;
    private final boolean alpha;
    private final int bgR;
    private final int bgG;
    private final int bgB;
    private final short[] planes;

    /**
     * A converter for one frame size.
     *
     * @param alpha          true for {@code yuva444p10le}, false for {@code yuv422p10le}
     * @param backgroundArgb 0xAARRGGBB behind transparent pixels when there is no alpha plane; its alpha is ignored
     */
    Bt709Yuv10(int width, int height, int backgroundArgb, boolean alpha) {
        if (!alpha && width % 2 != 0) throw new IllegalArgumentException("4:2:2 needs an even width, got " + width);
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        this.bgR = backgroundArgb >>> 16 & 0xff;
        this.bgG = backgroundArgb >>> 8 & 0xff;
        this.bgB = backgroundArgb & 0xff;
        this.planes = new short[bytes() / 2];
    }

    @Override
    public int pixelFormat() {
        return alpha ? avutil.AV_PIX_FMT_YUVA444P10LE : avutil.AV_PIX_FMT_YUV422P10LE;
    }

    @Override
    public int depth() {
        return Frame.DEPTH_USHORT;
    }

    @Override
    public int bytes() {
        int n = width * height;
        return 2 * (alpha ? 4 * n : 2 * n);
    }

    @Override
    public void convert(RgbaImage image, ByteBuffer out) {
        if (alpha) convert444(image.pixels());
        else convert422(image.pixels());
        out.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(planes);
    }

    /** The converted planes of the last frame, for tests: Y, U, V (and A), one sample per short. */
    short[] planes() {
        return planes;
    }

    private void convert444(byte[] px) {
        int n = width * height;
        for (int p = 0; p < n; p++) {
            int i = p * 4;
            int r = px[i] & 0xff;
            int g = px[i + 1] & 0xff;
            int b = px[i + 2] & 0xff;
            int a = px[i + 3] & 0xff;
            planes[p] = (short) ((Y_R * r + Y_G * g + Y_B * b + Y_OFFSET) >> 16);
            planes[n + p] = (short) ((CB_R * r + CB_G * g + CB_B * b + C_OFFSET) >> 16);
            planes[2 * n + p] = (short) ((CR_R * r + CR_G * g + CR_B * b + C_OFFSET) >> 16);
            planes[3 * n + p] = (short) ((a * 1023 + 127) / 255);
        }
    }

    private void convert422(byte[] px) {
        int n = width * height;
        int half = width / 2;
        int uBase = n;
        int vBase = n + n / 2;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int chromaRow = y * half;
            for (int x = 0; x < width; x += 2) {
                int sumR = 0;
                int sumG = 0;
                int sumB = 0;
                for (int k = 0; k < 2; k++) {
                    int p = row + x + k;
                    int i = p * 4;
                    int r = px[i] & 0xff;
                    int g = px[i + 1] & 0xff;
                    int b = px[i + 2] & 0xff;
                    int a = px[i + 3] & 0xff;
                    if (a != 255) {
                        // Straight alpha: colour * a + background * (1 - a), rounded.
                        int ia = 255 - a;
                        r = (r * a + bgR * ia + 127) / 255;
                        g = (g * a + bgG * ia + 127) / 255;
                        b = (b * a + bgB * ia + 127) / 255;
                    }
                    planes[p] = (short) ((Y_R * r + Y_G * g + Y_B * b + Y_OFFSET) >> 16);
                    sumR += r;
                    sumG += g;
                    sumB += b;
                }
                int c = chromaRow + x / 2;
                planes[uBase + c] = (short) ((CB_R * sumR + CB_G * sumG + CB_B * sumB + C2_OFFSET) >> 17);
                planes[vBase + c] = (short) ((CR_R * sumR + CR_G * sumG + CR_B * sumB + C2_OFFSET) >> 17);
            }
        }
    }

    private static int fixed(double v) {
        return (int) Math.round(v * 65536);
    }
}
