package org.cuestudio.format.cache;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.render.RgbaImage;

/**
 * Frames that compress like the studio's renders, for the cache benchmark: a flat backdrop (or a transparent one)
 * and an outlined, shaded cartoon figure that sways, breathes, blinks and talks by sub-pixel amounts from frame to
 * frame. Random noise would make the codec look slow and useless, one flat colour would make it look free; at
 * 640x360 these frames deflate about 14x, close to the 17x of the sample character Mira.
 */
final class RenderLikeFrames {
    private static final Color BACKDROP = new Color(0xE9E4DC);
    private static final Color OUTLINE = new Color(0x3A2A2A);

    private RenderLikeFrames() {}

    /** {@code count} consecutive frames from frame {@code first} on, at 25 fps. */
    static List<RgbaImage> segment(int first, int count, int width, int height, boolean transparent) {
        List<RgbaImage> frames = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) frames.add(frame(i, width, height, transparent));
        return frames;
    }

    /** Frame {@code i} of the figure's little performance. */
    static RgbaImage frame(int i, int width, int height, boolean transparent) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (!transparent) {
                g.setColor(BACKDROP);
                g.fillRect(0, 0, width, height);
            }
            double t = i / 25.0;
            // Drawn in a 640x360 design space, scaled to the output like a vector sheet.
            g.scale(width / 640.0, height / 360.0);
            g.translate(320 + 3 * Math.sin(t * 1.3), 10 + 1.5 * Math.sin(t * 2.1));
            g.rotate(Math.toRadians(1.5 * Math.sin(t * 0.9)), 0, 200);
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double arm = 4 * Math.sin(t * 1.7);
            part(g, new RoundRectangle2D.Double(-45, 235, 40, 130, 16, 16), 0x2E3A66);
            part(g, new RoundRectangle2D.Double(5, 235, 40, 130, 16, 16), 0x2E3A66);
            part(g, new RoundRectangle2D.Double(-62, 130, 124, 135, 30, 30), 0x2F8F8A);
            part(g, new Rectangle2D.Double(-15, 135, 30, 100), 0xF2EAD8);
            part(g, new RoundRectangle2D.Double(-88, 140 + arm, 26, 120, 14, 14), 0x2F8F8A);
            part(g, new RoundRectangle2D.Double(62, 140 - arm, 26, 120, 14, 14), 0x2F8F8A);
            part(g, new Ellipse2D.Double(-88, 255 + arm, 24, 36), 0xF5C9A8);
            part(g, new Ellipse2D.Double(64, 255 - arm, 24, 36), 0xF5C9A8);
            g.setStroke(new BasicStroke(1.1f));
            g.setColor(new Color(0x1F6662));
            for (int k = 0; k < 6; k++) { // jacket folds
                double y = 150 + k * 18;
                g.draw(new QuadCurve2D.Double(-60, y, -30, y + 6 + arm, -18, y + 2));
                g.draw(new QuadCurve2D.Double(60, y, 30, y + 6 - arm, 18, y + 2));
            }
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            part(g, new RoundRectangle2D.Double(-58, 15, 116, 130, 60, 60), 0x9C3B24);
            g.setStroke(new BasicStroke(1.1f));
            g.setColor(new Color(0x6E2414));
            for (int k = 0; k < 14; k++) { // hair strands
                double x = -50 + k * 7.5;
                g.draw(new QuadCurve2D.Double(x, 22, x + 6 * Math.sin(t + k), 80, x + 2, 140));
            }
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            part(g, new Ellipse2D.Double(-42, 40, 84, 100), 0xF5C9A8);
            double lid = i % 40 < 3 ? 2 : 14;
            for (int side = -1; side <= 1; side += 2) {
                part(g, new Ellipse2D.Double(side * 18 - 9, 78, 18, lid), 0xFFFFFF);
                g.setColor(new Color(0x2A9D8F));
                g.fill(new Ellipse2D.Double(side * 18 - 5 + 2 * Math.sin(t), 78 + lid / 2 - 5, 10, Math.min(10, lid)));
            }
            part(g, new Ellipse2D.Double(-10, 112, 20, 4 + 8 * Math.abs(Math.sin(t * 7))), 0xA02C3C);
        } finally {
            g.dispose();
        }
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rgba = new byte[argb.length * 4];
        for (int p = 0; p < argb.length; p++) {
            int v = argb[p];
            rgba[p * 4] = (byte) (v >> 16);
            rgba[p * 4 + 1] = (byte) (v >> 8);
            rgba[p * 4 + 2] = (byte) v;
            rgba[p * 4 + 3] = (byte) (v >>> 24);
        }
        return new RgbaImage(width, height, rgba);
    }

    /** A shaded, outlined shape, as a character sheet's layers are drawn. */
    private static void part(Graphics2D g, Shape shape, int rgb) {
        Color c = new Color(rgb);
        Rectangle2D b = shape.getBounds2D();
        g.setPaint(new GradientPaint((float) b.getMinX(), (float) b.getMinY(), c.brighter(), (float) b.getMaxX(),
                (float) b.getMaxY(), c.darker()));
        g.fill(shape);
        g.setPaint(OUTLINE);
        g.draw(shape);
    }
}
