package org.cuestudio.inference.render;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.inference.sheet.CanvasPoint;
import org.cuestudio.inference.sheet.Portrait;
import org.cuestudio.inference.sheet.PortraitLandmarks;
import org.cuestudio.inference.sheet.PortraitLandmarks.Eye;
import org.cuestudio.inference.sheet.PortraitLandmarks.Mouth;

/**
 * The triangle mesh a single portrait is animated with, and how a {@link PerformanceFrame} moves its vertices; plain
 * Java, so that it can be tested without an engine. Stateless per frame.
 *
 * <p>Vertices: the landmarks, a few derived points (the lid crease above each upper lid, a point on each cheek), and
 * a regular grid over the picture whose border points never move. The mesh is a Delaunay triangulation of them,
 * except inside the eyes and the lips, which have fixed topologies: each eye is a band of quads between its upper
 * and lower lid, so a blink collapses it and the lid skin above is stretched down over it; the lips are a band on
 * each side of the line where they meet, whose vertices are doubled there so the mouth can open; the opening between
 * them is a third band that maps into a synthesised mouth interior (dark cavity, upper teeth, tongue) painted below
 * the picture ({@link #interior}). Where a destination triangle would turn over, it is not drawn.
 *
 * <p>Motion, in order: the face's own parts (lids, brows, lips, jaw) move in the picture; then the head turns (yaw)
 * and nods (pitch) as if the face were drawn on a cylinder about its vertical (horizontal) axis, features near the
 * middle moving most and the silhouette staying put, the nose a little more for its depth; then it tilts (roll)
 * about the top of the neck; then, when the sheet has neck landmarks, the body leans and breathes. Head motion is
 * weighted by an ellipse around the head that fades out down the neck and beyond the hair, so the shoulders and the
 * picture's border stay where they are.
 */
final class PortraitMesh {
    /** Head turn and nod beyond this many degrees are clamped (the picture shows one view). */
    static final double MAX_TURN_DEG = org.cuestudio.inference.sheet.PortraitLimits.TURN_DEG;
    static final double TURN_GAIN = 0.8;
    static final double NOD_GAIN = 0.7;
    static final double MAX_ROLL_DEG = 25;
    /** Widest mouth opening, as a fraction of the mouth's width. */
    static final double OPEN_HEIGHT = 0.42;
    /** Grid cells across the picture's longer side. */
    static final int GRID = 16;
    /** Spline steps between a lid's landmarks. */
    static final int LID_STEPS = 3;
    /**
     * Where the eye band's edges lie from the lid landmarks, as a fraction of the eye's opening (positive = down):
     * the upper edge on its landmarks (the edge of the eyeball: lashes drawn above it stay whole when the lid
     * closes, and no white of the eye is left above the band), the lower edge a little below its landmarks, so that
     * the lower lid's line is taken along.
     */
    static final double UPPER_LID_MARGIN = 0.0;
    static final double LOWER_LID_MARGIN = 0.05;

    private final Portrait portrait;
    private final PortraitLandmarks lm;
    // Vertices.
    private final List<double[]> src = new ArrayList<>();
    private final List<Integer> destOf = new ArrayList<>();
    private final List<Boolean> fixed = new ArrayList<>();
    private int[] tris = new int[0];
    private double[] sx;
    private double[] sy;
    private int[] twin;
    private boolean[] pinned;
    // Landmark vertex indices.
    private final int[][] eyeUpper = new int[2][];
    private final int[][] eyeLower = new int[2][];
    private final int[][] eyeCrease = new int[2][];
    private final int[][] eyeCorner = new int[2][];
    private final int[][] brow = new int[2][];
    private int mouthL, mouthR;
    private final int[] upperLip = new int[3], lineUp = new int[3], lineLow = new int[3], lowerLip = new int[3];
    private final int[] cheek = new int[2];
    private int noseTip = -1, noseL = -1, noseR = -1, noseBridge = -1;
    // Derived geometry.
    private final double eyeY, chinY, faceCx, faceR, d, neckY, mouthW, lineY, mouthCx;
    private final CanvasPoint rollPivot;
    private final int interiorX, interiorY, interiorW, interiorH, augW, augH;

