package org.cuestudio.inference.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/** Synthetic frames and small MP4s for the media tests. */
final class EncoderFixtures {
    static final Resolution SIZE = new Resolution(320, 240);

    private EncoderFixtures() {}

    /** A frame of one colour, 0xAARRGGBB with straight alpha. */
    static RgbaImage solid(Resolution size, int argb) {
        byte[] px = new byte[size.width() * size.height() * 4];
        for (int i = 0; i < px.length; i += 4) {
            px[i] = (byte) (argb >>> 16);
            px[i + 1] = (byte) (argb >>> 8);
            px[i + 2] = (byte) argb;
            px[i + 3] = (byte) (argb >>> 24);
        }
        return new RgbaImage(size.width(), size.height(), px);
    }

    /** A moving gradient with a bouncing square, so the encoder has real motion to code. */
    static RgbaImage moving(Resolution size, int frame) {
        int w = size.width();
        int h = size.height();
        byte[] px = new byte[w * h * 4];
        int sq = h / 4;
        int sx = (frame * 7) % Math.max(1, w - sq);
        int sy = (frame * 5) % Math.max(1, h - sq);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 4;
                boolean inSquare = x >= sx && x < sx + sq && y >= sy && y < sy + sq;
                px[i] = (byte) (inSquare ? 250 : (x + frame * 3) * 255 / w);
                px[i + 1] = (byte) (inSquare ? 200 : y * 255 / h);
                px[i + 2] = (byte) (inSquare ? 40 : 128 + (frame % 64));
                px[i + 3] = (byte) 255;
            }
        }
        return new RgbaImage(w, h, px);
    }

    /** Encodes {@code frames} solid frames coloured by {@code argbOfFrame} at {@code num/den} fps. */
    static Path encode(Path out, int num, int den, int frames, @Nullable Path audio, int background,
            IntUnaryOperator argbOfFrame) throws IOException {
        VideoSpec spec = new VideoSpec(VideoFormat.MP4_H264, SIZE, new FrameRate(num, den), audio, background);
        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(out, spec)) {
            for (int i = 0; i < frames; i++) writer.write(solid(SIZE, argbOfFrame.applyAsInt(i)));
        }
        return out;
    }

    /**
     * The colour at a pixel of a decoded frame, converted back to RGB with the BT.709 limited-range matrix that
     * the encoder tags the stream with (JavaCV's own RGB conversion would assume BT.601).
     */
    static int[] decodedRgb(Path mp4, int frameIndex, int x, int y) throws FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
            Frame frame = null;
            for (int i = 0; i <= frameIndex; i++) frame = grabber.grabImage();
            if (frame == null) throw new AssertionError("the file has fewer than " + (frameIndex + 1) + " frames");
            AVFrame picture = (AVFrame) frame.opaque;
            int luma = picture.data(0).get((long) y * picture.linesize(0) + x) & 0xff;
            int cb = picture.data(1).get((long) (y / 2) * picture.linesize(1) + x / 2) & 0xff;
            int cr = picture.data(2).get((long) (y / 2) * picture.linesize(2) + x / 2) & 0xff;
            double yy = (luma - 16) / 219.0;
            double pb = (cb - 128) / 224.0;
            double pr = (cr - 128) / 224.0;
            double r = yy + 1.5748 * pr;
            double g = yy - 0.1873 * pb - 0.4681 * pr;
            double b = yy + 1.8556 * pb;
            return new int[] {to8(r), to8(g), to8(b)};
        }
    }

    private static int to8(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
