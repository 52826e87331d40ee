package org.cuestudio.core.render;

import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.jspecify.annotations.Nullable;

/**
 * How to render: output size, quality tier and background: a colour (0xAARRGGBB; alpha 0 = transparent) and
 * optionally a picture over it ({@link BackgroundImage}, scaled to cover the frame).
 */
public record RenderSettings(Resolution resolution, Quality quality, int backgroundArgb,
        @Nullable BackgroundImage backgroundImage) {
    /** Preview renders are this tall; finals use the shot's resolution. */
    public static final int PREVIEW_HEIGHT = 360;
    /** The studio's default backdrop, a soft warm grey. */
    public static final int DEFAULT_BACKGROUND = 0xFFE9E4DC;
    /** A fully transparent background, for exports that keep alpha (ProRes 4444, PNG sequences). */
    public static final int TRANSPARENT = 0x00000000;

    /** Settings with a plain background colour (0xAARRGGBB). */
    public RenderSettings(Resolution resolution, Quality quality, int backgroundArgb) {
        this(resolution, quality, backgroundArgb, null);
    }

    /** Settings for a shot at a quality tier, on the default background. */
    public static RenderSettings forShot(Shot shot, Quality quality) {
        Resolution r = quality == Quality.PREVIEW && shot.resolution().height() > PREVIEW_HEIGHT
                ? shot.resolution().scaledToHeight(PREVIEW_HEIGHT)
                : shot.resolution();
        return new RenderSettings(r, quality, DEFAULT_BACKGROUND);
    }

    /**
     * Settings for exporting a shot to a format: on a transparent background where the format keeps alpha
     * (ProRes 4444, PNG sequences), so that its alpha channel is real; otherwise as {@link #forShot}.
     */
    public static RenderSettings forExport(Shot shot, Quality quality, VideoFormat format) {
        RenderSettings settings = forShot(shot, quality);
        return format.hasAlpha() ? settings.withBackground(TRANSPARENT) : settings;
    }

    /** The same settings on another background colour (0xAARRGGBB), without a picture. */
    public RenderSettings withBackground(int argb) {
        return new RenderSettings(resolution, quality, argb, null);
    }

    /** The same settings with a picture over the background colour (null: none). */
    public RenderSettings withBackgroundImage(@Nullable BackgroundImage image) {
        return new RenderSettings(resolution, quality, backgroundArgb, image);
    }
}
