package org.cuestudio.inference.sheet;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One sprite of a sheet. For SVG sheets it is a standalone SVG document: the sheet's root element, the definitions
 * the sprite refers to, and the sprite's elements wrapped in copies of their ancestor groups (so their transforms
 * and inherited styles still apply). Its coordinates are the sheet's canvas; the region to rasterise is filled in
 * by {@link #document(double, double, double, double, int, int)}. For raster sheets (OpenRaster) it holds the
 * layer's pixels instead and the template is empty.
 *
 * @param id       index in {@link CharacterSheet#sprites()}
 * @param label    where it comes from, e.g. "Head/Frontal/Mouth/Smile", for messages and stills
 * @param template the serialised document with placeholders for the root's viewBox, width and height
 * @param bounds   where it draws on the canvas, measured when the sheet was loaded; null when it draws nothing
 * @param raster   the pixels of a raster sprite, or null for an SVG sprite
 */
public record SpriteSource(int id, String label, String template, @Nullable CanvasRect bounds,
        @Nullable RasterArt raster) {
    static final String VIEWBOX = "__CUE_VIEWBOX__";
    static final String WIDTH = "__CUE_WIDTH__";
    static final String HEIGHT = "__CUE_HEIGHT__";

    /** An SVG sprite. */
    public SpriteSource(int id, String label, String template, @Nullable CanvasRect bounds) {
        this(id, label, template, bounds, null);
    }

    /** A raster sprite; its bounds are its pixels'. */
    static SpriteSource raster(int id, String label, RasterArt raster) {
        return new SpriteSource(id, label, "", raster.bounds(), raster);
    }

    /** Whether the sprite is raster art, which is resampled rather than drawn at the output resolution. */
    public boolean isRaster() {
        return raster != null;
    }

    /** The document that draws the canvas region (x, y, w, h) into an image of widthPx by heightPx. */
    public String document(double x, double y, double w, double h, int widthPx, int heightPx) {
        String box = String.format(Locale.ROOT, "%.6f %.6f %.6f %.6f", x, y, w, h);
        return template.replace(VIEWBOX, box).replace(WIDTH, Integer.toString(widthPx))
                .replace(HEIGHT, Integer.toString(heightPx));
    }

    SpriteSource withBounds(@Nullable CanvasRect b) {
        return new SpriteSource(id, label, template, b, raster);
    }
}
