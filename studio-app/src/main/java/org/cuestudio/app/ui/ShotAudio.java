package org.cuestudio.app.ui;

import java.nio.file.Path;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.WaveformPeaks;

/**
 * A shot's decoded dialogue as the studio window uses it: the clip (for playback), its per-frame features (for
 * the planner) and min/max peaks (for drawing the waveform at any zoom).
 */
public record ShotAudio(Path file, AudioClip clip, AudioFeatures features, WaveformPeaks peaks) {
    /** Peaks are kept per 4 ms: fine enough for a frame-level zoom, small enough to reduce per pixel quickly. */
    public static final int PEAKS_PER_SECOND = 250;

    public static ShotAudio of(Path file, AudioClip clip, AudioFeatures features) {
        return new ShotAudio(file, clip, features,
                WaveformPeaks.of(clip, Math.max(1, clip.sampleRate() / PEAKS_PER_SECOND)));
    }

    public long durationTicks() {
        return clip.durationTicks();
    }
}
