package org.cuestudio.inference.render;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cuestudio.core.perform.PerformanceFrame;
import org.jspecify.annotations.Nullable;

/**
 * Renders single portraits on the device: for a frame it poses the portrait's {@link PortraitMesh}, rasterises the
 * posed mesh in Java into a per-pixel field of source coordinates over the frame box the picture covers (DJL has no
 * op that rasterises triangles), and samples the portrait with it through the TorchScript kernel
 * {@code portrait_warp.pt} (bilinear {@code grid_sample}, which DJL's public API lacks; see make_portrait_kernel.py).
 * The portrait is kept on the device, premultiplied and scaled to the output scale (area-averaged when it shrinks,
 * bilinear when it grows), for the last few scales. Owned by the render worker: not thread-safe.
 */
final class PortraitWarper implements AutoCloseable {
    static final String KERNEL = "portrait_warp.pt";
    /** How many (portrait, scale) sources stay on the device. */
    static final int SOURCE_CACHE = 4;

    /** A warped portrait: premultiplied float RGBA [4, height, width] to draw at frame pixel (x, y). */
    record Patch(NDArray pixels, int x, int y, int width, int height) {
    }

    private record SourceKey(String contentHash, int width, int height) {
    }

    private final Model model;
    private final PtSymbolBlock kernel;
    private final NDManager manager;
    private final Map<SourceKey, NDArray> sources = new LinkedHashMap<>(8, 0.75f, true);

    private PortraitWarper(Model model, PtSymbolBlock kernel, NDManager manager) {
        this.model = model;
        this.kernel = kernel;
        this.manager = manager;
    }