    PortraitMesh(Portrait portrait) {
        this.portrait = portrait;
        this.lm = portrait.landmarks();
        Mouth m = lm.mouth();
        eyeY = (lm.leftEye().centre().y() + lm.rightEye().centre().y()) / 2;
        chinY = lm.chin().y();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
        for (CanvasPoint p : lm.faceOutline()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
        }
        faceCx = (minX + maxX) / 2;
        faceR = Math.max(1, (maxX - minX) / 2);
        d = Math.max(1, chinY - eyeY);
        neckY = lm.neck() != null ? lm.neck().centre().y() : chinY + 0.5 * d;
        rollPivot = new CanvasPoint(lm.chin().x(), chinY + 0.45 * (neckY - chinY));
        mouthW = Math.max(2, m.width());
        lineY = m.lipLine().get(1).y();
        mouthCx = (m.left().x() + m.right().x()) / 2;
        // The mouth interior lies below the picture, a transparent gap between them.
        interiorW = Math.min(portrait.width(), (int) Math.ceil(mouthW * 1.25) + 8);
        interiorH = (int) Math.ceil(interiorW * 0.5);
        int gap = Math.max(16, portrait.height() / 32);
        interiorX = 0;
        interiorY = portrait.height() + gap;
        augW = portrait.width();
        augH = interiorY + interiorH + gap;
        build();
    }

    // ---- construction

    private int add(double x, double y, boolean isFixed) {
        src.add(new double[] {x, y});
        destOf.add(src.size() - 1);
        fixed.add(isFixed);
        return src.size() - 1;
    }

    private int add(CanvasPoint p) {
        return add(p.x(), p.y(), false);
    }

