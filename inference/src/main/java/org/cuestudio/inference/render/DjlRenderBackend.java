package org.cuestudio.inference.render;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.Actor;
import org.cuestudio.core.render.BackgroundImage;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.CancelledException;
import org.cuestudio.inference.sheet.CharacterSheet;
import org.cuestudio.inference.sheet.CharacterSheetLoader;
import org.cuestudio.inference.sheet.PartKind;
import org.cuestudio.inference.sheet.SheetChecker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders layered character sheets (SVG, OpenRaster, PSD) and single portraits on DJL's PyTorch engine, on the GPU
 * when the engine has one, else on the CPU. One worker thread owns the engine state (root {@link NDManager}, the
 * compositing kernel, the sprite atlases, the portrait kernel and its pictures); every render call runs there in a
 * sub-manager closed at its end, and every frame in a sub-manager of
 * that. Calls from several threads queue up on the worker. Sprites are rasterised per (sheet, scale) on first use
 * and kept for the next few scales, so previews and 1080p finals are both crisp.
 */
public final class DjlRenderBackend implements RenderBackend {
    /** The backend id in take records and segment keys. */
    public static final String ID = "djl-layers";
    /** Bump when the same inputs would give other pixels (poser constants, kernel, rasterisation). */
    public static final String VERSION = "3";
    /** Finals rasterise sprites at this multiple of the output scale; the warp's bilinear filter then averages. */
    static final int FINAL_SUPERSAMPLING = 2;
    /** How many (sheet, scale) sprite atlases stay on the device. */
    static final int ATLAS_CACHE = 6;

    private static final Logger LOG = LoggerFactory.getLogger(DjlRenderBackend.class);

    private final ExecutorService worker;
    private final Device device;
    private volatile boolean closed;
    // Worker-confined from here on.
    private @Nullable NDManager root;
    private @Nullable FrameCompositor compositor;
    private @Nullable PortraitWarper portraits;
    private final Map<AtlasKey, SpriteAtlas> atlases = new LinkedHashMap<>(8, 0.75f, true);

    private record AtlasKey(String contentHash, double scale, int align) {
    }

    private record BackgroundKey(String contentHash, int width, int height, int argb) {
    }

    private @Nullable BackgroundKey backgroundKey;
    private @Nullable NDArray backgroundArray;

