package org.cuestudio.app.ui;

import org.cuestudio.core.audio.WaveformPeaks;

/**
 * Reduces waveform peaks to one min/max pair per screen column, so drawing costs the same at any zoom and any
 * audio length (the chart-fx approach: reduce the data to the pixels before drawing).
 */
final class WaveformColumns {
    private WaveformColumns() {}

    /**
     * The min and max sample value under each of {@code columns} pixel columns, the first column starting at
     * {@code startSeconds} and each covering {@code secondsPerColumn}. Columns outside the audio are 0.
     *
     * @return {@code [0]} the minima, {@code [1]} the maxima
     */
    static float[][] reduce(WaveformPeaks peaks, double startSeconds, double secondsPerColumn, int columns) {
        float[] lo = new float[columns];
        float[] hi = new float[columns];
        double bucketsPerSecond = peaks.sampleRate() / (double) peaks.samplesPerBucket();
        int n = peaks.buckets();
        for (int x = 0; x < columns; x++) {
            double t0 = startSeconds + x * secondsPerColumn;
            double t1 = t0 + secondsPerColumn;
            int b0 = (int) Math.floor(t0 * bucketsPerSecond);
            int b1 = Math.max(b0 + 1, (int) Math.ceil(t1 * bucketsPerSecond));
            b0 = Math.max(0, b0);
            b1 = Math.min(n, b1);
            float mn = 0, mx = 0;
            for (int b = b0; b < b1; b++) {
                mn = Math.min(mn, peaks.min()[b]);
                mx = Math.max(mx, peaks.max()[b]);
            }
            lo[x] = mn;
            hi[x] = mx;
        }
        return new float[][] {lo, hi};
    }
}
