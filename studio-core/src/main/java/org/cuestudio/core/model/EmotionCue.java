package org.cuestudio.core.model;

import org.cuestudio.core.time.TimeRange;

/**
 * An emotion held over a range: it eases in over {@code easeIn} ticks, holds at {@code intensity}, and eases out
 * over {@code easeOut} ticks before the range ends. Overlapping emotion cues blend.
 */
public record EmotionCue(String id, TimeRange range, Emotion emotion, double intensity, long easeIn, long easeOut)
        implements Cue {
    public EmotionCue {
        Ids.require(id, "cue id");
        if (!(intensity >= 0 && intensity <= 1)) throw new IllegalArgumentException("intensity must be in [0,1]");
        if (easeIn < 0 || easeOut < 0) throw new IllegalArgumentException("ease times must not be negative");
    }

    @Override
    public EmotionCue withRange(TimeRange r) {
        return new EmotionCue(id, r, emotion, intensity, easeIn, easeOut);
    }

    @Override
    public String label() {
        return emotion.label() + " " + Math.round(intensity * 100) + "%";
    }
}
