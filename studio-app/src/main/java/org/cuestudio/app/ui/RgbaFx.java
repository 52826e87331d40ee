package org.cuestudio.app.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.cuestudio.core.render.RgbaImage;
import org.jspecify.annotations.Nullable;

/** Copies rendered RGBA frames into JavaFX images, reusing the image and buffer while the size stays. */
final class RgbaFx {
    private @Nullable WritableImage image;
    private byte @Nullable [] bgra;

    /** The frame as a JavaFX image: the same image object as last time when the size is the same. */
    WritableImage show(RgbaImage rgba) {
        WritableImage img = image;
        byte[] out = bgra;
        if (img == null || out == null || (int) img.getWidth() != rgba.width()
                || (int) img.getHeight() != rgba.height()) {
            img = new WritableImage(rgba.width(), rgba.height());
            out = new byte[rgba.pixels().length];
            image = img;
            bgra = out;
        }
        byte[] in = rgba.pixels();
        // Straight-alpha RGBA to JavaFX's non-premultiplied BGRA.
        for (int i = 0; i < in.length; i += 4) {
            out[i] = in[i + 2];
            out[i + 1] = in[i + 1];
            out[i + 2] = in[i];
            out[i + 3] = in[i + 3];
        }
        img.getPixelWriter().setPixels(0, 0, rgba.width(), rgba.height(), PixelFormat.getByteBgraInstance(), out, 0,
                rgba.width() * 4);
        return img;
    }
}
