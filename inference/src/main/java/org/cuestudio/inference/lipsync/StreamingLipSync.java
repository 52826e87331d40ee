package org.cuestudio.inference.lipsync;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.model.MouthShape;

/**
 * The trained lip-sync network ({@link LipSyncNet}) run incrementally, for live input: the same weights, evaluated
 * in plain Java frame by frame as audio arrives. The convolutions and the forward GRU carry their state from frame
 * to frame; the backward GRU, which needs the future, runs for each frame over a bounded look-ahead of
 * {@code lookAhead} frames (10 ms each) from a zero state, as it does at the edge of a training window. The frames'
 * shape probabilities are decoded by a Viterbi pass with a fixed decision lag ({@link FixedLagDecoder}).
 *
 * <p>Total delay from a sound to its decided shape, in 10 ms frames: about 2 (the analysis window's right half),
 * 4 (the two convolutions' right context), {@code lookAhead}, {@code lag}, and at most {@code minFrames - 1} for
 * the short-segment merge. With a look-ahead as long as the clip the result equals {@link LipSyncModel}'s
 * whole-clip inference. See docs/live-mode.md for the measured trade-off.
 *
 * <p>Plain Java rather than PyTorch because a frame's work (two small matrix-vector products per GRU step) is far
 * below the per-call overhead of the native engine; once loaded, no native memory is held. Thread-safe to share;
 * each {@link Session} belongs to one thread.
 */
public final class StreamingLipSync {
    private static final int B = MelFeatures.BANDS, C = LipSyncNet.CHANNELS, H = LipSyncNet.HIDDEN,
            K = LipSyncNet.SHAPES, KW = 5;

    private final float[] c1w, c1b, c2w, c2b, fIh, fHh, fBi, fBh, bIh, bHh, bBi, bBh, lw, lb;
    private final float[] mean, std;
    private final double switchCost;
    private final int minFrames;

    private StreamingLipSync(Map<String, float[]> p, float[] mean, float[] std, double switchCost, int minFrames) {
        c1w = p.get("c1w");
        c1b = p.get("c1b");
        c2w = p.get("c2w");
        c2b = p.get("c2b");
        fIh = p.get("fIh");
        fHh = p.get("fHh");
        fBi = p.get("fBi");
        fBh = p.get("fBh");
        bIh = p.get("bIh");
        bHh = p.get("bHh");
        bBi = p.get("bBi");
        bBh = p.get("bBh");
        lw = p.get("lw");
        lb = p.get("lb");
        this.mean = mean;
        this.std = std;
        this.switchCost = switchCost;
        this.minFrames = minFrames;
    }

