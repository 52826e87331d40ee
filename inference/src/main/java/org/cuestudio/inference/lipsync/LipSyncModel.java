package org.cuestudio.inference.lipsync;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Properties;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.MouthCue;
import org.jspecify.annotations.Nullable;

/**
 * The trained lip-sync network, loaded from a folder holding {@code lipsync-0000.params} (DJL parameters) and
 * {@code lipsync.properties} (feature normalisation and decoder settings). Runs on the CPU. Not thread-safe: one
 * instance per thread (it runs its own helper threads for long clips).
 */
public final class LipSyncModel implements LipSync {
    /** Where the committed model lives, relative to the installation or source tree. */
    public static final String ASSETS_PATH = "assets/models/lipsync";

    /**
     * Threads that run window groups in parallel: 2 on a machine with 2 or more cores when PyTorch runs one
     * intra-op thread ({@code -Dai.djl.pytorch.num_threads=1}); otherwise 1, and PyTorch's own threads share the
     * work (two groups on top of PyTorch's default thread pool oversubscribe a 2-core machine: 2x slower).
     * Override with {@code -Dcue.lipsync.threads=N}.
     */
    static final int PARALLELISM = Integer.getInteger("cue.lipsync.threads",
            "1".equals(System.getProperty("ai.djl.pytorch.num_threads"))
                    ? Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())) : 1);

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lipsync-worker");
        t.setDaemon(true);
        return t;
    });

    /** Log-probability bonus (nats) for the shape the aligned transcript predicts at a frame. */
    static final double TEXT_PRIOR = Double.parseDouble(System.getProperty("cue.lipsync.textPrior", "2.0"));

    private final Model model;
    private final float[] mean;
    private final float[] std;
    private final CueDecoder decoder;
    private final MelFeatures mel = new MelFeatures();
    /** The mouth head and its decoder, or null where the model folder has none (every shape shows its default mouth). */
    private final @Nullable Model mouthModel;
    private final @Nullable MouthRefiner refiner;

    private LipSyncModel(Model model, float[] mean, float[] std, CueDecoder decoder, @Nullable Model mouthModel,
            @Nullable MouthRefiner refiner) {
        this.model = model;
        this.mean = mean;
        this.std = std;
        this.decoder = decoder;
        this.mouthModel = mouthModel;
        this.refiner = refiner;
    }

    /** Per-frame (100 fps) log-probabilities of the nine shapes and, where the model has its mouth head, of the mouths. */
    public record Outputs(float[][] shapes, float @Nullable [][] mouths) {}

    /** Loads the model in {@code dir}. */
    public static LipSyncModel load(Path dir) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("lipsync.properties"))) {
            p.load(in);
        }
        Model model = Model.newInstance("lipsync", Device.cpu(), "PyTorch");
        model.setBlock(LipSyncNet.build());
        try {
            model.load(dir, "lipsync");
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException(dir + ": not a lip-sync model: " + e.getMessage(), e);
        }
        Model mouthModel = null;
        MouthRefiner refiner = null;
        Path mouthProps = dir.resolve(MOUTH_PROPERTIES);
        if (Files.exists(mouthProps)) {
            Properties mp = new Properties();
            try (var in = Files.newBufferedReader(mouthProps)) {
                mp.load(in);
            }
            mouthModel = Model.newInstance("animator", Device.cpu(), "PyTorch");
            mouthModel.setBlock(LipSyncNet.buildMouthHead());
            try {
                mouthModel.load(dir, "animator");
                refiner = MouthRefiner.from(mp);
            } catch (MalformedModelException | IOException | RuntimeException e) {
                mouthModel.close();
                model.close();
                throw new IOException(mouthProps + ": not a lip-sync mouth head: " + e.getMessage(), e);
            }
        }
        return new LipSyncModel(model, floats(p.getProperty("mean")), floats(p.getProperty("std")),
                new CueDecoder(Double.parseDouble(p.getProperty("decoder.switchCost", "4")),
                        Integer.parseInt(p.getProperty("decoder.minFrames", "2"))), mouthModel, refiner);
    }

    /** The mouth head's settings beside its {@code animator-0000.params}. */
    static final String MOUTH_PROPERTIES = "animator.properties";

    /** The network's recurrent features [frames][256] for a whole clip's raw log-mel features (for training the head). */
    float[][] hidden(float[][] features) {
        int n = features.length, b = MelFeatures.BANDS, h = 2 * LipSyncNet.HIDDEN;
        float[] flat = new float[n * b];
        for (int t = 0; t < n; t++) for (int i = 0; i < b; i++) flat[t * b + i] = (features[t][i] - mean[i]) / std[i];
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(flat, new Shape(1, n, b));
            float[] out = LipSyncNet.trunk(model.getBlock(), new ParameterStore(m, false), new NDList(x)).head().toFloatArray();
            float[][] res = new float[n][h];
            for (int t = 0; t < n; t++) System.arraycopy(out, t * h, res[t], 0, h);
            return res;
        }
    }

    /** The shape decoder this model was tuned with. */
    CueDecoder decoder() {
        return decoder;
    }

    /** Whether this model refines shapes into Character Animator mouths (its folder has the mouth head). */
    public boolean hasMouthHead() {
        return refiner != null;
    }

    /**
     * Loads the committed model: the folder named by the system property {@code cue.lipsync.model}, else
     * {@code assets/models/lipsync} under {@code cue.home}, else under the working folder or one of its parents.
     */
    public static LipSyncModel loadDefault() {
        try {
            return load(defaultDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path defaultDir() throws IOException {
        String explicit = System.getProperty("cue.lipsync.model");
        if (explicit != null) return Path.of(explicit);
        return org.cuestudio.core.assets.AssetFiles.find(ASSETS_PATH);
    }

    static float[] floats(@Nullable String csv) {
        if (csv == null) throw new IllegalArgumentException("lipsync.properties lacks feature statistics");
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Float.parseFloat(parts[i].trim());
        return out;
    }

    /** Log-probabilities [frames][9] (A-H, X) of a clip at any sample rate. */
    public float[][] logProbs(AudioClip clip) {
        return outputs(clip).shapes();
    }

    /** Shape and mouth log-probabilities of a clip at any sample rate. */
    public Outputs outputs(AudioClip clip) {
        float[] s = clip.sampleRate() == MelFeatures.SAMPLE_RATE ? clip.samples()
                : Wav.resample(clip.samples(), clip.sampleRate(), MelFeatures.SAMPLE_RATE, 1.0);
        return outputs(mel.compute(s));
    }

    /**
     * Frames each window contributes, and the context it sees on each side. On DEV, windows of 100 + 2 x 25 frames
     * score the same as whole-clip inference (speech 0.819 either way) and run about twice as fast on 2 cores.
     */
    static final int CORE = Integer.getInteger("cue.lipsync.window", 100), CONTEXT = Integer.getInteger("cue.lipsync.context", 25);

    /**
     * Log-probabilities [frames][9] from raw (unnormalised) log-mel features. A long clip is cut into windows of
     * {@code CORE} frames with {@code CONTEXT} frames of context on each side (padded with the edge frames), and
     * the windows run as one batch: the recurrent layer then takes 150 steps instead of one per frame of the
     * clip. PyTorch's CPU GRU costs about the same per step for a batch of 1 or 16, so this makes inference
     * several times faster.
     */
    public float[][] logProbs(float[][] features) {
        return outputs(features).shapes();
    }

    /** Shape and mouth log-probabilities from raw log-mel features, windowed as {@link #logProbs(float[][])}. */
    public Outputs outputs(float[][] features) {
        int n = features.length, b = MelFeatures.BANDS, k = LipSyncNet.SHAPES, km = AnimatorMouthRules.CLASSES;
        if (n == 0) return new Outputs(new float[0][], mouthModel == null ? null : new float[0][]);
        int windows = (n + CORE - 1) / CORE;
        int len = windows == 1 ? n : CORE + 2 * CONTEXT;
        float[] flat = new float[windows * len * b];
        for (int w = 0; w < windows; w++) {
            int from = windows == 1 ? 0 : w * CORE - CONTEXT;
            for (int t = 0; t < len; t++) {
                float[] f = features[Math.max(0, Math.min(n - 1, from + t))];
                int base = (w * len + t) * b;
                for (int i = 0; i < b; i++) flat[base + i] = (f[i] - mean[i]) / std[i];
            }
        }
        // the windows are split into groups that run on parallel threads: the recurrent layer is bound by the
        // latency of its per-step kernels, not by arithmetic, so two groups on two cores take half the time
        int groups = Math.min(PARALLELISM, windows);
        float[] lp = new float[windows * len * k];
        float[] mp = mouthModel == null ? null : new float[windows * len * km];
        List<Future<?>> pending = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int w0 = windows * g / groups, w1 = windows * (g + 1) / groups;
            Runnable task = () -> {
                try (NDManager m = model.getNDManager().newSubManager()) {
                    NDArray x = m.create(java.nio.FloatBuffer.wrap(flat, w0 * len * b, (w1 - w0) * len * b),
                            new Shape(w1 - w0, len, b));
                    ParameterStore ps = new ParameterStore(m, false);
                    NDList hidden = LipSyncNet.trunk(model.getBlock(), ps, new NDList(x));
                    NDList out = LipSyncNet.shapeLayer(model.getBlock()).forward(ps, hidden, false);
                    float[] part = out.head().logSoftmax(-1).toFloatArray();
                    System.arraycopy(part, 0, lp, w0 * len * k, part.length);
                    if (mouthModel != null && mp != null) {
                        float[] mpart = mouthModel.getBlock().forward(ps, hidden, false).head().logSoftmax(-1).toFloatArray();
                        System.arraycopy(mpart, 0, mp, w0 * len * km, mpart.length);
                    }
                }
            };
            if (g == groups - 1) task.run(); else pending.add(POOL.submit(task));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lip-sync interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return new Outputs(unwindow(lp, n, windows, len, k), mp == null ? null : unwindow(mp, n, windows, len, km));
    }

    /** The per-frame rows of each window's core, in clip order. */
    private static float[][] unwindow(float[] flat, int n, int windows, int len, int k) {
        float[][] res = new float[n][k];
        for (int w = 0; w < windows; w++) {
            int skip = windows == 1 ? 0 : CONTEXT;
            for (int t = 0; t < CORE || windows == 1; t++) {
                int frame = w * CORE + t;
                if (frame >= n || (windows == 1 && t >= n)) break;
                System.arraycopy(flat, (w * len + skip + t) * k, res[frame], 0, k);
            }
        }
        return res;
    }

    @Override
    public List<MouthCue> analyse(AudioClip clip, @Nullable String dialog) {
        Outputs o = outputs(clip);
        float[][] lp = o.shapes();
        int[] path = decoder.decode(lp);
        int[] mouthHint = null;
        if (dialog != null && !dialog.isBlank()) {
            // the text's aligned shapes are a prior, not a verdict: where the dictionary's pronunciation or the
            // aligned timing disagrees with clear acoustic evidence, the model still wins
            TranscriptAligner.Alignment aligned = TranscriptAligner.alignment(lp, dialog, path);
            float[][] biased = new float[lp.length][];
            for (int t = 0; t < lp.length; t++) {
                biased[t] = lp[t].clone();
                biased[t][aligned.shapes()[t]] += (float) TEXT_PRIOR;
            }
            path = decoder.decode(biased);
            mouthHint = aligned.mouths();
        }
        if (refiner == null || o.mouths() == null) return CueDecoder.cues(path, clip.durationTicks());
        return MouthRefiner.cues(path, refiner.decode(path, o.mouths(), mouthHint, TEXT_PRIOR), clip.durationTicks());
    }

    /** Cues decoded with explicit decoder settings (for tuning). */
    public List<MouthCue> analyse(AudioClip clip, CueDecoder with) {
        return CueDecoder.cues(with.decode(logProbs(clip)), clip.durationTicks());
    }

    @Override
    public void close() {
        if (mouthModel != null) mouthModel.close();
        model.close();
    }
}
