package org.cuestudio.core.audio;

import org.cuestudio.core.perform.MouthShape;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.jspecify.annotations.Nullable;

/**
 * Per-video-frame features of a dialogue recording that drive the performance: loudness normalised to 0..1
 * (1 = the recording's loud speech), whether the frame is speech, optionally the mouth shapes from lip-sync and
 * the prosody (pitch, voicing, pauses, phrases, accents). Computed once per audio file.
 *
 * @param mouthShapes the lip-sync track, or null (the planner then picks the mouth from loudness)
 * @param prosody pitch, pauses, phrases and accents, or null (the planner then places nods from loudness rises
 *     and breathes on its own rhythm only)
 */
public record AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech,
        MouthShape @Nullable [] mouthShapes, @Nullable Prosody prosody) {
    public AudioFeatures {
        if (loudness.length != speech.length) throw new IllegalArgumentException("feature lengths differ");
        if (mouthShapes != null && mouthShapes.length != loudness.length) {
            throw new IllegalArgumentException("mouth-shape track length differs");
        }
        if (prosody != null && prosody.frameCount() != loudness.length) {
            throw new IllegalArgumentException("prosody track length differs");
        }
    }

    /** Features without prosody, with or without a lip-sync track. */
    public AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech,
            MouthShape @Nullable [] mouthShapes) {
        this(frameRate, durationTicks, loudness, speech, mouthShapes, null);
    }

    /** Features without a lip-sync track or prosody (the planner then picks the mouth from loudness). */
    public AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech) {
        this(frameRate, durationTicks, loudness, speech, null, null);
    }

    /** The same features with a per-video-frame mouth-shape track from lip-sync ({@link LipSync#perFrame}). */
    public AudioFeatures withMouthShapes(MouthShape[] shapes) {
        return new AudioFeatures(frameRate, durationTicks, loudness, speech, shapes, prosody);
    }

    /** The same features with another prosody (or none). */
    public AudioFeatures withProsody(@Nullable Prosody p) {
        return new AudioFeatures(frameRate, durationTicks, loudness, speech, mouthShapes, p);
    }

    public int frameCount() {
        return loudness.length;
    }

    /**
     * Analyses a clip: loudness is the RMS per frame window in dB, mapped so the 95th percentile reaches 1; the
     * prosody comes from {@link ProsodyAnalysis}.
     */
    public static AudioFeatures analyse(AudioClip clip, FrameRate rate) {
        long duration = clip.durationTicks();
        int frames = (int) rate.framesCovering(duration);
        float[] db = new float[frames];
        float[] s = clip.samples();
        for (int f = 0; f < frames; f++) {
            int from = (int) Math.min(s.length, Math.round(Ticks.toSeconds(rate.frameToTicks(f)) * clip.sampleRate()));
            int to = (int) Math.min(s.length, Math.round(Ticks.toSeconds(rate.frameToTicks(f + 1)) * clip.sampleRate()));
            double sum = 0;
            for (int i = from; i < to; i++) sum += s[i] * (double) s[i];
            double rms = to > from ? Math.sqrt(sum / (to - from)) : 0;
            db[f] = (float) (20 * Math.log10(rms + 1e-9));
        }
        float[] sorted = db.clone();
        java.util.Arrays.sort(sorted);
        float top = frames == 0 ? 0 : sorted[(int) Math.min(frames - 1, Math.floor(frames * 0.95))];
        float floor = top - 40f; // 40 dB of range below loud speech
        float[] loud = new float[frames];
        boolean[] speech = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            loud[f] = (float) Math.max(0, Math.min(1, (db[f] - floor) / (top - floor)));
            speech[f] = db[f] > top - 28f && db[f] > -55f;
        }
        return new AudioFeatures(rate, duration, loud, speech, null, ProsodyAnalysis.analyse(clip, rate, frames));
    }
}
