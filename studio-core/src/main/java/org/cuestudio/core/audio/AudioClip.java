package org.cuestudio.core.audio;

import org.cuestudio.core.time.Ticks;

/** Decoded mono audio as floats in [-1, 1] at a known sample rate. */
public record AudioClip(int sampleRate, float[] samples) {
    public AudioClip {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive");
    }

    /** Exact length in ticks (rounded to the nearest tick for rates that do not divide a second of ticks). */
    public long durationTicks() {
        return Ticks.ofSamples(samples.length, sampleRate);
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
