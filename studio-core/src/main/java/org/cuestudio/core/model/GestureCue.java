package org.cuestudio.core.model;

import org.cuestudio.core.time.TimeRange;

/** A gesture performed over a range (its stroke falls in the middle third). */
public record GestureCue(String id, TimeRange range, Gesture gesture, double intensity, Side side) implements Cue {
    public GestureCue {
        Ids.require(id, "cue id");
        if (!(intensity >= 0 && intensity <= 1)) throw new IllegalArgumentException("intensity must be in [0,1]");
    }

    @Override
    public GestureCue withRange(TimeRange r) {
        return new GestureCue(id, r, gesture, intensity, side);
    }

    @Override
    public String label() {
        return gesture.label() + (side == Side.BOTH ? "" : " (" + side.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
