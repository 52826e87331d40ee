package org.cuestudio.inference.lipsync;

/**
 * Log-mel spectrogram at 100 frames per second of 16 kHz mono audio: the lip-sync model's input. 25 ms Hann
 * window centred on each 10 ms frame, 512-point FFT (own radix-2 code, no library), 80 triangular mel bands from
 * 50 to 7600 Hz (HTK mel scale), natural log with a floor. The clip is peak-normalised first so that the gain of
 * the recording does not matter. Frame k covers [k/100, (k+1)/100) s, like the benchmark's frames.
 */
public final class MelFeatures {
    public static final int SAMPLE_RATE = 16_000;
    public static final int HOP = 160;
    public static final int WINDOW = 400;
    public static final int FFT = 512;
    public static final int BANDS = 80;
    private static final double FLOOR = 1e-6;

    private final double[] window = new double[WINDOW];
    private final float[][] filters = new float[BANDS][];
    private final int[] filterStart = new int[BANDS];
    private final double[] cos = new double[FFT / 2];
    private final double[] sin = new double[FFT / 2];
    private final int[] bitrev = new int[FFT];

    public MelFeatures() {
        for (int i = 0; i < WINDOW; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
        for (int i = 0; i < FFT / 2; i++) {
            cos[i] = Math.cos(-2 * Math.PI * i / FFT);
            sin[i] = Math.sin(-2 * Math.PI * i / FFT);
        }
        int bits = Integer.numberOfTrailingZeros(FFT);
        for (int i = 0; i < FFT; i++) bitrev[i] = Integer.reverse(i) >>> (32 - bits);
        double lo = mel(50), hi = mel(7600);
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) edges[i] = hz(lo + (hi - lo) * i / (BANDS + 1)) * FFT / SAMPLE_RATE;
        for (int b = 0; b < BANDS; b++) {
            int from = (int) Math.ceil(edges[b]), to = (int) Math.floor(edges[b + 2]);
            from = Math.max(1, from);
            to = Math.max(from, Math.min(FFT / 2, to));
            float[] w = new float[to - from + 1];
            for (int k = from; k <= to; k++) {
                double v = k <= edges[b + 1] ? (k - edges[b]) / (edges[b + 1] - edges[b])
                        : (edges[b + 2] - k) / (edges[b + 2] - edges[b + 1]);
                w[k - from] = (float) Math.max(0, v);
            }
            filters[b] = w;
            filterStart[b] = from;
        }
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Number of 10 ms frames for {@code samples} samples at 16 kHz (the last partial frame counts). */
    public static int frameCount(int samples) {
        return (samples + HOP - 1) / HOP;
    }

    /** Features [frames][BANDS] of a 16 kHz clip. */
    public float[][] compute(float[] samples) {
        float peak = 0;
        for (float s : samples) peak = Math.max(peak, Math.abs(s));
        float gain = peak > 1e-4f ? 0.9f / peak : 1f;
        int frames = frameCount(samples.length);
        float[][] out = new float[frames][BANDS];
        double[] re = new double[FFT], im = new double[FFT];
        double[] power = new double[FFT / 2 + 1];
        for (int f = 0; f < frames; f++) frameInto(samples, 0, samples.length, f * HOP, gain, out[f], re, im, power);
        return out;
    }

    /**
     * Features of one frame for the streaming path ({@link StreamingLipSync}), where the gain is that of the peak
     * heard so far rather than the whole clip's. {@code samples[offset .. offset + length)} holds the clip's samples
     * from {@code firstSample} on; samples outside it count as silence.
     */
    public void frame(float[] samples, int offset, int length, long firstSample, int frame, float gain, float[] out) {
        frameInto(samples, offset, length, frame * (long) HOP - firstSample, gain, out, new double[FFT],
                new double[FFT], new double[FFT / 2 + 1]);
    }

    private void frameInto(float[] samples, int offset, int length, long frameStart, float gain, float[] out,
            double[] re, double[] im, double[] power) {
        long start = frameStart + HOP / 2 - WINDOW / 2;
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int i = 0; i < WINDOW; i++) {
            long s = start + i;
            if (s >= 0 && s < length) re[bitrev[i]] = samples[offset + (int) s] * gain * window[i];
        }
        fft(re, im);
        for (int k = 0; k <= FFT / 2; k++) power[k] = re[k] * re[k] + im[k] * im[k];
        for (int b = 0; b < BANDS; b++) {
            float[] w = filters[b];
            double sum = 0;
            int k0 = filterStart[b];
            for (int k = 0; k < w.length; k++) sum += w[k] * power[k0 + k];
            out[b] = (float) Math.log(sum + FLOOR);
        }
    }

    /** In-place iterative radix-2 FFT; the input is already in bit-reversed order. */
    private void fft(double[] re, double[] im) {
        for (int size = 2; size <= FFT; size <<= 1) {
            int half = size >> 1, step = FFT / size;
            for (int i = 0; i < FFT; i += size) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step], wi = sin[j * step];
                    int a = i + j, b = a + half;
                    double tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
