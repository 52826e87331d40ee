package org.cuestudio.core.model;

import java.util.EnumMap;
import java.util.Map;
import org.cuestudio.core.time.TimeRange;

/**
 * An emotion held over a range: it eases in over {@code easeIn} ticks, holds at {@code intensity}, and eases out
 * over {@code easeOut} ticks before the range ends. Overlapping emotion cues blend.
 *
 * <p>A cue may be a mixed feeling: {@code blend} adds other emotions at their own weights (0-1) to the main one
 * (bittersweet: joy with sadness at 0.6). A cue made from one of the project's {@link EmotionPreset}s carries the
 * preset's id in {@code preset} (empty otherwise) and a copy of its emotions, so the cue renders the same even if
 * the preset is later changed or deleted.
 */
public record EmotionCue(String id, TimeRange range, Emotion emotion, double intensity, long easeIn, long easeOut,
        Map<Emotion, Double> blend, String preset) implements Cue {
    public EmotionCue {
        Ids.require(id, "cue id");
        if (!(intensity >= 0 && intensity <= 1)) throw new IllegalArgumentException("intensity must be in [0,1]");
        if (easeIn < 0 || easeOut < 0) throw new IllegalArgumentException("ease times must not be negative");
        blend = EmotionPreset.checkBlend(emotion, blend);
        if (!preset.isEmpty()) Ids.require(preset, "preset id");
    }

    /** A cue of one emotion. */
    public EmotionCue(String id, TimeRange range, Emotion emotion, double intensity, long easeIn, long easeOut) {
        this(id, range, emotion, intensity, easeIn, easeOut, Map.of(), "");
    }

    /** A cue of a preset's mixed feeling. */
    public static EmotionCue of(String id, TimeRange range, EmotionPreset preset, double intensity, long easeIn,
            long easeOut) {
        return new EmotionCue(id, range, preset.emotion(), intensity, easeIn, easeOut, preset.blend(), preset.id());
    }

    /** Every emotion of the cue with its weight: the main one at 1, then the blend in emotion order. */
    public Map<Emotion, Double> mix() {
        Map<Emotion, Double> m = new EnumMap<>(Emotion.class);
        m.putAll(blend);
        m.put(emotion, 1.0);
        return m;
    }

    @Override
    public EmotionCue withRange(TimeRange r) {
        return new EmotionCue(id, r, emotion, intensity, easeIn, easeOut, blend, preset);
    }

    @Override
    public String label() {
        String name = preset.isEmpty() ? emotion.label() : GestureCue.labelOf(preset);
        return name + (blend.isEmpty() || !preset.isEmpty() ? "" : " +" + blend.size()) + " "
                + Math.round(intensity * 100) + "%";
    }
}
