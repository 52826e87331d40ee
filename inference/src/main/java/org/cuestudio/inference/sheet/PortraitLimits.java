package org.cuestudio.inference.sheet;

/** Limits of what a single portrait animates, shared by the renderer and {@code cue sheet check}. */
public final class PortraitLimits {
    /** Head turn and nod are clamped to this many degrees either way (the picture shows one view). */
    public static final double TURN_DEG = 25;

    private PortraitLimits() {
    }
}
