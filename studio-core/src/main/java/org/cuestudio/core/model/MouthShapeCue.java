package org.cuestudio.core.model;

import org.cuestudio.core.time.TimeRange;

/**
 * A correction of the lip-sync track on the mouth lane: over its range the mouth holds {@code shape}, whatever the
 * lip-sync model heard (the model gives the first pass; the director fixes what reads wrong).
 */
public record MouthShapeCue(String id, TimeRange range, MouthShape shape) implements Cue {
    public MouthShapeCue {
        Ids.require(id, "cue id");
    }

    @Override
    public MouthShapeCue withRange(TimeRange r) {
        return new MouthShapeCue(id, r, shape);
    }

    @Override
    public String label() {
        return "Mouth " + shape + " (" + describe(shape) + ")";
    }

    /** What a mouth shape looks like, for menus: "closed: M B P". */
    public static String describe(MouthShape s) {
        return switch (s) {
            case A -> "closed: M B P";
            case B -> "teeth: most consonants";
            case C -> "open: EH AE";
            case D -> "wide: AA";
            case E -> "rounded: AO ER";
            case F -> "puckered: OO W";
            case G -> "F V";
            case H -> "L";
            case X -> "rest";
        };
    }
}
