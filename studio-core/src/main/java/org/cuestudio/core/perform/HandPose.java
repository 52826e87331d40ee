package org.cuestudio.core.perform;

/** Hand shapes a character sheet may draw; a sheet without one falls back to {@link #RELAXED}. */
public enum HandPose {
    RELAXED, OPEN, POINT, FIST, WAVE, THUMBS_UP
}
