package org.cuestudio.core.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * A named mixed feeling a director saves to reuse ("smug": contempt with joy at 0.4), kept in the project so it
 * travels with it: a main emotion and others blended in at weights 0-1. Emotion cues made from it copy its
 * emotions ({@link EmotionCue#of}).
 */
public record EmotionPreset(String id, String label, Emotion emotion, Map<Emotion, Double> blend) {
    public EmotionPreset {
        Ids.require(id, "preset id");
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("preset id must be lower-case words joined by '-', got '" + id + "'");
        }
        if (label.isBlank()) throw new IllegalArgumentException("preset '" + id + "' needs a label");
        blend = checkBlend(emotion, blend);
    }

    /** A copy of a blend in emotion order, checked: weights 0-1, not the main emotion, not neutral. */
    static Map<Emotion, Double> checkBlend(Emotion main, Map<Emotion, Double> blend) {
        Map<Emotion, Double> out = new EnumMap<>(Emotion.class);
        for (var e : blend.entrySet()) {
            double w = e.getValue();
            if (!(w > 0 && w <= 1)) throw new IllegalArgumentException("blend weights must be in (0,1], got " + w);
            if (e.getKey() == main) throw new IllegalArgumentException("the main emotion cannot be blended in again");
            if (e.getKey() == Emotion.NEUTRAL) throw new IllegalArgumentException("neutral cannot be blended in");
            out.put(e.getKey(), w);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
