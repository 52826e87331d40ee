package org.cuestudio.core.render;

import java.util.Locale;

/**
 * How big the characters of a frame are: a shot's framing, as on a film set. A character sheet's canvas is, by
 * convention, a medium shot of the character (head to mid-thigh, docs/character-sheets.md), so a framing is the
 * height of that canvas as a multiple of the frame's height, and where it stands:
 *
 * <ul>
 * <li>{@link #CLOSE_UP}: the canvas is 1.6 frame heights tall, its top on the frame's top edge: head and shoulders
 *     (the samples' heads are about half the frame's height).</li>
 * <li>{@link #MEDIUM}: the canvas fills the frame's height exactly (the sheet as drawn; the samples' heads are about
 *     a third of the frame's height). The default for one character.</li>
 * <li>{@link #WIDE}: the canvas is 0.85 frame heights tall and stands on the frame's bottom edge, so that the body is
 *     cut where the art is cut and never floats; the samples' heads are about a quarter of the frame's height and
 *     land at about {@link org.cuestudio.core.perform.Staging#HEAD_Y}, where the planner aims a look at them. The default for two or more characters.</li>
 * </ul>
 */
public enum Framing {
    CLOSE_UP("close-up", 1.6),
    MEDIUM("medium", 1.0),
    WIDE("wide", 0.85);

    private final String id;
    private final double scale;

    Framing(String id, double scale) {
        this.id = id;
        this.scale = scale;
    }

    /** The name in project metadata and on the command line: {@code close-up}, {@code medium}, {@code wide}. */
    public String id() {
        return id;
    }

    /** The height of a sheet's canvas as a multiple of the frame's height. */
    public double scale() {
        return scale;
    }

    /**
     * Where the canvas' top edge lies, as a fraction of the frame's height down from its top: a canvas taller than
     * the frame hangs from the top edge (the head stays in the picture), a shorter one stands on the bottom edge.
     */
    public double top() {
        return Math.max(0, 1 - scale);
    }

    /** The framing a shot gets when it says none: medium for one character, wide for two or more. */
    public static Framing defaultFor(int characters) {
        return characters > 1 ? WIDE : MEDIUM;
    }

    /** The framing named {@code id} ({@code close-up}, {@code medium}, {@code wide}; case and {@code _} ignored). */
    public static Framing parse(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Framing f : values()) {
            if (f.id.equals(k) || (f == CLOSE_UP && k.equals("closeup"))) return f;
        }
        throw new IllegalArgumentException("unknown framing '" + id + "': use close-up, medium or wide");
    }
}
