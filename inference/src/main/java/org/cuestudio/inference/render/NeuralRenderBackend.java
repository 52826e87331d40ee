package org.cuestudio.inference.render;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
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
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.BackgroundImage;
import org.cuestudio.core.render.BackgroundImageException;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.CancelledException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders with a bring-your-own neural model: a folder with a {@code model.json} manifest, a TorchScript file and a
 * reference picture, as docs/model-contract.md specifies. The "character sheet" of this backend is such a model
 * folder. Per call of the model it feeds the reference picture, a batch of control vectors (the
 * {@link PerformanceFrame}s as they are) and a seed per frame, checks that it returns straight RGBA frames of the
 * manifest's output size, fits them to the requested resolution by the manifest's policy and composes them over the
 * settings' background. One worker thread, shared by all neural backends, owns their engine state (each backend's
 * root {@link NDManager} and loaded modules); every render call runs there in a sub-manager closed at its end, and
 * calls from several threads or backends queue up on it.
 */
public final class NeuralRenderBackend implements RenderBackend {
    /** The backend id in take records and segment keys, and the value of {@value RenderBackendProvider#PROPERTY}. */
    public static final String ID = "neural-torchscript";
    /** Bump when the same model and inputs would give other pixels (feeding, fitting, compositing). */
    public static final String VERSION = "1";

