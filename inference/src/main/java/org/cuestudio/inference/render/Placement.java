package org.cuestudio.inference.render;

import java.awt.geom.AffineTransform;
import org.cuestudio.core.render.Framing;
import org.cuestudio.inference.sheet.CanvasRect;

/**
 * Where a sheet's canvas lies in the output frame: its scale and the frame position of its top-left corner (a
 * whole pixel, so that unmoved sprites land on the pixel grid); what lies outside the frame is cut.
 *
 * @param width         frame width in pixels
 * @param height        frame height in pixels
 * @param viewBox       the sheet's canvas
 * @param pixelsPerUnit frame pixels per canvas unit
 * @param left          frame column of the canvas' left edge
 * @param top           frame row of the canvas' top edge
 */
record Placement(int width, int height, CanvasRect viewBox, double pixelsPerUnit, double left, double top) {
    /** The canvas as a single character stands: its height fills the frame's height, centred horizontally. */
    Placement(int width, int height, CanvasRect viewBox) {
        this(width, height, viewBox, height / viewBox.height(), Math.round((width - viewBox.width() * (height
                / viewBox.height())) / 2), 0);
    }

    /**
     * The canvas of a character standing in a scene: scaled and stood as {@code framing} says (docs/character-sheets.md,
     * "Framing and placement"), its head pivot's x at frame x {@code headX} (-1 left edge, 1 right edge).
     */
    static Placement staged(int width, int height, CanvasRect viewBox, double headPivotX, double headX,
            Framing framing) {
        double k = framing.scale() * height / viewBox.height();
        double left = Math.round(width * (1 + headX) / 2 - (headPivotX - viewBox.x0()) * k);
        double top = Math.round(framing.top() * height);
        return new Placement(width, height, viewBox, k, left, top);
    }

    /** Maps canvas coordinates to frame pixel coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)). */
    AffineTransform canvasToFrame() {
        AffineTransform t = AffineTransform.getTranslateInstance(left, top);
        t.scale(pixelsPerUnit, pixelsPerUnit);
        t.translate(-viewBox.x0(), -viewBox.y0());
        return t;
    }
}