    private void build() {
        List<Integer> delaunay = new ArrayList<>();
        Eye[] eyes = {lm.leftEye(), lm.rightEye()};
        List<List<CanvasPoint>> brows = List.of(lm.leftBrow(), lm.rightBrow());
        for (int s = 0; s < 2; s++) {
            Eye e = eyes[s];
            eyeCorner[s] = new int[] {add(e.leftCorner()), add(e.rightCorner())};
            // The lids' edges are curves: the three landmarks of each are subdivided along a spline through the
            // corners.
            List<CanvasPoint> up = lid(e.leftCorner(), e.upperLid(), e.rightCorner());
            List<CanvasPoint> low = lid(e.leftCorner(), e.lowerLid(), e.rightCorner());
            eyeUpper[s] = new int[up.size()];
            eyeLower[s] = new int[low.size()];
            for (int i = 0; i < up.size(); i++) {
                double gap = low.get(i).y() - up.get(i).y();
                eyeUpper[s][i] = add(up.get(i).x(), up.get(i).y() + UPPER_LID_MARGIN * gap, false);
                eyeLower[s][i] = add(low.get(i).x(), low.get(i).y() + LOWER_LID_MARGIN * gap, false);
            }
            eyeCrease[s] = new int[3];
            List<CanvasPoint> b = brows.get(s);
            brow[s] = new int[b.size()];
            for (int i = 0; i < b.size(); i++) brow[s][i] = add(b.get(i));
            // The lid crease: 40% of the way from the lid's edge up to the brow above it.
            for (int i = 0; i < 3; i++) {
                CanvasPoint u = e.upperLid().get(i);
                double by = browYAt(b, u.x());
                eyeCrease[s][i] = add(u.x(), u.y() + 0.4 * (by - u.y()), false);
            }
            for (int[] group : new int[][] {eyeCorner[s], eyeUpper[s], eyeLower[s], eyeCrease[s], brow[s]}) {
                for (int v : group) delaunay.add(v);
            }
        }
        Mouth m = lm.mouth();
        mouthL = add(m.left());
        mouthR = add(m.right());
        delaunay.add(mouthL);
        delaunay.add(mouthR);
        for (int i = 0; i < 3; i++) {
            upperLip[i] = add(m.upperLip().get(i));
            lowerLip[i] = add(m.lowerLip().get(i));
            lineUp[i] = add(m.lipLine().get(i));
            lineLow[i] = add(m.lipLine().get(i));
            delaunay.add(upperLip[i]);
            delaunay.add(lowerLip[i]);
        }
        cheek[0] = add(m.left().x() - 0.3 * mouthW, m.left().y() - 0.45 * mouthW, false);
        cheek[1] = add(m.right().x() + 0.3 * mouthW, m.right().y() - 0.45 * mouthW, false);
        delaunay.add(cheek[0]);
        delaunay.add(cheek[1]);
        var nose = lm.nose();
        noseTip = add(nose.tip());
        noseL = add(nose.left());
        noseR = add(nose.right());
        delaunay.add(noseTip);
        delaunay.add(noseL);
        delaunay.add(noseR);
        if (nose.bridge() != null) {
            noseBridge = add(nose.bridge());
            delaunay.add(noseBridge);
        }
        for (CanvasPoint p : lm.faceOutline()) delaunay.add(add(p));
        if (lm.neck() != null) {
            delaunay.add(add(lm.neck().left()));
            delaunay.add(add(lm.neck().right()));
        }
        // The grid: border points are pinned; inner points too close to a landmark are left out.
        int w = portrait.width(), h = portrait.height();
        double cell = Math.max(w, h) / (double) GRID;
        int nx = Math.max(2, (int) Math.round(w / cell)), ny = Math.max(2, (int) Math.round(h / cell));
        int landmarks = src.size();
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                double x = w * i / (double) nx, y = h * j / (double) ny;
                boolean border = i == 0 || j == 0 || i == nx || j == ny;
                if (!border && tooClose(x, y, landmarks, 0.55 * cell)) continue;
                delaunay.add(add(x, y, border));
            }
        }
        int n = src.size();
        double[] dx = new double[delaunay.size()], dy = new double[delaunay.size()];
        for (int k = 0; k < dx.length; k++) {
            dx[k] = src.get(delaunay.get(k))[0];
            dy[k] = src.get(delaunay.get(k))[1];
        }
        int[] dt = Delaunay.triangulate(dx, dy);
        List<Integer> out = new ArrayList<>();
        List<double[][]> holes = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            holes.add(polygon(eyeCorner[s][0], eyeUpper[s], eyeCorner[s][1], eyeLower[s]));
        }
        holes.add(polygon(mouthL, upperLip, mouthR, lowerLip));
        for (int t = 0; t < dt.length; t += 3) {
            int a = delaunay.get(dt[t]), b = delaunay.get(dt[t + 1]), c = delaunay.get(dt[t + 2]);
            double cx = (src.get(a)[0] + src.get(b)[0] + src.get(c)[0]) / 3;
            double cy = (src.get(a)[1] + src.get(b)[1] + src.get(c)[1]) / 3;
            boolean inHole = false;
            for (double[][] poly : holes) inHole |= inside(poly, cx, cy);
            if (inHole) continue;
            out.add(a);
            out.add(b);
            out.add(c);
        }
        // Eyes: a band from the upper lid to the lower.
        for (int s = 0; s < 2; s++) {
            int[] top = chain(eyeCorner[s][0], eyeUpper[s], eyeCorner[s][1]);
            int[] bottom = chain(eyeCorner[s][0], eyeLower[s], eyeCorner[s][1]);
            band(top, bottom, out);
        }
        // Lips: upper lip, lower lip, then the interior between their inner edges.
        int[] upperOuter = chain(mouthL, upperLip, mouthR);
        int[] upperInner = chain(mouthL, lineUp, mouthR);
        int[] lowerInner = chain(mouthL, lineLow, mouthR);
        int[] lowerOuter = chain(mouthL, lowerLip, mouthR);
        band(upperOuter, upperInner, out);
        band(lowerInner, lowerOuter, out);
        int[] texTop = new int[5], texBottom = new int[5];
        for (int i = 0; i < 5; i++) {
            double u = interiorX + interiorW * (0.1 + 0.8 * i / 4.0);
            texTop[i] = add(u, interiorY + interiorH * 0.1, false);
            destOf.set(texTop[i], upperInner[i]);
            texBottom[i] = add(u, interiorY + interiorH * 0.9, false);
            destOf.set(texBottom[i], lowerInner[i]);
        }
        band(texTop, texBottom, out);
        tris = out.stream().mapToInt(Integer::intValue).toArray();
        n = src.size();
        sx = new double[n];
        sy = new double[n];
        twin = new int[n];
        pinned = new boolean[n];
        for (int i = 0; i < n; i++) {
            sx[i] = src.get(i)[0];
            sy[i] = src.get(i)[1];
            twin[i] = destOf.get(i);
            pinned[i] = fixed.get(i);
        }
    }

    /** Points along a Catmull-Rom spline through a lid's corners and landmarks, corners left out. */
    static List<CanvasPoint> lid(CanvasPoint left, List<CanvasPoint> marks, CanvasPoint right) {
        List<CanvasPoint> k = new ArrayList<>();
        k.add(left);
        k.addAll(marks);
        k.add(right);
        List<CanvasPoint> out = new ArrayList<>();
        for (int i = 0; i + 1 < k.size(); i++) {
            CanvasPoint p0 = k.get(Math.max(0, i - 1)), p1 = k.get(i), p2 = k.get(i + 1), p3 = k.get(Math.min(k.size() - 1, i + 2));
            for (int j = i == 0 ? 1 : 0; j < LID_STEPS; j++) {
                double t = j / (double) LID_STEPS, t2 = t * t, t3 = t2 * t;
                double x = 0.5 * (2 * p1.x() + (-p0.x() + p2.x()) * t + (2 * p0.x() - 5 * p1.x() + 4 * p2.x() - p3.x()) * t2
                        + (-p0.x() + 3 * p1.x() - 3 * p2.x() + p3.x()) * t3);
                double y = 0.5 * (2 * p1.y() + (-p0.y() + p2.y()) * t + (2 * p0.y() - 5 * p1.y() + 4 * p2.y() - p3.y()) * t2
                        + (-p0.y() + 3 * p1.y() - 3 * p2.y() + p3.y()) * t3);
                out.add(new CanvasPoint(x, y));
            }
        }
        return out;
    }

    private static double browYAt(List<CanvasPoint> b, double x) {
        CanvasPoint best = b.get(0);
        for (CanvasPoint p : b) if (Math.abs(p.x() - x) < Math.abs(best.x() - x)) best = p;
        return best.y();
    }

    private boolean tooClose(double x, double y, int count, double r) {
        for (int i = 0; i < count; i++) {
            if (Math.hypot(src.get(i)[0] - x, src.get(i)[1] - y) < r) return true;
        }
        return false;
    }

    private static int[] chain(int first, int[] middle, int last) {
        int[] c = new int[middle.length + 2];
        c[0] = first;
        System.arraycopy(middle, 0, c, 1, middle.length);
        c[c.length - 1] = last;
        return c;
    }

    private double[][] polygon(int first, int[] top, int last, int[] bottom) {
        int[] ring = new int[top.length + bottom.length + 2];
        ring[0] = first;
        System.arraycopy(top, 0, ring, 1, top.length);
        ring[top.length + 1] = last;
        for (int i = 0; i < bottom.length; i++) ring[top.length + 2 + i] = bottom[bottom.length - 1 - i];
        double[][] p = new double[ring.length][];
        for (int i = 0; i < ring.length; i++) p[i] = src.get(ring[i]);
        return p;
    }

    private static boolean inside(double[][] poly, double x, double y) {
        boolean in = false;
        for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
            if ((poly[i][1] > y) != (poly[j][1] > y)
                    && x < (poly[j][0] - poly[i][0]) * (y - poly[i][1]) / (poly[j][1] - poly[i][1]) + poly[i][0]) {
                in = !in;
            }
        }
        return in;
    }

    /** Two triangles per quad between two chains of the same length. */
    private static void band(int[] a, int[] b, List<Integer> out) {
        for (int i = 0; i + 1 < a.length; i++) {
            out.add(a[i]);
            out.add(a[i + 1]);
            out.add(b[i + 1]);
            out.add(a[i]);
            out.add(b[i + 1]);
            out.add(b[i]);
        }
    }

    // ---- what the mesh is

    /** Vertex count. */
    int size() {
        return sx.length;
    }

    /** Triangles as index triples, in drawing order (later ones are drawn over earlier ones). */
    int[] triangles() {
        return tris.clone();
    }

    /** Source x of every vertex, in the augmented picture's pixels (the picture, then the mouth interior below). */
    double[] sourceX() {
        return sx.clone();
    }

    double[] sourceY() {
        return sy.clone();
    }

    /** The augmented picture's size: the portrait with the mouth interior painted below it. */
    int augmentedWidth() {
        return augW;
    }

    int augmentedHeight() {
        return augH;
    }

    /** Where the mouth interior texture lies in the augmented picture: x, y, width, height. */
    int[] interior() {
        return new int[] {interiorX, interiorY, interiorW, interiorH};
    }

    /** The canvas x the head is staged by: the middle of the face outline. */
    double headX() {
        return faceCx;
    }

    boolean hasNeck() {
        return lm.neck() != null;
    }

    // ---- motion

    /**
     * Where every vertex is on a frame, in the picture's pixels: {x0, y0, x1, y1, ...}. The neutral frame gives the
     * source positions exactly.
     */
    double[] pose(PerformanceFrame f) {
        int n = sx.length;
        double[] x = new double[n];
        double[] y = new double[n];
        System.arraycopy(sx, 0, x, 0, n);
        System.arraycopy(sy, 0, y, 0, n);
        eyesAndBrows(f, x, y);
        mouth(f, x, y);
        head(f, x, y);
        if (lm.neck() != null) body(f, x, y);
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int t = twin[i];
            out[2 * i] = pinned[i] ? sx[i] : x[t];
            out[2 * i + 1] = pinned[i] ? sy[i] : y[t];
        }
        return out;
    }

    private void eyesAndBrows(PerformanceFrame f, double[] x, double[] y) {
        for (int s = 0; s < 2; s++) {
            // ARKit blendshapes are anatomical: the viewer's left eye is the character's right.
            boolean viewerLeft = s == 0;
            double blink = w(f, viewerLeft ? ArkitBlendshape.eyeBlinkRight : ArkitBlendshape.eyeBlinkLeft);
            double squint = w(f, viewerLeft ? ArkitBlendshape.eyeSquintRight : ArkitBlendshape.eyeSquintLeft);
            double wide = w(f, viewerLeft ? ArkitBlendshape.eyeWideRight : ArkitBlendshape.eyeWideLeft);
            double down = w(f, viewerLeft ? ArkitBlendshape.browDownRight : ArkitBlendshape.browDownLeft);
            double outerUp = w(f, viewerLeft ? ArkitBlendshape.browOuterUpRight : ArkitBlendshape.browOuterUpLeft);
            double innerUp = w(f, ArkitBlendshape.browInnerUp);
            double close = Math.max(blink, 0.3 * squint);
            // Brows: raised by innerUp (mostly the inner end) and outerUp (mostly the outer end), lowered and drawn
            // together by browDown.
            int[] b = brow[s];
            double browGap = Math.max(4, eyeY - avgY(b));
            double travel = 0.45 * browGap;
            double meanDy = 0;
            for (int i = 0; i < b.length; i++) {
                double t = b.length == 1 ? 0.5 : i / (double) (b.length - 1);
                double inner = viewerLeft ? t : 1 - t; // 0 at the outer end, 1 at the inner end
                double dy = -travel * (innerUp * (0.25 + 0.75 * inner) + outerUp * (1 - 0.7 * inner))
                        + travel * down * (0.5 + 0.5 * inner);
                double dx = down * inner * 0.05 * faceR * (viewerLeft ? 1 : -1);
                y[b[i]] += dy;
                x[b[i]] += dx;
                meanDy += dy / b.length;
            }
            // Lids: the lower lid rises a little, the upper comes down to meet it; the crease follows part way.
            double maxUy = 0;
            for (int i = 0; i < eyeUpper[s].length; i++) {
                int u = eyeUpper[s][i], l = eyeLower[s][i];
                double gap = sy[l] - sy[u];
                double lowDy = -0.12 * close * gap;
                y[l] += lowDy;
                double targetX = sx[l], targetY = sy[l] + lowDy;
                double uy = close * (targetY - sy[u]) - wide * 0.18 * gap * (1 - close) + 0.12 * Math.min(0, meanDy);
                x[u] += close * (targetX - sx[u]);
                y[u] += uy;
                if (Math.abs(uy) > Math.abs(maxUy)) maxUy = uy;
            }
            for (int c : eyeCrease[s]) y[c] += 0.3 * maxUy + 0.45 * meanDy;
        }
    }

    /** Opening (0..1) and width change (-1..1) of the mouth for the lip-sync shape. */
    static double[] shape(PerformanceFrame f) {
        double v = f.get(Channel.MOUTH_SHAPE);
        long i = Math.round(v);
        MouthShape s = Double.isFinite(v) && i >= 0 && i < MouthShape.values().length ? MouthShape.values()[(int) i]
                : MouthShape.X;
        return switch (s) {
            case A -> new double[] {0, -0.05};
            case B -> new double[] {0.12, 0.1};
            case C -> new double[] {0.38, 0.12};
            case D -> new double[] {0.75, 0.06};
            case E -> new double[] {0.4, -0.2};
            case F -> new double[] {0.2, -0.4};
            case G -> new double[] {0.08, 0};
            case H -> new double[] {0.32, 0};
            case X -> new double[] {0, 0};
        };
    }

    private void mouth(PerformanceFrame f, double[] x, double[] y) {
        double[] sh = shape(f);
        double open = Math.max(sh[0], 0.9 * w(f, ArkitBlendshape.jawOpen));
        double funnel = Math.max(w(f, ArkitBlendshape.mouthPucker), w(f, ArkitBlendshape.mouthFunnel));
        double widen = sh[1] - 0.4 * funnel;
        double drop = open * OPEN_HEIGHT * mouthW;
        // Corners: smile pulls them up and out, frown down; the character's left corner is on the viewer's right.
        double[] cdx = new double[2], cdy = new double[2];
        for (int s = 0; s < 2; s++) {
            boolean viewerLeft = s == 0;
            double smile = w(f, viewerLeft ? ArkitBlendshape.mouthSmileRight : ArkitBlendshape.mouthSmileLeft);
            double frown = w(f, viewerLeft ? ArkitBlendshape.mouthFrownRight : ArkitBlendshape.mouthFrownLeft);
            double stretch = w(f, viewerLeft ? ArkitBlendshape.mouthStretchRight : ArkitBlendshape.mouthStretchLeft);
            double out = (0.09 * smile + 0.16 * widen + 0.06 * stretch) * mouthW;
            cdx[s] = viewerLeft ? -out : out;
            cdy[s] = (-0.13 * smile + 0.16 * frown) * mouthW + 0.3 * drop;
            int c = viewerLeft ? mouthL : mouthR;
            x[c] += cdx[s];
            y[c] += cdy[s];
            int k = cheek[s];
            x[k] += 0.3 * cdx[s];
            y[k] += 0.35 * Math.min(0, cdy[s] - 0.3 * drop);
        }
        double[] side = {0.75, 0.35, 0.0};
        for (int i = 0; i < 3; i++) {
            // Lip points follow the nearer corner part way; the middle of the line curves with a smile.
            double wl = i == 0 ? 0.55 : i == 1 ? 0.25 : 0.08;
            double wr = i == 2 ? 0.55 : i == 1 ? 0.25 : 0.08;
            double mdx = wl * cdx[0] + wr * cdx[1];
            // Vertically only the points beside a corner follow it, so a smile or frown bends the lips' line.
            double vl = i == 0 ? 0.4 : i == 1 ? 0.04 : 0;
            double vr = i == 2 ? 0.4 : i == 1 ? 0.04 : 0;
            double mdy = vl * (cdy[0] - 0.3 * drop) + vr * (cdy[1] - 0.3 * drop);
            double profile = i == 1 ? 1.0 : 0.8;
            // A pucker narrows the lips toward the middle.
            double pull = -0.08 * funnel * mouthW * (i == 0 ? -1 : i == 2 ? 1 : 0);
            x[upperLip[i]] += mdx + pull;
            y[upperLip[i]] += mdy - 0.06 * drop * profile;
            x[lineUp[i]] += mdx + pull;
            y[lineUp[i]] += mdy - 0.1 * drop * profile;
            x[lineLow[i]] += mdx + pull;
            y[lineLow[i]] += mdy + drop * profile;
            x[lowerLip[i]] += mdx + pull;
            y[lowerLip[i]] += mdy + drop * profile;
        }
        if (drop > 0) {
            // The jaw: everything below the mouth and inside the face's width comes down with the lower lip.
            for (int v = 0; v < sx.length; v++) {
                if (isMouth(v) || pinned[v]) continue;
                double jw = jawWeight(sx[v], sy[v]);
                y[v] += jw * drop * 0.9;
            }
        }
    }

    private boolean isMouth(int v) {
        if (v == mouthL || v == mouthR || v == cheek[0] || v == cheek[1]) return true;
        for (int i = 0; i < 3; i++) {
            if (v == upperLip[i] || v == lowerLip[i] || v == lineUp[i] || v == lineLow[i]) return true;
        }
        return false;
    }

    private double jawWeight(double px, double py) {
        double lowLip = lm.mouth().lowerLip().get(1).y();
        double r;
        if (py <= lineY) return 0;
        if (py <= chinY) r = smooth(lineY, lowLip + 0.5 * (chinY - lowLip), py);
        else r = 1 - smooth(chinY, chinY + 0.45 * d, py);
        double h = 1 - smooth(0.55 * faceR, 1.1 * faceR, Math.abs(px - mouthCx));
        return r * h;
    }

    private void head(PerformanceFrame f, double[] x, double[] y) {
        double yaw = clamp(f.get(Channel.HEAD_YAW), -MAX_TURN_DEG, MAX_TURN_DEG) * TURN_GAIN;
        double pitch = clamp(f.get(Channel.HEAD_PITCH), -MAX_TURN_DEG, MAX_TURN_DEG) * NOD_GAIN;
        double roll = Math.toRadians(clamp(f.get(Channel.HEAD_ROLL), -MAX_ROLL_DEG, MAX_ROLL_DEG));
        if (yaw == 0 && pitch == 0 && roll == 0) return;
        double rc = 1.1 * faceR;
        double noseY = sy[noseTip];
        double rv = 1.5 * Math.max(1, chinY - noseY);
        double cos = Math.cos(roll), sin = Math.sin(roll);
        for (int v = 0; v < sx.length; v++) {
            if (pinned[v]) continue;
            double wgt = headWeight(sx[v], sy[v]);
            if (wgt <= 0) continue;
            double px = x[v], py = y[v];
            double nx = cylinder(px - faceCx, rc, yaw) + faceCx;
            double ny = cylinder(py - noseY, rv, -pitch) + noseY;
            double depth = v == noseTip ? 1 : v == noseL || v == noseR ? 0.55 : v == noseBridge ? 0.35 : 0;
            nx += depth * Math.sin(Math.toRadians(yaw)) * 0.12 * faceR;
            ny -= depth * Math.sin(Math.toRadians(pitch)) * 0.08 * faceR;
            // Tilt about the top of the neck.
            // Displacements, not positions, so that zero angles move nothing by even a rounding error.
            double rx = nx - rollPivot.x(), ry = ny - rollPivot.y();
            double tdx = (nx - px) + (cos - 1) * rx - sin * ry;
            double tdy = (ny - py) + sin * rx + (cos - 1) * ry;
            x[v] = px + wgt * tdx;
            y[v] = py + wgt * tdy;
        }
    }

    /**
     * A point at offset {@code u} from the axis of a cylinder of radius {@code r}, turned by {@code deg}: its angle on
     * the cylinder moves by {@code deg}, less toward the silhouette (which stays put), so the map stays monotonic.
     */
    static double cylinder(double u, double r, double deg) {
        if (Math.abs(u) >= r) return u;
        double theta = Math.toDegrees(Math.asin(u / r));
        double g = theta + deg * (1 - (theta / 90) * (theta / 90));
        return r * Math.sin(Math.toRadians(g));
    }

    /** How much of the head's motion a point of the picture takes: 1 in the head, fading out down the neck. */
    double headWeight(double px, double py) {
        double ax = 1.7 * faceR;
        double ay = py < eyeY ? 1.9 * d : Math.max(1.02 * d, (neckY - eyeY) / 1.45);
        double rho = Math.hypot((px - faceCx) / ax, (py - eyeY) / ay);
        return 1 - smooth(1.0, 1.45, rho);
    }

    private void body(PerformanceFrame f, double[] x, double[] y) {
        double lean = Math.toRadians(clamp(f.get(Channel.BODY_LEAN), -15, 15));
        double breath = clamp(f.get(Channel.BREATH), 0, 1);
        int h = portrait.height();
        double pivotX = lm.neck().centre().x();
        double cos = Math.cos(lean), sin = Math.sin(lean);
        for (int v = 0; v < sx.length; v++) {
            if (pinned[v]) continue;
            // Everything from the neck up sways fully; below, less toward the picture's bottom edge.
            double wgt = sy[v] <= neckY ? 1 : Math.max(0, 1 - (sy[v] - neckY) / Math.max(1, h - neckY));
            double rx = x[v] - pivotX, ry = y[v] - h;
            x[v] += wgt * ((cos - 1) * rx - sin * ry);
            y[v] += wgt * (sin * rx + (cos - 1) * ry) - wgt * breath * 0.006 * h;
        }
    }

    // ---- the mouth interior

    /**
     * Paints the synthesised mouth interior, straight RGBA {@code w} x {@code h}: a dark cavity, the upper teeth
     * along its top (they hang from the upper lip) and the tongue at its bottom. The outer tenth on every side is
     * cavity colour, so sampling near the edge never blends with the transparent gap around it.
     */
    static byte[] paintInterior(int w, int h) {
        byte[] out = new byte[w * h * 4];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double a = (i + 0.5) / w, b = (j + 0.5) / h;
                double u = (a - 0.1) / 0.8, v = (b - 0.1) / 0.8; // 0..1 across the used part
                double depth = 1 - Math.min(1, Math.hypot((u - 0.5) * 1.6, (v - 0.55) * 1.4));
                double r = 74 - 36 * depth, g = 24 - 12 * depth, bl = 30 - 14 * depth;
                // Upper teeth: a band along the top, narrower than the mouth, with faint gaps between teeth.
                double half = 0.36;
                if (v >= 0 && v < 0.24 && Math.abs(u - 0.5) < half) {
                    double edge = Math.min(1, (half - Math.abs(u - 0.5)) / 0.05);
                    double shade = 1 - 0.25 * Math.max(0, (v - 0.14) / 0.1);
                    double k = (u - 0.5) / 0.105;
                    double gapLine = Math.abs(k - Math.rint(k)) < 0.05 ? 0.93 : 1;
                    double t = edge * 0.95;
                    r = r * (1 - t) + 232 * shade * gapLine * t;
                    g = g * (1 - t) + 225 * shade * gapLine * t;
                    bl = bl * (1 - t) + 210 * shade * gapLine * t;
                }
                // Tongue: an ellipse rising from the bottom.
                double tq = Math.hypot((u - 0.5) / 0.36, (v - 1.0) / 0.45);
                if (tq < 1) {
                    double t = Math.min(1, (1 - tq) / 0.15) * 0.9;
                    double hi = Math.max(0, 1 - Math.hypot((u - 0.46) / 0.14, (v - 0.74) / 0.1));
                    r = r * (1 - t) + (168 + 30 * hi) * t;
                    g = g * (1 - t) + (72 + 30 * hi) * t;
                    bl = bl * (1 - t) + (82 + 30 * hi) * t;
                }
                int p = (j * w + i) * 4;
                out[p] = (byte) Math.round(clamp(r, 0, 255));
                out[p + 1] = (byte) Math.round(clamp(g, 0, 255));
                out[p + 2] = (byte) Math.round(clamp(bl, 0, 255));
                out[p + 3] = (byte) 255;
            }
        }
        return out;
    }

    /** The picture with the mouth interior below it: straight RGBA, {@link #augmentedWidth()} x height. */
    byte[] augmentedPicture() {
        byte[] out = new byte[augW * augH * 4];
        System.arraycopy(portrait.rgba(), 0, out, 0, portrait.rgba().length);
        byte[] tex = paintInterior(interiorW, interiorH);
        for (int j = 0; j < interiorH; j++) {
            System.arraycopy(tex, j * interiorW * 4, out, ((interiorY + j) * augW + interiorX) * 4, interiorW * 4);
        }
        return out;
    }

    // ---- helpers

    private double avgY(int[] vs) {
        double s = 0;
        for (int v : vs) s += sy[v];
        return s / vs.length;
    }

    private static double w(PerformanceFrame f, ArkitBlendshape b) {
        return clamp(f.get(b), 0, 1);
    }

    static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
    }

    private static double smooth(double e0, double e1, double v) {
        double t = clamp((v - e0) / (e1 - e0), 0, 1);
        return t * t * (3 - 2 * t);
    }
}
