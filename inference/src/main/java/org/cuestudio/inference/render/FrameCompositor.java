package org.cuestudio.inference.render;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.inference.sheet.CanvasRect;
import org.jspecify.annotations.Nullable;

/**
 * Composes one frame on the device from posed sprites, with the TorchScript kernel {@code warp.pt} (made by
 * {@code src/main/python/make_warp_kernel.py}): for every sprite it computes the frame box its transformed bounds
 * cover and the affine_grid matrix that maps that box back into the sprite, and the kernel warps each sprite over
 * its box only (bilinear), clips pupils by eyeballs, composites back to front onto the background and returns
 * straight 8-bit RGBA. One kernel call per frame keeps the Java/native crossings to a handful.
 */
final class FrameCompositor implements AutoCloseable {
    /** The kernel resource, next to this class. */
    static final String KERNEL = "warp.pt";
    private static final double EPS = 1e-6;
    /** The clip index that tells the kernel to draw a sprite as it is: it is already in frame pixels, box-sized. */
    static final long DIRECT = -2;

    private final Model model;
    private final PtSymbolBlock kernel;
    private final NDManager manager;
    private final NDArray empty;
    private @Nullable Buffers buffers;

    private FrameCompositor(Model model, PtSymbolBlock kernel, NDManager manager) {
        this.model = model;
        this.kernel = kernel;
        this.manager = manager;
        this.empty = manager.zeros(new Shape(4, 1, 1));
    }