    private static final Logger LOG = LoggerFactory.getLogger(NeuralRenderBackend.class);
    private static final float EPS = 1e-6f;
    /** The worker's buffer for a scaled frame, kept from frame to frame. */
    private static final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * The one worker thread of all neural backends. A thread per backend (as {@link DjlRenderBackend} has) would give
     * each backend's frame-sized temporaries their own glibc malloc arena, which keeps freed memory for reuse: with
     * backends created and closed in turn, resident memory climbed by gigabytes before it levelled off.
     */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cue-render-neural");
        t.setDaemon(true);
        return t;
    });

    private final ExecutorService worker = WORKER;
    private final Device device;
    private volatile boolean closed;
    // Worker-confined from here on.
    private @Nullable NDManager root;
    private final List<NeuralCharacterModel> models = new ArrayList<>();

    private record BackgroundKey(String contentHash, int width, int height, int argb) {
    }

    private @Nullable BackgroundKey backgroundKey;
    private float @Nullable [] backgroundPixels;

    /** Starts the worker and the engine on it, on a GPU when PyTorch has one that works, else on the CPU. */
    public NeuralRenderBackend() {
        try {
            device = call(this::startOnWorker);
        } catch (RuntimeException e) {
            closed = true;
            throw new IllegalStateException("the neural render backend cannot start: " + e.getMessage(), e);
        }
    }

    private Device startOnWorker() {
        Engine engine = Engine.getEngine("PyTorch");
        if (engine.getGpuCount() > 0) {
            Device gpu = Device.gpu();
            NDManager m = null;
            try {
                m = NDManager.newBaseManager(gpu, "PyTorch");
                m.ones(new Shape(2, 2)).add(1).toFloatArray(); // prove the device works
                root = m;
                return gpu;
            } catch (Exception | LinkageError e) {
                LOG.warn("a GPU is present but PyTorch cannot use it ({}); neural models run on the CPU", e.getMessage());
                if (m != null) m.close();
            }
        }
        root = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        return Device.cpu();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String device() {
        return device.toString();
    }

    @Override
    public Map<String, String> diagnostics() {
        Map<String, String> d = new LinkedHashMap<>(RenderBackend.super.diagnostics());
        if (closed) {
            d.put("state", "closed");
            return d;
        }
        Engine engine = Engine.getEngine("PyTorch");
        d.put("engine", "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        d.put("contract", "docs/model-contract.md, manifest format " + NeuralManifest.FORMAT);
        d.put("sheets", "model folders (" + NeuralManifest.FILE + " + TorchScript + reference picture)");
        return d;
    }

    /** Reports on a model folder: its manifest, inputs and output, or why it does not load. */
    @Override
    public SheetReport checkSheet(Path sheetFolder) {
        Objects.requireNonNull(sheetFolder, "sheetFolder");
        try {
            NeuralManifest m = NeuralManifest.read(sheetFolder);
            CharacterModel loaded = loadCharacter(sheetFolder);
            call(() -> {
                NeuralCharacterModel n = (NeuralCharacterModel) loaded;
                models.remove(n);
                n.release();
                return null;
            });
            return new SheetReport(m.name(), List.of(
                    "neural model " + m.folder().relativize(m.model()) + " by " + m.author() + " (" + m.license() + ")",
                    "inputs " + m.inputs() + ", reference " + m.referenceWidth() + "x" + m.referenceHeight(),
                    "draws " + m.outputWidth() + "x" + m.outputHeight() + ", fitted to the frame by "
                            + m.fit().name().toLowerCase(java.util.Locale.ROOT) + ", " + m.batch() + " frames a call"),
                    List.of(), List.of());
        } catch (CharacterSheetException | RuntimeException e) {
            return new SheetReport(String.valueOf(sheetFolder.getFileName()), List.of(), List.of(),
                    List.of(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Loads a model folder: reads the manifest, loads the TorchScript module on the backend's device, feeds the
     * reference picture at the manifest's size and runs one neutral frame to check the output's shape.
     */
    @Override
    public CharacterModel loadCharacter(Path sheetFolder) throws CharacterSheetException {
        Objects.requireNonNull(sheetFolder, "sheetFolder");
        ensureOpen();
        NeuralManifest manifest = NeuralManifest.read(sheetFolder);
        String hash = contentHash(manifest);
        try {
            NeuralCharacterModel m = call(() -> loadOnWorker(manifest, hash));
            LOG.info("loaded neural model '{}' from {} on {}", manifest.name(), manifest.folder(), device);
            return m;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof CharacterSheetException c) throw c;
            throw e;
        }
    }

    private NeuralCharacterModel loadOnWorker(NeuralManifest manifest, String hash) throws CharacterSheetException {
        NDManager r = Objects.requireNonNull(root);
        Path folder = manifest.folder();
        String file = String.valueOf(folder.relativize(manifest.model()));
        Model model = Model.newInstance("cue-neural-" + manifest.name(), device, "PyTorch");
        NDManager arrays = r.newSubManager();
        try {
            try (InputStream in = Files.newInputStream(manifest.model())) {
                model.load(in);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new CharacterSheetException("model folder " + folder + ": " + file + " is not a TorchScript "
                        + "module PyTorch " + Engine.getEngine("PyTorch").getVersion() + " can load (" + e.getMessage()
                        + ")", e);
            }
            if (!(model.getBlock() instanceof PtSymbolBlock block)) {
                throw new CharacterSheetException("model folder " + folder + ": " + file + " is not a TorchScript module");
            }
            NDArray reference = reference(manifest, arrays);
            NeuralCharacterModel m = new NeuralCharacterModel(this, manifest, hash, model, block, arrays, reference);
            try (NDManager probe = r.newSubManager()) {
                run(m, List.of(PerformanceFrame.neutral()), probe);
            } catch (IllegalStateException e) {
                throw new CharacterSheetException(e.getMessage(), e);
            }
            models.add(m);
            return m;
        } catch (CharacterSheetException | RuntimeException e) {
            arrays.close();
            model.close();
            throw e;
        }
    }

    /** The reference picture, scaled to cover the manifest's size and cut centred: straight RGBA [1, 4, h, w]. */
    private static NDArray reference(NeuralManifest manifest, NDManager arrays) throws CharacterSheetException {
        NDArray pre;
        try {
            pre = BackgroundPicture.load(BackgroundImage.of(manifest.reference()), manifest.referenceWidth(),
                    manifest.referenceHeight(), 0, arrays);
        } catch (BackgroundImageException e) {
            throw new CharacterSheetException("model folder " + manifest.folder() + ": reference picture "
                    + String.valueOf(e.getMessage()).replaceFirst("^background image ", ""), e);
        } catch (RuntimeException e) {
            throw new CharacterSheetException("model folder " + manifest.folder() + ": reference picture "
                    + manifest.folder().relativize(manifest.reference()) + " cannot be read (" + e.getMessage() + ")", e);
        }
        try (NDManager work = arrays.newSubManager()) {
            pre.attach(work);
            NDArray alpha = pre.get(new NDIndex("3:4"));
            NDArray straight = pre.get(new NDIndex("0:3")).div(alpha.maximum(EPS)).clip(0f, 1f).concat(alpha, 0)
                    .expandDims(0);
            NDArray result = straight.duplicate();
            result.attach(arrays);
            return result;
        }
    }

    @Override
    public List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames, RenderSettings settings,
            CancellationToken cancel) {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cancel, "cancel");
        if (!(character instanceof NeuralCharacterModel model) || model.owner() != this) {
            throw new IllegalArgumentException("character " + character + " was not loaded by this backend");
        }
        ensureOpen();
        cancel.throwIfCancelled();
        if (frames.isEmpty()) return List.of();
        List<PerformanceFrame> copy = List.copyOf(frames);
        return call(() -> renderOnWorker(model, copy, settings, cancel));
    }

    private List<RgbaImage> renderOnWorker(NeuralCharacterModel model, List<PerformanceFrame> frames,
            RenderSettings settings, CancellationToken cancel) {
        ensureOpen();
        if (!models.contains(model)) throw new IllegalStateException(model + " was released");
        NDManager r = Objects.requireNonNull(root);
        int w = settings.resolution().width();
        int h = settings.resolution().height();
        float[] picture = settings.backgroundImage() == null ? null : background(settings);
        int batch = model.manifest().batch();
        List<RgbaImage> out = new ArrayList<>(frames.size());
        for (int from = 0; from < frames.size(); from += batch) {
            cancel.throwIfCancelled();
            if (Thread.interrupted()) throw new CancelledException();
            List<PerformanceFrame> chunk = frames.subList(from, Math.min(frames.size(), from + batch));
            try (NDManager call = r.newSubManager()) {
                NDArray drawn = run(model, chunk, call);
                for (int i = 0; i < chunk.size(); i++) {
                    if (i > 0) cancel.throwIfCancelled();
                    try (NDManager frame = call.newSubManager()) {
                        NDArray one = drawn.get(i);
                        one.attach(frame);
                        out.add(finish(one, model.manifest(), w, h, settings.backgroundArgb(), picture));
                    }
                }
            }
        }
        return out;
    }

    /**
     * One call of the model on a batch of frames: the checked output, [n, 4, oh, ow] float32 straight RGBA, in
     * {@code call}.
     *
     * @throws IllegalStateException if the model fails or returns anything else; the message names the model
     *                               folder and the shapes
     */
    static NDArray run(NeuralCharacterModel model, List<PerformanceFrame> frames, NDManager call) {
        NeuralManifest m = model.manifest();
        int n = frames.size();
        float[] controls = new float[n * PerformanceFrame.SIZE];
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(frames.get(i).toArray(), 0, controls, i * PerformanceFrame.SIZE, PerformanceFrame.SIZE);
            seeds[i] = ModelContract.seed(m.seed(), frames.get(i));
        }
        NDArray controlArr = call.create(controls, new Shape(n, PerformanceFrame.SIZE));
        List<IValue> in = new ArrayList<>();
        in.add(IValue.from((PtNDArray) model.reference()));
        in.add(IValue.from((PtNDArray) controlArr));
        if (m.takesSeed()) in.add(IValue.from((PtNDArray) call.create(seeds, new Shape(n))));
        String where = "model folder " + m.folder() + ": " + m.folder().relativize(m.model());
        Shape expected = new Shape(n, 4, m.outputHeight(), m.outputWidth());
        IValue result = null;
        try {
            try {
                result = model.block().forward(in.toArray(IValue[]::new));
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + " failed on reference " + model.reference().getShape()
                        + ", controls " + controlArr.getShape() + (m.takesSeed() ? ", seed (" + n + ")" : "") + ": "
                        + e.getMessage(), e);
            }
            if (!result.isTensor()) {
                throw new IllegalStateException(where + " returned a " + result.getType() + ", not a tensor of shape "
                        + expected + " float32 (docs/model-contract.md)");
            }
            NDArray out = result.toTensor((PtNDManager) call);
            if (!out.getShape().equals(expected) || out.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException(where + " returned a tensor of shape " + out.getShape() + " "
                        + out.getDataType().name().toLowerCase(java.util.Locale.ROOT) + " for " + n + " frame"
                        + (n == 1 ? "" : "s") + "; the contract (docs/model-contract.md) and its " + NeuralManifest.FILE
                        + " need " + expected + " float32 (frames, RGBA, output height, output width)");
            }
            return out;
        } finally {
            if (result != null) result.close();
            for (IValue v : in) v.close();
        }
    }

    /**
     * One frame of the model's output ([4, oh, ow], straight RGBA 0..1) fitted to a {@code w} x {@code h} frame by
     * the manifest's policy (premultiplied while scaled on the device: bilinear when it grows, area averaging when it
     * shrinks), composed over the background ({@code picture}: premultiplied RGBA floats, rows top to bottom, or
     * null for the colour) and returned as straight 8-bit RGBA. Only the scaling runs on the device: the composing
     * is one pass in Java, so a frame makes no frame-sized temporaries in native memory beyond the scaled picture.
     */
    static RgbaImage finish(NDArray drawn, NeuralManifest m, int w, int h, int backgroundArgb, float @Nullable [] picture) {
        NDArray img = drawn.clip(0f, 1f);
        NDArray alpha = img.get(new NDIndex("3:4"));
        NDArray pre = img.get(new NDIndex("0:3")).mul(alpha).concat(alpha, 0).transpose(1, 2, 0); // HWC
        int ow = m.outputWidth();
        int oh = m.outputHeight();
        // The scaled picture is sw x sh; frame pixel (x, y) shows its pixel (x - x0, y - y0) where that is inside.
        int sw;
        int sh;
        int x0;
        int y0;
        switch (m.fit()) {
            case STRETCH -> {
                sw = w;
                sh = h;
                x0 = 0;
                y0 = 0;
            }
            case COVER -> {
                double s = Math.max(w / (double) ow, h / (double) oh);
                sw = Math.max(w, (int) Math.round(ow * s));
                sh = Math.max(h, (int) Math.round(oh * s));
                x0 = -((sw - w) / 2);
                y0 = -((sh - h) / 2);
            }
            default -> {
                double s = Math.min(w / (double) ow, h / (double) oh);
                sw = Math.max(1, Math.min(w, (int) Math.round(ow * s)));
                sh = Math.max(1, Math.min(h, (int) Math.round(oh * s)));
                x0 = (w - sw) / 2;
                y0 = (h - sh) / 2;
            }
        }
        NDArray scaled = scale(pre, ow, oh, sw, sh);
        // Read through a direct view of the tensor (copied to the host first on a GPU) into a kept buffer: a fresh
        // array of this size every frame would make the heap grow for nothing.
        int n = sw * sh * 4;
        float[] layer = scratch.get();
        if (layer.length < n) {
            layer = new float[n];
            scratch.set(layer);
        }
        ((PtNDArray) scaled).toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(layer, 0, n);
        float[] colour = FrameCompositor.premultiplied(backgroundArgb);
        byte[] pixels = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            int ly = y - y0;
            boolean rowInside = ly >= 0 && ly < sh;
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 4;
                float br;
                float bg;
                float bb;
                float ba;
                if (picture != null) {
                    br = picture[o];
                    bg = picture[o + 1];
                    bb = picture[o + 2];
                    ba = picture[o + 3];
                } else {
                    br = colour[0];
                    bg = colour[1];
                    bb = colour[2];
                    ba = colour[3];
                }
                int lx = x - x0;
                if (rowInside && lx >= 0 && lx < sw) {
                    int i = (ly * sw + lx) * 4;
                    float la = layer[i + 3];
                    float k = 1f - la;
                    br = layer[i] + br * k;
                    bg = layer[i + 1] + bg * k;
                    bb = layer[i + 2] + bb * k;
                    ba = la + ba * k;
                }
                int a8 = toByte(ba * 255f);
                if (a8 == 0) continue; // (0, 0, 0, 0): filtering noise under a clear pixel stays black
                float inv = 255f / Math.max(ba, EPS);
                pixels[o] = (byte) toByte(br * inv);
                pixels[o + 1] = (byte) toByte(bg * inv);
                pixels[o + 2] = (byte) toByte(bb * inv);
                pixels[o + 3] = (byte) a8;
            }
        }
        return new RgbaImage(w, h, pixels);
    }

    /** A 0..255 value rounded to nearest and clamped. */
    private static int toByte(float v) {
        return (int) Math.max(0f, Math.min(255f, v + 0.5f));
    }

    /** Premultiplied HWC from {@code fw} x {@code fh} to {@code tw} x {@code th}; the same array when equal. */
    private static NDArray scale(NDArray hwc, int fw, int fh, int tw, int th) {
        if (fw == tw && fh == th) return hwc;
        Image.Interpolation how = (long) tw * th < (long) fw * fh ? Image.Interpolation.AREA : Image.Interpolation.BILINEAR;
        return NDImageUtils.resize(hwc, tw, th, how).clip(0f, 1f);
    }

    /**
     * The frame-sized background of the settings' picture (premultiplied RGBA floats, rows top to bottom), made on
     * the device on first use and kept for the next calls.
     */
    private float[] background(RenderSettings settings) {
        BackgroundImage img = Objects.requireNonNull(settings.backgroundImage());
        BackgroundKey key = new BackgroundKey(img.contentHash(), settings.resolution().width(),
                settings.resolution().height(), settings.backgroundArgb());
        float[] kept = backgroundPixels;
        if (key.equals(backgroundKey) && kept != null) return kept;
        backgroundPixels = null;
        backgroundKey = null;
        try (NDManager work = Objects.requireNonNull(root).newSubManager()) {
            NDArray a = BackgroundPicture.load(img, key.width(), key.height(), key.argb(), work);
            float[] pixels = a.transpose(1, 2, 0).toFloatArray();
            backgroundPixels = pixels;
            backgroundKey = key;
            return pixels;
        }
    }

    /** SHA-256 (hex) of the manifest, the TorchScript file and the reference picture, in that order. */
    static String contentHash(NeuralManifest m) throws CharacterSheetException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path f : m.files()) {
                d.update(m.folder().relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update((byte) 0);
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buf = new byte[1 << 16];
                    for (int k; (k = in.read(buf)) > 0; ) d.update(buf, 0, k);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new CharacterSheetException("model folder " + m.folder() + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Future<?> f = worker.submit(this::stopOnWorker);
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("closing the neural render backend failed", e.getCause());
        }
    }

    private void stopOnWorker() {
        for (NeuralCharacterModel m : models) m.release();
        models.clear();
        backgroundPixels = null;
        backgroundKey = null;
        if (root != null) root.close();
        root = null;
    }

    /** Whether {@link #close()} has run and released the engine state (root manager, modules). */
    boolean released() {
        return closed && root == null && models.isEmpty();
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the neural render backend is closed");
    }

    /** Runs work on the worker and waits; an interrupt while waiting cancels it. */
    private <T> T call(Callable<T> work) {
        Future<T> f = worker.submit(work);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
