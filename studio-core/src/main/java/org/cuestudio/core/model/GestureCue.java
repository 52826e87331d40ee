package org.cuestudio.core.model;

import java.util.Locale;
import org.cuestudio.core.time.TimeRange;

/**
 * A gesture of the gesture library performed over a range: preparation, stroke, hold and retraction fill it. With
 * {@code snap}, the planner moves the stroke onto the nearest stressed syllable of the character's speech.
 *
 * @param gesture the id of a gesture in the library ({@code assets/gestures}), e.g. {@code "open-palms"}
 * @param side which of the character's hands performs a one-handed gesture ({@link Side#BOTH} for both)
 * @param snap whether the stroke lands on the nearest stressed syllable (within half a second)
 */
public record GestureCue(String id, TimeRange range, String gesture, double intensity, Side side, boolean snap)
        implements Cue {
    public GestureCue {
        Ids.require(id, "cue id");
        if (!gesture.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("gesture id must be lower-case words joined by '-', got '" + gesture + "'");
        }
        if (!(intensity >= 0 && intensity <= 1)) throw new IllegalArgumentException("intensity must be in [0,1]");
    }

    /** A gesture that keeps its own timing (no snapping). */
    public GestureCue(String id, TimeRange range, String gesture, double intensity, Side side) {
        this(id, range, gesture, intensity, side, false);
    }

    @Override
    public GestureCue withRange(TimeRange r) {
        return new GestureCue(id, r, gesture, intensity, side, snap);
    }

    @Override
    public String label() {
        return labelOf(gesture) + (side == Side.BOTH ? "" : " (" + side.name().toLowerCase(Locale.ROOT) + ")");
    }

    /** "open-palms" -> "Open palms". */
    public static String labelOf(String gestureId) {
        String s = gestureId.replace('-', ' ');
        return java.lang.Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
