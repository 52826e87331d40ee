package org.cuestudio.inference.render;

import java.awt.geom.AffineTransform;
import org.cuestudio.inference.sheet.CanvasRect;

/**
 * Where the sheet's canvas lies in the output frame: its height fills the frame's height and it is centred
 * horizontally (on a whole pixel, so that unmoved sprites land on the pixel grid); what lies outside is cut.
 *
 * @param width   frame width in pixels
 * @param height  frame height in pixels
 * @param viewBox the sheet's canvas
 */
record Placement(int width, int height, CanvasRect viewBox) {
    /** Frame pixels per canvas unit. */
    double pixelsPerUnit() {
        return height / viewBox.height();
    }

    /** Frame column of the canvas' left edge. */
    double left() {
        return Math.round((width - viewBox.width() * pixelsPerUnit()) / 2);
    }

    /** Maps canvas coordinates to frame pixel coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)). */
    AffineTransform canvasToFrame() {
        double k = pixelsPerUnit();
        AffineTransform t = AffineTransform.getTranslateInstance(left(), 0);
        t.scale(k, k);
        t.translate(-viewBox.x0(), -viewBox.y0());
        return t;
    }
}
