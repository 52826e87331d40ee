package org.cuestudio.core.live;

import java.util.Locale;
import org.cuestudio.core.model.Emotion;

/**
 * A performer's live trigger (a key or button pressed while performing): an emotion to switch to or a gesture to
 * play, at a time of the input audio. Recorded triggers become ordinary cues of the take ({@link LiveTake}).
 *
 * @param ticks when, on the input's timeline (0 = the first sample)
 * @param value an emotion's name ({@code joy}) or a gesture's id in the library ({@code open-palms})
 * @param intensity 0-1
 */
public record Trigger(long ticks, Kind kind, String value, double intensity) {
    /** What a trigger asks for. */
    public enum Kind {
        EMOTION, GESTURE;

        /** The name used in trigger files. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Intensity of a trigger that does not give one. */
    public static final double DEFAULT_INTENSITY = 0.8;

    public Trigger {
        if (ticks < 0) throw new IllegalArgumentException("a trigger's time must not be negative");
        if (!(intensity >= 0 && intensity <= 1)) throw new IllegalArgumentException("intensity must be 0 to 1, got " + intensity);
        if (kind == Kind.EMOTION) emotion(value);
    }

    /** The emotion of an emotion trigger (its value, any case), or an exception naming the emotions there are. */
    public static Emotion emotion(String value) {
        for (Emotion e : Emotion.values()) if (e.name().equalsIgnoreCase(value)) return e;
        throw new IllegalArgumentException("unknown emotion '" + value + "' (use one of "
                + String.join(", ", java.util.Arrays.stream(Emotion.values()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
}
