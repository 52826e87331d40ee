package org.cuestudio.inference.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cuestudio.core.render.CharacterSheetException;

/**
 * The picture and landmarks of a single-portrait sheet (docs/character-sheets.md, "Single portrait"): a PNG or JPEG
 * photo or illustration, decoded once while the sheet loads, whose canvas is the picture itself (one unit = one
 * pixel of it).
 *
 * @param width     picture columns
 * @param height    picture rows
 * @param rgba      straight (not premultiplied) 8-bit RGBA, rows top to bottom, 4 bytes a pixel; do not modify
 * @param landmarks the rig landmarks in the picture's pixels
 */
public record Portrait(int width, int height, byte[] rgba, PortraitLandmarks landmarks) {
    /** Larger pictures are refused: more than this many pixels on a side... */
    public static final int MAX_SIDE = 4096;
    /** ... or more than this many pixels in all (12 megapixels). */
    public static final long MAX_PIXELS = 12L * 1024 * 1024;
    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    public Portrait {
        if (width <= 0 || height <= 0 || rgba.length != 4L * width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " portrait needs " + 4L * width * height
                    + " bytes, got " + rgba.length);
        }
    }

    /** The canvas: the picture's bounds. */
    public CanvasRect bounds() {
        return new CanvasRect(0, 0, width, height);
    }

    /**
     * Decodes the picture, refusing what is not a PNG or JPEG, is damaged, or is larger than {@link #MAX_SIDE} /
     * {@link #MAX_PIXELS} (checked before decoding).
     */
    static BufferedImage decode(byte[] bytes, Path file, String field) throws CharacterSheetException {
        String at = file + " (\"" + field + "\")";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CharacterSheetException(at + " is not a PNG or JPEG picture");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new CharacterSheetException(at + " is a " + format + " picture; portraits are PNG or JPEG");
                }
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new CharacterSheetException(at + " is " + w + "x" + h + " pixels; portraits may be at most "
                            + MAX_SIDE + " pixels on a side and " + MAX_PIXELS / (1024 * 1024) + " megapixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (CharacterSheetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CharacterSheetException(at + " is damaged or unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** Straight RGBA bytes of a decoded picture. */
    static byte[] rgba(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i * 4] = (byte) (p >> 16);
            out[i * 4 + 1] = (byte) (p >> 8);
            out[i * 4 + 2] = (byte) p;
            out[i * 4 + 3] = (byte) (p >>> 24);
        }
        return out;
    }
}