    /** Loads the kernel for a device; {@code manager} holds its long-lived arrays and must outlive it. */
    static FrameCompositor load(Device device, NDManager manager) throws IOException, MalformedModelException {
        Model model = Model.newInstance("cue-layer-compositor", device, "PyTorch");
        try (InputStream in = FrameCompositor.class.getResourceAsStream(KERNEL)) {
            if (in == null) throw new IOException("resource " + KERNEL + " is missing from the inference jar");
            model.load(in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new FrameCompositor(model, (PtSymbolBlock) model.getBlock(), manager.newSubManager());
    }

    /**
     * The inputs of one kernel call, as the kernel's contract in make_warp_kernel.py describes them; only the
     * first {@code count} rows of the arrays are used. The background is {@code backgroundImage} when there is one
     * (premultiplied float [4, height, width], the colour already under it), else {@code backgroundArgb}.
     */
    record KernelCall(List<PtNDArray> sprites, int count, long[] rows, float[] thetas, float[] clipThetas,
            float[] opacity, int width, int height, int backgroundArgb, @Nullable NDArray backgroundImage) {
    }

    /**
     * One character of a frame: its sprites, its posed draw ops (back to front) and where its canvas lies; a single
     * portrait instead brings its warped picture as a patch in frame pixels, drawn before any ops.
     */
    record Layer(SpriteAtlas atlas, List<DrawOp> ops, Placement placement, PortraitWarper.@Nullable Patch patch) {
        Layer(SpriteAtlas atlas, List<DrawOp> ops, Placement placement) {
            this(atlas, ops, placement, null);
        }
    }

    /** Renders one frame of one character; every array it makes belongs to {@code frame}, which the caller closes. */
    RgbaImage compose(NDManager frame, SpriteAtlas atlas, List<DrawOp> ops, Placement placement, int backgroundArgb) {
        return run(frame, prepare(List.of(new Layer(atlas, ops, placement)), placement.width(), placement.height(),
                backgroundArgb, null));
    }

    /**
     * Renders one frame of several characters, {@code layers} back to front, in one kernel call; every array it
     * makes belongs to {@code frame}, which the caller closes.
     */
    RgbaImage compose(NDManager frame, List<Layer> layers, int width, int height, int backgroundArgb,
            @Nullable NDArray backgroundImage) {
        return run(frame, prepare(layers, width, height, backgroundArgb, backgroundImage));
    }

    /** Works out, in Java, which sprites the kernel draws where: boxes, warp matrices, clips, opacities. */
    KernelCall prepare(SpriteAtlas atlas, List<DrawOp> ops, Placement placement, int backgroundArgb) {
        return prepare(List.of(new Layer(atlas, ops, placement)), placement.width(), placement.height(), backgroundArgb,
                null);
    }

    /** The same for the layers of several characters, back to front, into one list of kernel rows. */
    KernelCall prepare(List<Layer> layers, int w, int h, int backgroundArgb, @Nullable NDArray backgroundImage) {
        int total = 0;
        for (Layer l : layers) total += l.ops().size() + (l.patch() == null ? 0 : 1);
        Map<SpriteAtlas.Entry, Integer> index = new IdentityHashMap<>();
        List<PtNDArray> sprites = new ArrayList<>();
        sprites.add((PtNDArray) empty); // TorchScript cannot type an empty list: keep one harmless entry
        long[] rows = new long[total * 6];
        float[] thetas = new float[total * 6];
        float[] clipThetas = new float[total * 6];
        float[] opacity = new float[total];
        int n = 0;
        for (Layer layer : layers) {
            SpriteAtlas atlas = layer.atlas();
            Placement placement = layer.placement();
            if (placement.width() != w || placement.height() != h) {
                throw new IllegalArgumentException("a layer placed in a " + placement.width() + "x"
                        + placement.height() + " frame cannot be drawn in a " + w + "x" + h + " one");
            }
            CanvasRect vb = placement.viewBox();
            AffineTransform place = placement.canvasToFrame();
            PortraitWarper.Patch patch = layer.patch();
            if (patch != null) {
                // Already in frame pixels over its box: drawn as it is (clip index -2), no second warp.
                sprites.add((PtNDArray) patch.pixels());
                long[] row = {sprites.size() - 1, DIRECT, patch.x(), patch.y(), patch.x() + patch.width(),
                    patch.y() + patch.height()};
                System.arraycopy(row, 0, rows, n * 6, 6);
                AffineTransform identity = new AffineTransform();
                put(identity, thetas, n);
                put(identity, clipThetas, n);
                opacity[n] = 1f;
                n++;
            }
            for (DrawOp op : layer.ops()) {
                if (!(op.opacity() > 0)) continue;
                SpriteAtlas.Entry e = atlas.entry(op.sprite());
                if (e == null) continue;
                AffineTransform m = spriteToFrame(place, op.transform(), e, atlas.scale(), vb);
                int[] box = box(m, e, w, h);
                if (box == null) continue;
                AffineTransform theta = theta(m, e, box);
                if (theta == null) continue;
                long clip = -1;
                AffineTransform clipTheta = theta;
                AffineTransform clipTransform = op.clipTransform();
                if (op.clipSprite() >= 0 && clipTransform != null) {
                    SpriteAtlas.Entry c = atlas.entry(op.clipSprite());
                    if (c == null) continue; // an eyeball that draws nothing hides its pupil
                    clipTheta = theta(spriteToFrame(place, clipTransform, c, atlas.scale(), vb), c, box);
                    if (clipTheta == null) continue;
                    clip = index.computeIfAbsent(c, k -> add(sprites, k));
                }
                int s = index.computeIfAbsent(e, k -> add(sprites, k));
                long[] row = {s, clip, box[0], box[1], box[2], box[3]};
                System.arraycopy(row, 0, rows, n * 6, 6);
                put(theta, thetas, n);
                put(clipTheta, clipThetas, n);
                opacity[n] = Math.min(1f, op.opacity());
                n++;
            }
        }
        return new KernelCall(sprites, n, rows, thetas, clipThetas, opacity, w, h, backgroundArgb, backgroundImage);
    }

    /** A frame of background only; used to prove that a device works. */
    RgbaImage blank(NDManager frame, int width, int height, int backgroundArgb) {
        return run(frame, new KernelCall(List.of((PtNDArray) empty), 0, new long[0], new float[0], new float[0],
                new float[0], width, height, backgroundArgb, null));
    }

    /** Runs the kernel; the arrays it makes belong to {@code frame}. */
    RgbaImage run(NDManager frame, KernelCall call) {
        int n = call.count();
        int w = call.width();
        int h = call.height();
        Buffers b = buffers(w, h);
        NDArray opsArr = frame.create(Arrays.copyOf(call.rows(), n * 6), new Shape(n, 6));
        NDArray thetaArr = frame.create(Arrays.copyOf(call.thetas(), n * 6), new Shape(n, 2, 3));
        NDArray clipArr = frame.create(Arrays.copyOf(call.clipThetas(), n * 6), new Shape(n, 2, 3));
        NDArray opacityArr = frame.create(Arrays.copyOf(call.opacity(), n), new Shape(n));
        NDArray image = call.backgroundImage();
        NDArray bgArr;
        if (image != null) {
            if (!image.getShape().equals(new Shape(4, h, w))) {
                throw new IllegalArgumentException("background of shape " + image.getShape() + " for a " + w + "x" + h
                        + " frame");
            }
            bgArr = image;
        } else {
            bgArr = frame.create(premultiplied(call.backgroundArgb()), new Shape(4, 1, 1));
        }
        IValue[] in = {
            IValue.from((PtNDArray) b.canvas),
            IValue.from((PtNDArray) b.out),
            IValue.listFrom(call.sprites().toArray(PtNDArray[]::new)),
            IValue.from((PtNDArray) opsArr),
            IValue.from((PtNDArray) thetaArr),
            IValue.from((PtNDArray) clipArr),
            IValue.from((PtNDArray) opacityArr),
            IValue.from((PtNDArray) bgArr),
        };
        IValue result = null;
        try {
            result = kernel.forward(in);
            PtNDArray out = result.toTensor((PtNDManager) frame);
            // A direct view of the tensor's memory (copied to the host first on a GPU), copied once into the
            // image. toByteArray() would copy into a fresh direct buffer first.
            ByteBuffer view = out.toByteBuffer(true);
            byte[] pixels = new byte[w * h * 4];
            view.get(pixels);
            return new RgbaImage(w, h, pixels);
        } finally {
            if (result != null) result.close();
            for (IValue v : in) v.close();
        }
    }

    /** A colour 0xAARRGGBB as premultiplied float RGBA. */
    static float[] premultiplied(int argb) {
        float a = (argb >>> 24) / 255f;
        return new float[] {((argb >> 16) & 0xff) / 255f * a, ((argb >> 8) & 0xff) / 255f * a, (argb & 0xff) / 255f * a, a};
    }

    /** The scratch canvas and output of a frame size, kept from frame to frame (see make_warp_kernel.py). */
    private record Buffers(int width, int height, NDArray canvas, NDArray out) {
    }

    private Buffers buffers(int w, int h) {
        Buffers b = buffers;
        if (b == null || b.width != w || b.height != h) {
            if (b != null) {
                b.canvas.close();
                b.out.close();
            }
            b = new Buffers(w, h, manager.zeros(new Shape(4, h, w), DataType.FLOAT32),
                    manager.zeros(new Shape(h, w, 4), DataType.UINT8));
            buffers = b;
        }
        return b;
    }

    private static int add(List<PtNDArray> sprites, SpriteAtlas.Entry e) {
        sprites.add((PtNDArray) e.pixels());
        return sprites.size() - 1;
    }

    /** Sprite pixel coordinates to frame pixel coordinates. */
    static AffineTransform spriteToFrame(AffineTransform place, AffineTransform pose, SpriteAtlas.Entry e, double scale,
            CanvasRect vb) {
        AffineTransform m = new AffineTransform(place);
        m.concatenate(pose);
        m.translate(vb.x0() + e.x() / scale, vb.y0() + e.y() / scale);
        m.scale(1 / scale, 1 / scale);
        return m;
    }

    /** The frame box {x0, y0, x1, y1} (end exclusive) the transformed sprite covers, or null when off frame. */
    static int @Nullable [] box(AffineTransform m, SpriteAtlas.Entry e, int width, int height) {
        double[] c = {0, 0, e.width(), 0, 0, e.height(), e.width(), e.height()};
        m.transform(c, 0, c, 0, 4);
        double minX = Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6]));
        double maxX = Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6]));
        double minY = Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7]));
        double maxY = Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]));
        if (!(Double.isFinite(minX) && Double.isFinite(maxX) && Double.isFinite(minY) && Double.isFinite(maxY))) return null;
        int x0 = (int) Math.max(0, Math.floor(minX + EPS));
        int y0 = (int) Math.max(0, Math.floor(minY + EPS));
        int x1 = (int) Math.min(width, Math.ceil(maxX - EPS));
        int y1 = (int) Math.min(height, Math.ceil(maxY - EPS));
        return x1 > x0 && y1 > y0 ? new int[] {x0, y0, x1, y1} : null;
    }

    /**
     * The affine_grid matrix for a box: box-normalised output coordinates ([-1, 1] across the box, pixel centres at
     * (2i+1)/n - 1) to sprite-normalised input coordinates (align_corners=False), through the inverse of {@code m}.
     */
    static @Nullable AffineTransform theta(AffineTransform m, SpriteAtlas.Entry e, int[] box) {
        AffineTransform inv;
        try {
            inv = m.createInverse();
        } catch (NoninvertibleTransformException ex) {
            return null;
        }
        double bw = box[2] - box[0];
        double bh = box[3] - box[1];
        AffineTransform t = new AffineTransform(2.0 / e.width(), 0, 0, 2.0 / e.height(), -1, -1);
        t.concatenate(inv);
        t.concatenate(new AffineTransform(bw / 2, 0, 0, bh / 2, box[0] + bw / 2, box[1] + bh / 2));
        return t;
    }

    private static void put(AffineTransform t, float[] out, int i) {
        out[i * 6] = (float) t.getScaleX();
        out[i * 6 + 1] = (float) t.getShearX();
        out[i * 6 + 2] = (float) t.getTranslateX();
        out[i * 6 + 3] = (float) t.getShearY();
        out[i * 6 + 4] = (float) t.getScaleY();
        out[i * 6 + 5] = (float) t.getTranslateY();
    }

    /** Where a point of the canvas lands in the frame (for tests and tools). */
    static Point2D toFrame(Placement p, double x, double y) {
        return p.canvasToFrame().transform(new Point2D.Double(x, y), null);
    }

    @Override
    public void close() {
        manager.close();
        model.close();
    }
}