    /** Starts the worker and loads the engine and kernel on it; fails if the PyTorch engine cannot start. */
    public DjlRenderBackend() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cue-render-djl");
            t.setDaemon(true);
            return t;
        });
        try {
            device = call(this::startOnWorker);
        } catch (RuntimeException e) {
            worker.shutdownNow();
            throw new IllegalStateException("the DJL render backend cannot start: " + e.getMessage(), e);
        }
    }

    private Device startOnWorker() throws Exception {
        Engine engine = Engine.getEngine("PyTorch");
        // The kernel is called with a different box size for every sprite; the profiling executor's
        // re-specialisations cost more than they save. The setting is per thread: this is the only thread.
        JniUtils.setGraphExecutorOptimize(false);
        boolean cpuOnly = "cpu".equalsIgnoreCase(System.getProperty("cue.render.device", "auto"));
        if (cpuOnly) LOG.info("cue.render.device=cpu: rendering on the CPU even if a GPU is present");
        if (engine.getGpuCount() > 0 && !cpuOnly) {
            Device gpu = Device.gpu();
            try {
                start(gpu);
                LOG.info("rendering on {} with PyTorch {}", gpu, engine.getVersion());
                return gpu;
            } catch (Exception | LinkageError e) {
                LOG.warn("a GPU is present but PyTorch cannot use it ({}); rendering on the CPU", e.getMessage());
                stopOnWorker();
            }
        }
        start(Device.cpu());
        LOG.info("rendering on the CPU with PyTorch {}", engine.getVersion());
        return Device.cpu();
    }

    private void start(Device d) throws Exception {
        NDManager m = NDManager.newBaseManager(d, "PyTorch");
        root = m;
        FrameCompositor c = FrameCompositor.load(d, m);
        compositor = c;
        // Prove the device works before promising it: one tiny frame.
        try (NDManager probe = m.newSubManager()) {
            c.blank(probe, 16, 16, 0xff808080);
        }
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

    /**
     * The engine behind the backend: PyTorch version and native flavour, thread counts, GPUs seen by CUDA and by
     * PyTorch, and why none is used (with how to enable one) when rendering runs on the CPU.
     */
    @Override
    public Map<String, String> diagnostics() {
        Map<String, String> d = new LinkedHashMap<>(RenderBackend.super.diagnostics());
        if (closed) {
            d.put("state", "closed");
            return d;
        }
        d.putAll(call(() -> {
            Map<String, String> e = new LinkedHashMap<>();
            Engine engine = Engine.getEngine("PyTorch");
            e.put("engine", "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
            e.put("threads", JniUtils.getNumThreads() + " intra-op, " + JniUtils.getNumInteropThreads() + " inter-op");
            e.putAll(PyTorchNatives.report(libtorchFolder(), System.getenv(), Utils.isOfflineMode(),
                    CudaUtils.getGpuCount(), engine.getGpuCount(), device.isGpu()));
            if (!device.isGpu() && "cpu".equalsIgnoreCase(System.getProperty("cue.render.device", "auto"))) {
                e.put("why no gpu", "the CPU was chosen (preferences, or -Dcue.render.device=cpu)");
            }
            return e;
        }));
        return d;
    }

    /** The folder of the libtorch DJL loaded, or null when it cannot say. */
    private static @Nullable String libtorchFolder() {
        try {
            String p = LibUtils.getLibtorchPath();
            if (p == null) return null;
            Path path = Path.of(p);
            return Files.isRegularFile(path) && path.getParent() != null ? path.getParent().toString() : path.toString();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Reports on a layered sheet (SVG, OpenRaster, PSD) without rasterising it at render scale, or on what a single
     * portrait's landmarks let it do; needs no engine work.
     */
    @Override
    public SheetReport checkSheet(Path sheetFolder) {
        Objects.requireNonNull(sheetFolder, "sheetFolder");
        return SheetChecker.check(sheetFolder);
    }

    @Override
    public CharacterModel loadCharacter(Path sheetFolder) throws CharacterSheetException {
        Objects.requireNonNull(sheetFolder, "sheetFolder");
        ensureOpen();
        CharacterSheet sheet = CharacterSheetLoader.load(sheetFolder);
        if (sheet.portrait() != null) {
            LOG.info("loaded portrait sheet '{}' from {}: {}x{} picture", sheet.name(), sheetFolder,
                    sheet.portrait().width(), sheet.portrait().height());
        } else {
            LOG.info("loaded character sheet '{}' from {}: {} sprites", sheet.name(), sheetFolder, sheet.sprites().size());
        }
        return new DjlCharacterModel(this, sheet);
    }

    @Override
    public List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames, RenderSettings settings,
            CancellationToken cancel) {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(frames, "frames");
        return render(Scene.of(character), List.of(frames), settings, cancel);
    }

    /**
     * Renders a scene: every character from its own sheet, placed by {@link Placement#staged} and drawn back to
     * front, all of a frame's sprites composed in one kernel call.
     */
    @Override
    public List<RgbaImage> render(Scene scene, List<List<PerformanceFrame>> frames, RenderSettings settings,
            CancellationToken cancel) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cancel, "cancel");
        int count = scene.frameCount(frames);
        List<DjlCharacterModel> models = new ArrayList<>();
        for (Actor a : scene.actors()) {
            if (!(a.character() instanceof DjlCharacterModel model) || model.owner() != this) {
                throw new IllegalArgumentException("character " + a.character() + " was not loaded by this backend");
            }
            models.add(model);
        }
        ensureOpen();
        cancel.throwIfCancelled();
        if (count == 0) return List.of();
        List<List<PerformanceFrame>> copy = frames.stream().map(List::copyOf).toList();
        return call(() -> renderOnWorker(scene, models, copy, settings, cancel));
    }

    private List<RgbaImage> renderOnWorker(Scene scene, List<DjlCharacterModel> models,
            List<List<PerformanceFrame>> frames, RenderSettings settings, CancellationToken cancel) {
        NDManager r = Objects.requireNonNull(root);
        FrameCompositor c = Objects.requireNonNull(compositor);
        int w = settings.resolution().width();
        int h = settings.resolution().height();
        int supersampling = settings.quality() == Quality.FINAL ? FINAL_SUPERSAMPLING : 1;
        List<Integer> order = scene.drawOrder();
        List<Placement> placements = new ArrayList<>();
        List<SpriteAtlas> atlases = new ArrayList<>();
        Set<AtlasKey> inUse = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            CharacterSheet sheet = models.get(i).sheet();
            Placement p = Placement.staged(w, h, sheet.rig().viewBox(), headPivotX(models.get(i)),
                    scene.actors().get(i).headX(), scene.framing());
            placements.add(p);
            AtlasKey key = new AtlasKey(sheet.contentHash(), p.pixelsPerUnit() * supersampling, supersampling);
            atlases.add(atlas(sheet, key));
            inUse.add(key);
        }
        trimAtlases(inUse);
        NDArray background = settings.backgroundImage() == null ? null : background(settings);
        PortraitWarper warper = null;
        for (DjlCharacterModel m : models) {
            if (m.mesh() != null) warper = portraits();
        }
        int n = frames.get(0).size();
        List<RgbaImage> out = new ArrayList<>(n);
        try (NDManager call = r.newSubManager()) {
            for (int f = 0; f < n; f++) {
                cancel.throwIfCancelled();
                if (Thread.interrupted()) throw new CancelledException();
                try (NDManager frame = call.newSubManager()) {
                    List<FrameCompositor.Layer> layers = new ArrayList<>(order.size());
                    for (int i : order) {
                        DjlCharacterModel m = models.get(i);
                        PerformanceFrame pf = frames.get(i).get(f);
                        if (m.mesh() != null) {
                            layers.add(new FrameCompositor.Layer(atlases.get(i), List.of(), placements.get(i),
                                    Objects.requireNonNull(warper).warp(frame, m, pf, placements.get(i))));
                        } else {
                            layers.add(new FrameCompositor.Layer(atlases.get(i), m.poser().pose(pf), placements.get(i)));
                        }
                    }
                    out.add(c.compose(frame, layers, w, h, settings.backgroundArgb(), background));
                }
            }
        }
        return out;
    }

    /** The portrait warper, its kernel loaded on first use. */
    private PortraitWarper portraits() {
        PortraitWarper p = portraits;
        if (p == null) {
            try {
                p = PortraitWarper.load(device, Objects.requireNonNull(root));
            } catch (Exception e) {
                throw new IllegalStateException("the portrait kernel cannot be loaded: " + e.getMessage(), e);
            }
            portraits = p;
        }
        return p;
    }

    /**
     * The canvas x the sheet's head turns about: its {@code Head} pivot, else the canvas' centre; for a single
     * portrait, the middle of its face outline.
     */
    static double headPivotX(DjlCharacterModel model) {
        PortraitMesh mesh = model.mesh();
        if (mesh != null) return mesh.headX();
        CharacterSheet sheet = model.sheet();
        return sheet.rig().find(PartKind.HEAD).map(p -> p.pivot().x()).orElse(sheet.rig().viewBox().centerX());
    }

    private SpriteAtlas atlas(CharacterSheet sheet, AtlasKey key) {
        SpriteAtlas a = atlases.get(key);
        if (a == null) {
            a = new SpriteAtlas(sheet, key.scale(), key.align(), Objects.requireNonNull(root).newSubManager());
            atlases.put(key, a);
        }
        return a;
    }

    /** Drops the least recently used atlases beyond {@link #ATLAS_CACHE}, never one the current render uses. */
    private void trimAtlases(Set<AtlasKey> inUse) {
        var it = atlases.entrySet().iterator();
        while (atlases.size() > ATLAS_CACHE && it.hasNext()) {
            var e = it.next();
            if (inUse.contains(e.getKey())) continue;
            e.getValue().close();
            it.remove();
        }
    }

    /** The frame-sized background of the settings' picture, made on first use and kept for the next calls. */
    private NDArray background(RenderSettings settings) {
        BackgroundImage img = Objects.requireNonNull(settings.backgroundImage());
        BackgroundKey key = new BackgroundKey(img.contentHash(), settings.resolution().width(),
                settings.resolution().height(), settings.backgroundArgb());
        if (backgroundKey != null && backgroundKey.equals(key) && backgroundArray != null) return backgroundArray;
        if (backgroundArray != null) backgroundArray.close();
        backgroundArray = null;
        backgroundKey = null;
        NDArray a = BackgroundPicture.load(img, key.width(), key.height(), key.argb(), Objects.requireNonNull(root));
        backgroundArray = a;
        backgroundKey = key;
        return a;
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
            LOG.warn("closing the DJL render backend failed", e.getCause());
        } finally {
            worker.shutdown();
        }
    }

    private void stopOnWorker() {
        for (SpriteAtlas a : atlases.values()) a.close();
        atlases.clear();
        if (backgroundArray != null) backgroundArray.close();
        backgroundArray = null;
        backgroundKey = null;
        if (compositor != null) compositor.close();
        compositor = null;
        if (portraits != null) portraits.close();
        portraits = null;
        if (root != null) root.close();
        root = null;
    }

    /** Whether {@link #close()} has run and released the engine state (root manager, kernel, atlases). */
    boolean released() {
        return closed && worker.isShutdown() && root == null && compositor == null && portraits == null
                && atlases.isEmpty();
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the DJL render backend is closed");
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
