package org.cuestudio.inference.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delaunay triangulation of a point set (Bowyer-Watson), for the portrait mesh. Quadratic in the number of points,
 * which is a few hundred; deterministic: the same points in the same order give the same triangles.
 */
final class Delaunay {
    private Delaunay() {
    }

    /** Triangles as index triples into the points, each counter-clockwise in y-down coordinates' maths sense. */
    static int[] triangulate(double[] xs, double[] ys) {
        int n = xs.length;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double span = Math.max(maxX - minX, maxY - minY) + 1;
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        double[] x = new double[n + 3];
        double[] y = new double[n + 3];
        System.arraycopy(xs, 0, x, 0, n);
        System.arraycopy(ys, 0, y, 0, n);
        x[n] = cx - 20 * span;
        y[n] = cy - span;
        x[n + 1] = cx + 20 * span;
        y[n + 1] = cy - span;
        x[n + 2] = cx;
        y[n + 2] = cy + 20 * span;
        List<int[]> tris = new ArrayList<>();
        tris.add(ccw(n, n + 1, n + 2, x, y));
        for (int p = 0; p < n; p++) {
            List<int[]> bad = new ArrayList<>();
            List<int[]> keep = new ArrayList<>();
            for (int[] t : tris) {
                if (inCircumcircle(t, x[p], y[p], x, y)) bad.add(t);
                else keep.add(t);
            }
            // The boundary of the cavity: edges of bad triangles not shared by two of them.
            Map<Long, int[]> edges = new HashMap<>();
            List<Long> order = new ArrayList<>();
            for (int[] t : bad) {
                for (int e = 0; e < 3; e++) {
                    int a = t[e], b = t[(e + 1) % 3];
                    long key = Math.min(a, b) * 1_000_000L + Math.max(a, b);
                    if (edges.remove(key) == null) {
                        edges.put(key, new int[] {a, b});
                        order.add(key);
                    }
                }
            }
            for (long key : order) {
                int[] e = edges.get(key);
                if (e != null) keep.add(ccw(e[0], e[1], p, x, y));
            }
            tris = keep;
        }
        List<Integer> out = new ArrayList<>();
        for (int[] t : tris) {
            if (t[0] >= n || t[1] >= n || t[2] >= n) continue;
            out.add(t[0]);
            out.add(t[1]);
            out.add(t[2]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] ccw(int a, int b, int c, double[] x, double[] y) {
        double cross = (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]);
        return cross >= 0 ? new int[] {a, b, c} : new int[] {a, c, b};
    }

    private static boolean inCircumcircle(int[] t, double px, double py, double[] x, double[] y) {
        double ax = x[t[0]] - px, ay = y[t[0]] - py;
        double bx = x[t[1]] - px, by = y[t[1]] - py;
        double cx = x[t[2]] - px, cy = y[t[2]] - py;
        double det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay)
                + (cx * cx + cy * cy) * (ax * by - bx * ay);
        return det > 0;
    }
}