    /** Loads the model in {@code dir} (the folder {@link LipSyncModel#load} reads) and copies its weights. */
    public static StreamingLipSync load(Path dir) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("lipsync.properties"))) {
            props.load(in);
        }
        Map<String, float[]> w = new HashMap<>();
        try (Model model = Model.newInstance("lipsync-stream", Device.cpu(), "PyTorch")) {
            model.setBlock(LipSyncNet.build());
            model.load(dir, "lipsync");
            for (var pair : model.getBlock().getParameters()) {
                String name = pair.getKey();
                NDArray a = pair.getValue().getArray();
                String key = name.startsWith("02Conv1d_") ? "c1" : name.startsWith("04Conv1d_") ? "c2"
                        : name.startsWith("07ParallelBlock_01GRU") ? "f"
                        : name.startsWith("07ParallelBlock_02") ? "b" : name.startsWith("08Linear") ? "l" : null;
                if (key == null) throw new IOException(dir + ": unexpected parameter " + name);
                String part = name.endsWith("i2h_WEIGHT") ? "Ih" : name.endsWith("h2h_WEIGHT") ? "Hh"
                        : name.endsWith("i2h_BIAS") ? "Bi" : name.endsWith("h2h_BIAS") ? "Bh"
                        : name.endsWith("weight") ? "w" : "b";
                w.put(key + part, a.toFloatArray());
            }
        } catch (MalformedModelException e) {
            throw new IOException(dir + ": not a lip-sync model: " + e.getMessage(), e);
        }
        for (String k : new String[] {"c1w", "c1b", "c2w", "c2b", "fIh", "fHh", "fBi", "fBh", "bIh", "bHh", "bBi",
                "bBh", "lw", "lb"}) {
            if (!w.containsKey(k)) throw new IOException(dir + ": the lip-sync model lacks parameter " + k);
        }
        return new StreamingLipSync(w, LipSyncModel.floats(props.getProperty("mean")),
                LipSyncModel.floats(props.getProperty("std")),
                Double.parseDouble(props.getProperty("decoder.switchCost", "4")),
                Integer.parseInt(props.getProperty("decoder.minFrames", "2")));
    }

    /** Loads the committed model (see {@link LipSyncModel#loadDefault}). */
    public static StreamingLipSync loadDefault() {
        try {
            return load(LipSyncModel.defaultDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new stream with the given look-ahead (frames of 10 ms the backward GRU sees) and decision lag. */
    public Session session(int lookAhead, int lag) {
        return session(lookAhead, lag, MIN_PEAK);
    }

    /**
     * The level a stream assumes its loudest sample reaches at least (0.05 = -26 dBFS), until louder is heard. With
     * none, a stream that starts in silence would scale its noise floor up to speech level and lip-sync the noise
     * (the offline model never does: it scales by the whole clip's peak). Override with
     * {@code -Dcue.live.minPeak=P}.
     */
    static final float MIN_PEAK = Float.parseFloat(System.getProperty("cue.live.minPeak", "0.05"));

    /**
     * A new stream whose level normalisation starts from {@code initialPeak} (the loudest sample expected, 0..1)
     * rather than from silence: the offline model scales each clip by its peak, which a stream learns only as it
     * goes. Given the clip's own peak, a stream with a look-ahead as long as the clip equals the offline model.
     */
    public Session session(int lookAhead, int lag, float initialPeak) {
        if (lookAhead < 0 || lag < 0) throw new IllegalArgumentException("look-ahead and lag must not be negative");
        Session s = new Session(lookAhead, lag);
        s.peak = Math.max(0, initialPeak);
        return s;
    }

    /** A fresh fixed-lag decoder with the model's decoder settings. */
    FixedLagDecoder decoder(int lag) {
        return new FixedLagDecoder(switchCost, minFrames, lag);
    }

    /** The frames of delay a session adds beyond its look-ahead and lag (analysis window and convolutions). */
    public static final int FIXED_DELAY_FRAMES = 6;

    /**
     * One audio stream: 16 kHz mono samples in, one decided mouth shape per 10 ms frame out, in order. Not
     * thread-safe.
     */
    public final class Session implements LiveLipSync {
        private final int lookAhead;
        private final MelFeatures mel = new MelFeatures();
        private final FixedLagDecoder decoder;
        // samples from sampleBase on
        private float[] samples = new float[16_000];
        private int sampleCount;
        private long sampleBase;
        private long totalSamples;
        private float peak;
        private long peakUpTo;
        private boolean finished;
        // per-frame stages, absolute frame numbers; rows kept in growing arrays (floats are small next to audio)
        private float[][] x = new float[0][]; // normalised features
        private int nx;
        private float[][] y1 = new float[0][];
        private int ny1;
        private float[][] y2 = new float[0][]; // second convolution, after ReLU
        private float[][] gb = new float[0][]; // backward GRU input projection of y2
        private int ny2;
        private float[][] hf = new float[0][]; // forward GRU state after each frame
        private final float[] h = new float[H];
        private int nLogits;
        private float[][] logProbs = new float[0][];

        Session(int lookAhead, int lag) {
            this.lookAhead = lookAhead;
            this.decoder = new FixedLagDecoder(switchCost, minFrames, lag);
        }

        @Override
        public int delayFrames() {
            return FIXED_DELAY_FRAMES + lookAhead + decoder.lag() + Math.max(0, minFrames - 1);
        }

        @Override
        public void accept(float[] in, int off, int len) {
            if (finished) throw new IllegalStateException("the stream has finished");
            ensureSamples(len);
            System.arraycopy(in, off, samples, sampleCount, len);
            sampleCount += len;
            totalSamples += len;
            advance();
        }

        @Override
        public void finish() {
            if (finished) return;
            finished = true;
            advance();
            decoder.finish();
        }

        @Override
        public int decidedFrames() {
            return decoder.decided();
        }

        @Override
        public MouthShape shape(int frame) {
            return MouthShape.values()[decoder.shape(frame)];
        }

        /** The frames' log-probabilities computed so far (for evaluation). */
        public float[][] logProbs() {
            return Arrays.copyOf(logProbs, nLogits);
        }

        /** The decided shape index of every decided frame. */
        public int[] path() {
            int[] p = new int[decoder.decided()];
            for (int i = 0; i < p.length; i++) p[i] = decoder.shape(i);
            return p;
        }

        private void ensureSamples(int more) {
            // drop samples no frame still needs: the next feature frame's window starts 120 samples before it
            long keepFrom = Math.max(0, nx * (long) MelFeatures.HOP - MelFeatures.WINDOW);
            int drop = (int) Math.min(sampleCount, Math.max(0, keepFrom - sampleBase));
            if (drop > 0 && sampleCount + more > samples.length) {
                System.arraycopy(samples, drop, samples, 0, sampleCount - drop);
                sampleCount -= drop;
                sampleBase += drop;
            }
            if (sampleCount + more > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, sampleCount + more));
            }
        }

        private void advance() {
            int total = finished ? MelFeatures.frameCount((int) Math.min(Integer.MAX_VALUE, totalSamples)) : -1;
            // 1. features: frame k's window ends at sample k*160 + 280
            while (finished ? nx < total
                    : (long) nx * MelFeatures.HOP + MelFeatures.HOP / 2 + MelFeatures.WINDOW / 2 <= totalSamples) {
                long needed = Math.min(totalSamples,
                        (long) nx * MelFeatures.HOP + MelFeatures.HOP / 2 + MelFeatures.WINDOW / 2);
                for (long s = Math.max(peakUpTo, sampleBase); s < needed; s++) {
                    peak = Math.max(peak, Math.abs(samples[(int) (s - sampleBase)]));
                }
                peakUpTo = Math.max(peakUpTo, needed);
                float gain = peak > 1e-4f ? 0.9f / peak : 1f;
                float[] f = new float[B];
                mel.frame(samples, 0, sampleCount, sampleBase, nx, gain, f);
                for (int i = 0; i < B; i++) f[i] = (f[i] - mean[i]) / std[i];
                x = push(x, nx++, f);
            }
            // 2. first convolution: needs features up to j + 2 (zero past the end)
            while (ny1 < nx && (finished || ny1 + 2 < nx)) {
                y1 = push(y1, ny1, conv(x, nx, ny1, c1w, c1b, B));
                ny1++;
            }
            // 3. second convolution, forward GRU, backward GRU's input projection
            while (ny2 < ny1 && (finished || ny2 + 2 < ny1)) {
                float[] out = conv(y1, ny1, ny2, c2w, c2b, C);
                y2 = push(y2, ny2, out);
                float[] gf = new float[3 * H];
                project(fIh, fBi, out, gf);
                step(gf, fHh, fBh, h);
                hf = push(hf, ny2, h.clone());
                float[] g = new float[3 * H];
                project(bIh, bBi, out, g);
                gb = push(gb, ny2, g);
                ny2++;
            }
            // 4. a frame's output once the backward GRU has its look-ahead (or the clip has ended)
            float[] hb = new float[H];
            float[] logits = new float[K];
            while (nLogits < ny2 && (finished || nLogits + lookAhead < ny2)) {
                int t = nLogits;
                Arrays.fill(hb, 0);
                for (int j = Math.min(ny2 - 1, t + lookAhead); j >= t; j--) step(gb[j], bHh, bBh, hb);
                for (int k = 0; k < K; k++) {
                    double s = lb[k];
                    int base = k * 2 * H;
                    float[] f = hf[t];
                    for (int i = 0; i < H; i++) s += lw[base + i] * f[i];
                    for (int i = 0; i < H; i++) s += lw[base + H + i] * hb[i];
                    logits[k] = (float) s;
                }
                float[] lp = logSoftmax(logits);
                logProbs = push(logProbs, nLogits++, lp);
                decoder.accept(lp);
                // rows no later stage reads again are released (the backward GRU reads up to lookAhead ahead)
                release(t);
            }
        }

        private void release(int t) {
            if (t - 3 >= 0) x[t - 3] = null;
            if (t - 3 >= 0) y1[t - 3] = null;
            y2[t] = null;
            gb[t] = null;
            hf[t] = null;
        }
    }

    private static float[][] push(float[][] rows, int at, float[] row) {
        float[][] r = rows;
        if (at >= r.length) r = Arrays.copyOf(r, Math.max(64, r.length * 2));
        r[at] = row;
        return r;
    }

    /** Output frame {@code j} of a kernel-5, padding-2 convolution followed by ReLU. */
    private static float[] conv(float[][] in, int available, int j, float[] w, float[] b, int inCh) {
        float[] out = new float[C];
        for (int o = 0; o < C; o++) {
            double s = b[o];
            int ob = o * inCh * KW;
            for (int k = 0; k < KW; k++) {
                int src = j + k - 2;
                if (src < 0 || src >= available) continue;
                float[] row = in[src];
                for (int i = 0; i < inCh; i++) s += w[ob + i * KW + k] * row[i];
            }
            out[o] = (float) Math.max(0, s);
        }
        return out;
    }

    /** {@code out = W x + b} for a GRU's input weights (3H x C). */
    private static void project(float[] w, float[] b, float[] in, float[] out) {
        for (int r = 0; r < 3 * H; r++) out[r] = b[r] + dot(w, r * C, in, C);
    }

    /** One GRU step in PyTorch's convention (gates r, z, n) from the input projection {@code gx}. */
    private static void step(float[] gx, float[] whh, float[] bhh, float[] h) {
        float[] gh = new float[3 * H];
        for (int r = 0; r < 3 * H; r++) gh[r] = bhh[r] + dot(whh, r * H, h, H);
        for (int i = 0; i < H; i++) {
            double r = sigmoid(gx[i] + gh[i]);
            double z = sigmoid(gx[H + i] + gh[H + i]);
            double n = Math.tanh(gx[2 * H + i] + r * gh[2 * H + i]);
            h[i] = (float) ((1 - z) * n + z * h[i]);
        }
    }

    private static float dot(float[] w, int base, float[] v, int n) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int i = 0; i < n; i += 4) {
            a0 += w[base + i] * v[i];
            a1 += w[base + i + 1] * v[i + 1];
            a2 += w[base + i + 2] * v[i + 2];
            a3 += w[base + i + 3] * v[i + 3];
        }
        return (a0 + a1) + (a2 + a3);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static float[] logSoftmax(float[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (float f : v) max = Math.max(max, f);
        double sum = 0;
        for (float f : v) sum += Math.exp(f - max);
        double log = max + Math.log(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] - log);
        return out;
    }
}
