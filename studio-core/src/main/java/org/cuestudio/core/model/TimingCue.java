package org.cuestudio.core.model;

import java.util.Locale;
import org.cuestudio.core.time.TimeRange;

/**
 * A timing mark: {@code HOLD} freezes the body (breathing and blinking go on); {@code REACT} is a startle
 * reaction at the range start (anticipation, action, overshoot, settle) scaled by {@code strength};
 * {@code TEMPO} speeds up or slows the idle motion over its range: strength 0.5 is the normal pace, 0 half of it,
 * 1 twice it.
 */
public record TimingCue(String id, TimeRange range, Kind kind, double strength) implements Cue {
    /** What the timing mark does. */
    public enum Kind {
        HOLD, REACT, TEMPO
    }

    public TimingCue {
        Ids.require(id, "cue id");
        if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("strength must be in [0,1]");
    }

    @Override
    public TimingCue withRange(TimeRange r) {
        return new TimingCue(id, r, kind, strength);
    }

    @Override
    public String label() {
        String n = kind.name().toLowerCase(Locale.ROOT);
        return java.lang.Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
