package org.cuestudio.core.audio;

import java.util.List;
import org.cuestudio.core.time.TimeRange;

/**
 * The speech rhythm and melody of a dialogue recording, for the performance planner: per video frame the pitch
 * (in Hz and in semitones from the speaker's median) and voicing, and over the whole clip the pauses, the
 * phrases and the accents (stressed syllables). Computed by {@link ProsodyAnalysis} as part of
 * {@link AudioFeatures#analyse}.
 *
 * @param pitchHz pitch per video frame in Hz, 0 where unvoiced
 * @param semitones pitch per video frame in semitones relative to the speaker's median pitch, 0 where unvoiced
 * @param voiced whether at least half of the video frame is voiced
 * @param medianHz the speaker's median pitch over all voiced audio, 0 when nothing is voiced
 * @param pauses silences of at least {@value #MIN_PAUSE_MS} ms, in time order (leading and trailing silence
 *     included)
 * @param phrases stretches of speech between pauses of at least {@value #MIN_PHRASE_GAP_MS} ms or equally long
 *     low-energy stretches, in time order
 * @param accents stressed syllables (syllable nuclei weighted by loudness and pitch excursion), in time order
 */
public record Prosody(float[] pitchHz, float[] semitones, boolean[] voiced, float medianHz, List<TimeRange> pauses,
        List<TimeRange> phrases, List<Accent> accents) {
    /** The shortest silence counted as a pause. */
    public static final int MIN_PAUSE_MS = 250;
    /** The shortest pause (or low-energy stretch) that ends a phrase. */
    public static final int MIN_PHRASE_GAP_MS = 400;

    public Prosody {
        if (semitones.length != pitchHz.length || voiced.length != pitchHz.length) {
            throw new IllegalArgumentException("prosody track lengths differ");
        }
        pauses = List.copyOf(pauses);
        phrases = List.copyOf(phrases);
        accents = List.copyOf(accents);
    }

    /**
     * A stressed syllable.
     *
     * @param ticks the time of the syllable's energy peak
     * @param strength 0..1: how loud and how far from the speaker's median pitch it is, relative to the
     *     recording's strong accents (1)
     */
    public record Accent(long ticks, float strength) {
        public Accent {
            if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("strength must be in 0..1");
        }
    }

    /** Number of video frames of the per-frame tracks. */
    public int frameCount() {
        return pitchHz.length;
    }

    /**
     * Whether phrase {@code i} follows a pause: a pause ends between the previous phrase's end (or the clip's
     * start) and this phrase's start, so the speaker had time to breathe in.
     */
    public boolean followsPause(int i) {
        TimeRange phrase = phrases.get(i);
        long after = i == 0 ? Long.MIN_VALUE : phrases.get(i - 1).endExclusive();
        for (TimeRange p : pauses) {
            if (p.endExclusive() > after && p.endExclusive() <= phrase.start()) return true;
        }
        return false;
    }
}
