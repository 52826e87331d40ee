package org.cuestudio.inference.render;

import java.awt.geom.AffineTransform;
import org.jspecify.annotations.Nullable;

/**
 * One sprite to draw on a frame: where (a canvas-to-canvas transform of its rest position), how opaque, and
 * optionally the sprite whose alpha clips it (a pupil is clipped by its eyeball). Drawn in list order, back to front.
 *
 * @param sprite        sprite index in the sheet
 * @param transform     moves the sprite from where the artist drew it to where it is on this frame (canvas units)
 * @param opacity       0..1
 * @param clipSprite    sprite whose alpha multiplies this one, or -1
 * @param clipTransform the clip sprite's transform (null when there is no clip)
 */
record DrawOp(int sprite, AffineTransform transform, float opacity, int clipSprite, @Nullable AffineTransform clipTransform) {
    DrawOp {
        transform = new AffineTransform(transform);
        clipTransform = clipTransform == null ? null : new AffineTransform(clipTransform);
    }

    DrawOp(int sprite, AffineTransform transform, float opacity) {
        this(sprite, transform, opacity, -1, null);
    }

    @Override
    public AffineTransform transform() {
        return new AffineTransform(transform);
    }

    @Override
    public @Nullable AffineTransform clipTransform() {
        return clipTransform == null ? null : new AffineTransform(clipTransform);
    }
}
