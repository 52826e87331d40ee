package org.cuestudio.inference.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.cuestudio.inference.sheet.CharacterSheet;
import org.cuestudio.inference.sheet.SpriteRaster;
import org.cuestudio.inference.sheet.SpriteRasterizer;
import org.jspecify.annotations.Nullable;

/**
 * The sprites of one sheet rasterised at one scale, as premultiplied float RGBA NDArrays on the render device.
 * Sprites are rasterised on first use, so a preview only pays for what it shows. Owned by the render worker:
 * not thread-safe; closing it frees every array.
 */
final class SpriteAtlas implements AutoCloseable {
    /** A sprite on the device: pixels [4, height, width] and its origin in the rasterised canvas. */
    record Entry(NDArray pixels, int x, int y, int width, int height) {
    }

    private final CharacterSheet sheet;
    private final double scale;
    private final int align;
    private final NDManager manager;
    private final @Nullable Entry[] entries;
    private final boolean[] loaded;

    SpriteAtlas(CharacterSheet sheet, double scale, int align, NDManager manager) {
        this.sheet = sheet;
        this.scale = scale;
        this.align = align;
        this.manager = manager;
        this.entries = new Entry[sheet.sprites().size()];
        this.loaded = new boolean[entries.length];
    }

    /** Raster pixels per canvas unit. */
    double scale() {
        return scale;
    }

    /** The sprite, rasterised now if it was not yet; null when it draws nothing. */
    @Nullable Entry entry(int sprite) {
        if (!loaded[sprite]) {
            SpriteRaster r = SpriteRasterizer.rasterise(sheet.sprite(sprite), sheet.rig().viewBox(), scale, align);
            if (r != null) {
                try (NDArray bytes = manager.create(ByteBuffer.wrap(r.planes()), new Shape(4, r.height(), r.width()),
                        DataType.UINT8)) {
                    NDArray pixels = bytes.toType(DataType.FLOAT32, false).divi(255f);
                    entries[sprite] = new Entry(pixels, r.x(), r.y(), r.width(), r.height());
                }
            }
            loaded[sprite] = true;
        }
        return entries[sprite];
    }

    @Override
    public void close() {
        manager.close();
    }
}
