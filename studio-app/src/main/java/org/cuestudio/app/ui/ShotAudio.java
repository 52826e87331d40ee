package org.cuestudio.app.ui;

import java.nio.file.Path;
import java.util.Map;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.PeakPyramid;

/**
 * A shot's decoded dialogue as the studio window uses it: the clip (for playback and for drawing single samples
 * when zoomed in to a few frames), its per-frame features (for the planner) and its min/max peak pyramid (for
 * drawing the waveform at any other zoom, cached beside the project), and the features of the partners' own
 * recordings by their paths as the shot gives them.
 */
public record ShotAudio(Path file, AudioClip clip, AudioFeatures features, PeakPyramid peaks,
        Map<String, AudioFeatures> partnerVoices) {
    public ShotAudio {
        partnerVoices = Map.copyOf(partnerVoices);
    }

    /** With peaks computed here and no partner recordings (tests and callers without a project cache). */
    public static ShotAudio of(Path file, AudioClip clip, AudioFeatures features) {
        return new ShotAudio(file, clip, features, PeakPyramid.of(clip), Map.of());
    }

    public long durationTicks() {
        return clip.durationTicks();
    }

    /**
     * Per pixel column, the minimum ({@code [0]}) and maximum ({@code [1]}) of the samples it covers, the first
     * column starting at {@code startSeconds}: from the pyramid, or from the samples themselves when a column
     * covers fewer samples than a pyramid bucket. Columns outside the audio are 0.
     */
    public float[][] columns(double startSeconds, double secondsPerColumn, int columns) {
        int rate = clip.sampleRate();
        double perColumn = secondsPerColumn * rate;
        long from = (long) Math.floor(startSeconds * rate);
        if (columns <= 0) return new float[2][0];
        if (perColumn >= PeakPyramid.BASE_BUCKET) {
            return peaks.columns(from, from + (long) Math.ceil(perColumn * columns), columns);
        }
        float[] s = clip.samples();
        float[][] out = new float[2][columns];
        for (int x = 0; x < columns; x++) {
            long a = from + (long) Math.floor(x * perColumn), b = from + (long) Math.floor((x + 1) * perColumn);
            a = Math.max(0, a);
            b = Math.min(s.length, Math.max(b, a + 1));
            float mn = 0, mx = 0;
            for (long i = a; i < b; i++) {
                mn = Math.min(mn, s[(int) i]);
                mx = Math.max(mx, s[(int) i]);
            }
            out[0][x] = mn;
            out[1][x] = mx;
        }
        return out;
    }
}
