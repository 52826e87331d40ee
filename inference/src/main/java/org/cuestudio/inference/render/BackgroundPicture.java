package org.cuestudio.inference.render;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cuestudio.core.render.BackgroundImage;
import org.cuestudio.core.render.BackgroundImageException;

/**
 * Makes the frame-sized background of a {@link BackgroundImage}: the picture decoded (PNG or JPEG, checked for size
 * before it is decoded), scaled to cover the frame on the device (area averaging when it shrinks, bilinear when it
 * grows), centred and cut to the frame, and composited over the background colour: premultiplied float
 * [4, height, width], what the compositing kernel starts a frame from.
 */
final class BackgroundPicture {
    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private BackgroundPicture() {
    }

    /** The background for a {@code width} x {@code height} frame; the array belongs to {@code manager}. */
    static NDArray load(BackgroundImage picture, int width, int height, int backgroundArgb, NDManager manager) {
        Path file = picture.file();
        BufferedImage img = decode(file, width, height);
        int iw = img.getWidth();
        int ih = img.getHeight();
        int[] argb = img.getRGB(0, 0, iw, ih, null, 0, iw);
        byte[] rgba = new byte[iw * ih * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgba[i * 4] = (byte) (p >> 16);
            rgba[i * 4 + 1] = (byte) (p >> 8);
            rgba[i * 4 + 2] = (byte) p;
            rgba[i * 4 + 3] = (byte) (p >>> 24);
        }
        try (NDManager work = manager.newSubManager()) {
            NDArray hwc = work.create(ByteBuffer.wrap(rgba), new Shape(ih, iw, 4), DataType.UINT8)
                    .toType(DataType.FLOAT32, false).divi(255f);
            // Premultiply before scaling, so transparent pixels do not bleed their colour into their neighbours.
            NDArray alpha = hwc.get(new NDIndex(":, :, 3:4"));
            NDArray pre = hwc.get(new NDIndex(":, :, 0:3")).mul(alpha).concat(alpha, 2);
            double scale = Math.max(width / (double) iw, height / (double) ih);
            int sw = Math.max(width, (int) Math.round(iw * scale));
            int sh = Math.max(height, (int) Math.round(ih * scale));
            Image.Interpolation how = scale < 1 ? Image.Interpolation.AREA : Image.Interpolation.BILINEAR;
            NDArray scaled = NDImageUtils.resize(pre, sw, sh, how).clip(0f, 1f);
            int x0 = (sw - width) / 2;
            int y0 = (sh - height) / 2;
            NDArray cut = scaled.get(new NDIndex("{}:{}, {}:{}, :", y0, y0 + height, x0, x0 + width));
            NDArray chw = cut.transpose(2, 0, 1);
            float[] bg = FrameCompositor.premultiplied(backgroundArgb);
            NDArray colour = work.create(bg, new Shape(4, 1, 1));
            NDArray over = chw.add(colour.mul(chw.get(new NDIndex("3:4")).neg().add(1f)));
            NDArray result = over.duplicate();
            result.attach(manager);
            return result;
        }
    }

    /**
     * Decodes the picture, refusing what is not a PNG or JPEG, is damaged or too large; a picture much larger than
     * the frame is subsampled while it is decoded (keeping at least twice the pixels the frame needs).
     */
    static BufferedImage decode(Path file, int width, int height) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new BackgroundImageException(file, "cannot be opened");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new BackgroundImageException(file, "is not a PNG or JPEG picture");
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new BackgroundImageException(file, "is a " + format + " picture; use a PNG or JPEG");
                }
                reader.setInput(in, true, true);
                int iw = reader.getWidth(0);
                int ih = reader.getHeight(0);
                if (iw <= 0 || ih <= 0) throw new BackgroundImageException(file, "has no pixels");
                if (iw > BackgroundImage.MAX_SIDE || ih > BackgroundImage.MAX_SIDE
                        || (long) iw * ih > BackgroundImage.MAX_PIXELS) {
                    throw new BackgroundImageException(file, "is " + iw + "x" + ih + " pixels; the most is "
                            + BackgroundImage.MAX_SIDE + " on a side and " + BackgroundImage.MAX_PIXELS / 1_000_000
                            + " megapixels");
                }
                double cover = Math.max(width / (double) iw, height / (double) ih);
                int step = Math.max(1, (int) Math.floor(1 / (2 * cover)));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (BackgroundImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BackgroundImageException(file, "is damaged or unreadable (" + e.getMessage() + ")", e);
        }
    }
}
