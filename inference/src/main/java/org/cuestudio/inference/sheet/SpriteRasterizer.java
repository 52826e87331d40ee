package org.cuestudio.inference.sheet;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Rasterises sprite documents with JSVG: first once at a small "probe" scale to measure where each sprite draws,
 * then at any render scale over just that region, cropped to its pixels plus a transparent margin.
 */
public final class SpriteRasterizer {
    /** Longest side, in pixels, of the probe raster of the canvas grown by {@link #PROBE_GROWTH} on each side. */
    static final int PROBE_SIDE = 768;
    /** Art may reach this fraction of the canvas size beyond each edge (raised arms, legs below the frame). */
    static final double PROBE_GROWTH = 0.5;
    /** Transparent pixels kept around a sprite so that bilinear sampling fades its edges to nothing. */
    static final int MARGIN = 2;
    /** A sprite larger than this (pixels) is refused rather than exhausting memory. */
    static final long MAX_PIXELS = 48L * 1024 * 1024;

    private static final LoaderContext CONTEXT = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_EXTERNAL).build();

    private SpriteRasterizer() {
    }

    /** Where a sprite draws on the canvas, or null when it draws nothing. */
    public static @Nullable CanvasRect measure(SpriteSource source, CanvasRect viewBox) {
        RasterArt art = source.raster();
        if (art != null) return art.bounds(); // cropped to its painted pixels when loaded
        CanvasRect region = probeRegion(viewBox);
        double scale = probeScale(viewBox);
        int w = (int) Math.ceil(region.width() * scale);
        int h = (int) Math.ceil(region.height() * scale);
        BufferedImage img = render(source, region.x0(), region.y0(), scale, w, h);
        int[] px = pixels(img);
        int[] b = alphaBounds(px, w, h);
        if (b == null) return null;
        return new CanvasRect(region.x0() + b[0] / scale, region.y0() + b[1] / scale, region.x0() + (b[2] + 1) / scale,
                region.y0() + (b[3] + 1) / scale);
    }

    /**
     * Rasterises a sprite at {@code scale} pixels per canvas unit, or returns null when it draws nothing. Pixel
     * (0, 0) of the rasterised canvas is the canvas' top-left corner; the sprite's origin is a multiple of
     * {@code align} there (2 for supersampled finals, so that 2x2 blocks line up with output pixels).
     */
    public static @Nullable SpriteRaster rasterise(SpriteSource source, CanvasRect viewBox, double scale, int align) {
        if (align < 1) throw new IllegalArgumentException("align must be positive, got " + align);
        CanvasRect bounds = source.bounds();
        if (bounds == null) return null;
        RasterArt art = source.raster();
        if (art != null) return RasterResampler.resample(source.label(), art, viewBox, probeRegion(viewBox), scale, align);
        // The probe may have missed a faint antialiased pixel: look two probe pixels further.
        CanvasRect area = bounds.grow(2 / probeScale(viewBox));
        CanvasRect limit = probeRegion(viewBox);
        int px0 = (int) Math.floor((Math.max(area.x0(), limit.x0()) - viewBox.x0()) * scale) - MARGIN;
        int py0 = (int) Math.floor((Math.max(area.y0(), limit.y0()) - viewBox.y0()) * scale) - MARGIN;
        int px1 = (int) Math.ceil((Math.min(area.x1(), limit.x1()) - viewBox.x0()) * scale) + MARGIN;
        int py1 = (int) Math.ceil((Math.min(area.y1(), limit.y1()) - viewBox.y0()) * scale) + MARGIN;
        int w = px1 - px0;
        int h = py1 - py0;
        if (w <= 0 || h <= 0) return null;
        if ((long) w * h > MAX_PIXELS) {
            throw new IllegalStateException("sprite " + source.label() + " would be " + w + "x" + h + " pixels at scale "
                    + scale + ", more than " + MAX_PIXELS);
        }
        BufferedImage img = render(source, viewBox.x0() + px0 / scale, viewBox.y0() + py0 / scale, scale, w, h);
        int[] px = pixels(img);
        int[] b = alphaBounds(px, w, h);
        if (b == null) return null;
        int cx0 = b[0] - MARGIN;
        int cy0 = b[1] - MARGIN;
        cx0 -= Math.floorMod(px0 + cx0, align);
        cy0 -= Math.floorMod(py0 + cy0, align);
        int cw = b[2] + 1 + MARGIN - cx0;
        int ch = b[3] + 1 + MARGIN - cy0;
        byte[] planes = new byte[4 * cw * ch];
        int plane = cw * ch;
        for (int row = 0; row < ch; row++) {
            int sy = cy0 + row;
            if (sy < 0 || sy >= h) continue;
            for (int col = 0; col < cw; col++) {
                int sx = cx0 + col;
                if (sx < 0 || sx >= w) continue;
                int argb = px[sy * w + sx];
                int i = row * cw + col;
                planes[i] = (byte) (argb >>> 16);
                planes[plane + i] = (byte) (argb >>> 8);
                planes[2 * plane + i] = (byte) argb;
                planes[3 * plane + i] = (byte) (argb >>> 24);
            }
        }
        return new SpriteRaster(px0 + cx0, py0 + cy0, cw, ch, planes);
    }

    /** The largest region any sprite is rasterised over: the canvas grown by half its size on each side. */
    static CanvasRect probeRegion(CanvasRect viewBox) {
        return new CanvasRect(viewBox.x0() - PROBE_GROWTH * viewBox.width(), viewBox.y0() - PROBE_GROWTH * viewBox.height(),
                viewBox.x1() + PROBE_GROWTH * viewBox.width(), viewBox.y1() + PROBE_GROWTH * viewBox.height());
    }

    private static double probeScale(CanvasRect viewBox) {
        CanvasRect r = probeRegion(viewBox);
        return PROBE_SIDE / Math.max(r.width(), r.height());
    }

    private static BufferedImage render(SpriteSource source, double x, double y, double scale, int w, int h) {
        String svg = source.document(x, y, w / scale, h / scale, w, h);
        SVGDocument doc = new SVGLoader().load(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), null, CONTEXT);
        if (doc == null) throw new IllegalStateException("JSVG cannot read sprite " + source.label());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            doc.render((Component) null, g, new ViewBox(0, 0, w, h));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** {minX, minY, maxX, maxY} of the pixels with any alpha, or null when there are none. */
    private static int @Nullable [] alphaBounds(int[] px, int w, int h) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int yy = 0; yy < h; yy++) {
            int row = yy * w;
            for (int xx = 0; xx < w; xx++) {
                if ((px[row + xx] >>> 24) != 0) {
                    if (xx < minX) minX = xx;
                    if (xx > maxX) maxX = xx;
                    if (yy < minY) minY = yy;
                    maxY = yy;
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }
}
