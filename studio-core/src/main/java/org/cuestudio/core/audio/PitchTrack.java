package org.cuestudio.core.audio;

/**
 * Fundamental frequency and voicing every 10 ms, by the YIN method (de Cheveigné and Kawahara, 2002): the
 * cumulative-mean-normalised difference function of a 25 ms window at 8 kHz, its first dip under a threshold,
 * refined by parabolic interpolation. Frames quieter than 45 dB below the clip's peak are not searched (they are
 * unvoiced).
 *
 * @param hz pitch per frame in Hz, 0 where unvoiced
 * @param periodicity 1 - the normalised difference at the chosen lag (1 = perfectly periodic), 0 where unvoiced
 */
public record PitchTrack(float[] hz, float[] periodicity) {
    /** Frames per second of the track. */
    public static final int FPS = 100;
    private static final int RATE = 8000;
    private static final int WINDOW = 200; // 25 ms
    private static final double MIN_HZ = 60, MAX_HZ = 500, THRESHOLD = 0.15;

    /** Whether frame {@code f} is voiced. */
    public boolean voiced(int f) {
        return hz[f] > 0;
    }

    /** Analyses a clip at any sample rate (decimated to 8 kHz by averaging, which suffices for speech pitch). */
    public static PitchTrack analyse(AudioClip clip) {
        float[] x = decimate(clip);
        int frames = (int) Math.ceil(clip.durationSeconds() * FPS);
        float[] hz = new float[frames], per = new float[frames];
        float peak = 0;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        double gate = Math.pow(peak * Math.pow(10, -45 / 20.0), 2) * WINDOW * 0.5;
        // Frames are independent: blocks of them run on the common pool (the result does not depend on how).
        int block = 512;
        java.util.stream.IntStream.range(0, (frames + block - 1) / block).parallel().forEach(b -> {
            double[] d = new double[(int) (RATE / MIN_HZ) + 2];
            for (int f = b * block; f < Math.min(frames, (b + 1) * block); f++) frame(x, f, gate, d, hz, per);
        });
        return new PitchTrack(hz, per);
    }

    /**
     * YIN on one frame. The difference function is computed lag by lag only until the first dip under the
     * threshold has bottomed out (its cumulative normalisation needs only the lags before), so a low voice costs
     * more than a high one and an unvoiced frame the most.
     */
    private static void frame(float[] x, int f, double gate, double[] d, float[] hz, float[] per) {
        int maxLag = (int) (RATE / MIN_HZ), minLag = (int) (RATE / MAX_HZ);
        int start = f * RATE / FPS + RATE / FPS / 2 - WINDOW / 2;
        if (start < 0 || start + WINDOW + maxLag + 1 >= x.length) return;
        double energy = 0;
        for (int i = 0; i < WINDOW; i++) energy += x[start + i] * (double) x[start + i];
        if (energy < gate) return;
        double running = 0;
        d[0] = 1;
        int best = -1;
        for (int tau = 1; tau <= maxLag + 1; tau++) {
            double sum = 0;
            for (int i = 0; i < WINDOW; i++) {
                double diff = x[start + i] - x[start + i + tau];
                sum += diff * diff;
            }
            running += sum;
            d[tau] = running > 0 ? sum * tau / running : 1;
            // The dip: the first lag under the threshold, followed down to its bottom.
            if (best < 0 && tau - 1 >= minLag && tau - 1 <= maxLag && d[tau - 1] < THRESHOLD) best = tau - 1;
            if (best >= 0 && (d[tau] >= d[tau - 1] || tau - 1 >= maxLag)) {
                best = tau - 1;
                break;
            }
        }
        if (best < 0 || best + 1 > maxLag + 1) return;
        double a = d[best - 1], b = d[best], c = d[best + 1];
        double denom = a - 2 * b + c;
        double shift = denom != 0 ? 0.5 * (a - c) / denom : 0;
        hz[f] = (float) (RATE / (best + Math.max(-0.5, Math.min(0.5, shift))));
        per[f] = (float) Math.max(0, 1 - b);
    }

    private static float[] decimate(AudioClip clip) {
        float[] s = clip.samples();
        double step = clip.sampleRate() / (double) RATE;
        int n = (int) (s.length / step);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int from = (int) (i * step), to = Math.max(from + 1, (int) ((i + 1) * step));
            float sum = 0;
            for (int j = from; j < to && j < s.length; j++) sum += s[j];
            out[i] = sum / (to - from);
        }
        return out;
    }
}