    /** Loads the kernel; {@code manager} holds the cached sources and must outlive the warper. */
    static PortraitWarper load(Device device, NDManager manager) throws IOException, MalformedModelException {
        Model model = Model.newInstance("cue-portrait-warp", device, "PyTorch");
        try (InputStream in = PortraitWarper.class.getResourceAsStream(KERNEL)) {
            if (in == null) throw new IOException("resource " + KERNEL + " is missing from the inference jar");
            model.load(in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new PortraitWarper(model, (PtSymbolBlock) model.getBlock(), manager.newSubManager());
    }

    /**
     * The portrait of {@code character} posed for {@code f}, over the frame box its picture covers; null when the
     * picture lies outside the frame. The patch belongs to {@code frame}.
     */
    @Nullable Patch warp(NDManager frame, DjlCharacterModel character, PerformanceFrame f, Placement placement) {
        PortraitMesh mesh = character.mesh();
        if (mesh == null) throw new IllegalArgumentException(character + " is not a portrait");
        double k = placement.pixelsPerUnit();
        var pic = character.sheet().rig().viewBox();
        int x0 = (int) Math.max(0, Math.floor(placement.left()));
        int y0 = (int) Math.max(0, Math.floor(placement.top()));
        int x1 = (int) Math.min(placement.width(), Math.ceil(placement.left() + pic.width() * k));
        int y1 = (int) Math.min(placement.height(), Math.ceil(placement.top() + pic.height() * k));
        if (x1 <= x0 || y1 <= y0) return null;
        int bw = x1 - x0, bh = y1 - y0;
        float[] grid = field(mesh, mesh.pose(f), placement, x0, y0, bw, bh);
        NDArray source = source(character, k);
        NDArray gridArr = frame.create(grid, new Shape(bh, bw, 2));
        IValue[] in = {IValue.from((PtNDArray) source), IValue.from((PtNDArray) gridArr)};
        IValue result = null;
        try {
            result = kernel.forward(in);
            return new Patch(result.toTensor((PtNDManager) frame), x0, y0, bw, bh);
        } finally {
            if (result != null) result.close();
            for (IValue v : in) v.close();
        }
    }

    /**
     * The source-coordinate field of a posed mesh over a frame box: for every pixel (row major, x then y) the
     * normalised point of the augmented picture it shows. Pixels no drawn triangle covers show the picture where it
     * is (the identity), so nothing tears open.
     */
    static float[] field(PortraitMesh mesh, double[] posed, Placement placement, int x0, int y0, int bw, int bh) {
        double k = placement.pixelsPerUnit();
        double aw = mesh.augmentedWidth(), ah = mesh.augmentedHeight();
        float[] grid = new float[bw * bh * 2];
        float[] identityRow = new float[bw * 2];
        for (int i = 0; i < bw; i++) identityRow[2 * i] = (float) (2 * ((x0 + i + 0.5 - placement.left()) / k) / aw - 1);
        for (int j = 0; j < bh; j++) {
            float gy = (float) (2 * ((y0 + j + 0.5 - placement.top()) / k) / ah - 1);
            for (int i = 0; i < bw; i++) identityRow[2 * i + 1] = gy;
            System.arraycopy(identityRow, 0, grid, j * bw * 2, bw * 2);
        }
        int n = mesh.size();
        double[] fx = new double[n], fy = new double[n];
        for (int v = 0; v < n; v++) {
            fx[v] = placement.left() + posed[2 * v] * k;
            fy[v] = placement.top() + posed[2 * v + 1] * k;
        }
        double[] sx = mesh.sourceX(), sy = mesh.sourceY();
        double[] su = new double[n], sv = new double[n];
        for (int v = 0; v < n; v++) {
            su[v] = 2 * sx[v] / aw - 1;
            sv[v] = 2 * sy[v] / ah - 1;
        }
        int[] tris = mesh.triangles();
        for (int t = 0; t < tris.length; t += 3) {
            triangle(grid, x0, y0, bw, bh, fx, fy, su, sv, tris[t], tris[t + 1], tris[t + 2]);
        }
        return grid;
    }

    private static void triangle(float[] grid, int x0, int y0, int bw, int bh, double[] fx, double[] fy, double[] su,
            double[] sv, int a, int b, int c) {
        double xa = fx[a], ya = fy[a], xb = fx[b], yb = fy[b], xc = fx[c], yc = fy[c];
        double det = (yb - yc) * (xa - xc) + (xc - xb) * (ya - yc);
        double srcDet = (sv[b] - sv[c]) * (su[a] - su[c]) + (su[c] - su[b]) * (sv[a] - sv[c]);
        if (Math.abs(det) < 1e-9 || Math.abs(srcDet) < 1e-12 || (det > 0) != (srcDet > 0)) return;
        int minX = Math.max(x0, (int) Math.floor(Math.min(xa, Math.min(xb, xc)) - 0.5));
        int maxX = Math.min(x0 + bw - 1, (int) Math.ceil(Math.max(xa, Math.max(xb, xc)) - 0.5));
        int minY = Math.max(y0, (int) Math.floor(Math.min(ya, Math.min(yb, yc)) - 0.5));
        int maxY = Math.min(y0 + bh - 1, (int) Math.ceil(Math.max(ya, Math.max(yb, yc)) - 0.5));
        if (minX > maxX || minY > maxY) return;
        double dax = (yb - yc) / det, day = (xc - xb) / det;
        double dbx = (yc - ya) / det, dby = (xa - xc) / det;
        final double eps = -1e-9;
        for (int py = minY; py <= maxY; py++) {
            double cy = py + 0.5 - yc;
            double cx = minX + 0.5 - xc;
            double la = dax * cx + day * cy;
            double lb = dbx * cx + dby * cy;
            int row = (py - y0) * bw * 2;
            for (int px = minX; px <= maxX; px++, la += dax, lb += dbx) {
                double lc = 1 - la - lb;
                if (la < eps || lb < eps || lc < eps) continue;
                int o = row + (px - x0) * 2;
                grid[o] = (float) (la * su[a] + lb * su[b] + lc * su[c]);
                grid[o + 1] = (float) (la * sv[a] + lb * sv[b] + lc * sv[c]);
            }
        }
    }

    /** The augmented portrait, premultiplied, at {@code k} output pixels per picture pixel, made on first use. */
    private NDArray source(DjlCharacterModel character, double k) {
        PortraitMesh mesh = character.mesh();
        int aw = mesh.augmentedWidth(), ah = mesh.augmentedHeight();
        int sw = Math.max(1, (int) Math.round(aw * k)), sh = Math.max(1, (int) Math.round(ah * k));
        SourceKey key = new SourceKey(character.contentHash(), sw, sh);
        NDArray cached = sources.get(key);
        if (cached != null) return cached;
        Iterator<Map.Entry<SourceKey, NDArray>> it = sources.entrySet().iterator();
        while (sources.size() >= SOURCE_CACHE && it.hasNext()) {
            it.next().getValue().close();
            it.remove();
        }
        try (NDManager work = manager.newSubManager()) {
            NDArray hwc = work.create(ByteBuffer.wrap(mesh.augmentedPicture()), new Shape(ah, aw, 4), DataType.UINT8)
                    .toType(DataType.FLOAT32, false).divi(255f);
            NDArray alpha = hwc.get(new NDIndex(":, :, 3:4"));
            NDArray pre = hwc.get(new NDIndex(":, :, 0:3")).mul(alpha).concat(alpha, 2);
            Image.Interpolation how = k < 1 ? Image.Interpolation.AREA : Image.Interpolation.BILINEAR;
            NDArray scaled = (sw == aw && sh == ah ? pre : NDImageUtils.resize(pre, sw, sh, how)).clip(0f, 1f);
            NDArray chw = scaled.transpose(2, 0, 1).duplicate();
            chw.attach(manager);
            sources.put(key, chw);
            return chw;
        }
    }

    /** Sources on the device now, for the memory checks. */
    int cachedSources() {
        return sources.size();
    }

    @Override
    public void close() {
        sources.clear();
        manager.close();
        model.close();
    }
}
