package org.cuestudio.inference.media;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;
import org.cuestudio.core.render.RgbaImage;

/**
 * Turns straight-alpha RGBA frames into the planar picture an encoder takes, with the BT.709 matrix in limited
 * range (JavaCV's swscale path would use BT.601), into a direct buffer handed to FFmpeg without another copy.
 */
interface Picture {
    /** The {@code AV_PIX_FMT_*} produced. */
    int pixelFormat();

    /** JavaCV's depth of one sample: {@link Frame#DEPTH_UBYTE} or {@link Frame#DEPTH_USHORT}. */
    int depth();

    /** Bytes of one converted picture, all planes tightly packed. */
    int bytes();

    /** Converts {@code image} into {@code out} from index 0, leaving its position at 0. */
    void convert(RgbaImage image, ByteBuffer out);

    /** A converter for a pixel format; frames with alpha are composited over the background where it has none. */
    static Picture of(int pixelFormat, int width, int height, int backgroundArgb) {
        if (pixelFormat == avutil.AV_PIX_FMT_YUV420P) {
            Bt709Yuv420 converter = new Bt709Yuv420(width, height, backgroundArgb);
            byte[] yuv = new byte[converter.pictureSize()];
            return new Picture() {
                @Override
                public int pixelFormat() {
                    return pixelFormat;
                }

                @Override
                public int depth() {
                    return Frame.DEPTH_UBYTE;
                }

                @Override
                public int bytes() {
                    return yuv.length;
                }

                @Override
                public void convert(RgbaImage image, ByteBuffer out) {
                    converter.convert(image, yuv);
                    out.put(0, yuv);
                }
            };
        }
        if (pixelFormat == avutil.AV_PIX_FMT_YUV422P10LE) {
            return new Bt709Yuv10(width, height, backgroundArgb, false);
        }
        if (pixelFormat == avutil.AV_PIX_FMT_YUVA444P10LE) {
            return new Bt709Yuv10(width, height, backgroundArgb, true);
        }
        throw new IllegalArgumentException("no converter to pixel format " + pixelFormat);
    }
}
