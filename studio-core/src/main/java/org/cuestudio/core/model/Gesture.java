package org.cuestudio.core.model;

import java.util.Locale;

/** The gestures the first planner knows; the gesture library issue turns these into data. */
public enum Gesture {
    NOD, HEAD_SHAKE, SHRUG, WAVE, POINT, OPEN_PALMS, BEAT, HAND_TO_CHEST, LEAN_IN, LEAN_BACK;

    public String label() {
        String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return java.lang.Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
