package org.cuestudio.core.audio;

/**
 * Min/max sample values per bucket of {@code samplesPerBucket} samples, for drawing a waveform at any zoom
 * without touching every sample on each redraw.
 */
public record WaveformPeaks(int sampleRate, int samplesPerBucket, float[] min, float[] max) {
    public static WaveformPeaks of(AudioClip clip, int samplesPerBucket) {
        float[] s = clip.samples();
        int n = (s.length + samplesPerBucket - 1) / samplesPerBucket;
        float[] lo = new float[n];
        float[] hi = new float[n];
        for (int b = 0; b < n; b++) {
            float mn = 0, mx = 0;
            for (int i = b * samplesPerBucket, e = Math.min(s.length, i + samplesPerBucket); i < e; i++) {
                mn = Math.min(mn, s[i]);
                mx = Math.max(mx, s[i]);
            }
            lo[b] = mn;
            hi[b] = mx;
        }
        return new WaveformPeaks(clip.sampleRate(), samplesPerBucket, lo, hi);
    }

    public int buckets() {
        return min.length;
    }
}
