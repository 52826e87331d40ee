package org.cuestudio.core.perform;

import org.cuestudio.core.model.Gesture;

/**
 * What each gesture does to the body at full strength: arm angles and hand pose for the performing arm(s), and
 * head/body motion. A gesture runs preparation (first 25% of its cue), stroke (next 25%), hold (next 30%) and
 * retraction (last 20%).
 */
record GestureMotion(double shoulder, double elbow, HandPose hand, double bodyForward, double headPitch,
        double nodAmplitude, double shakeAmplitude, double wristWave, boolean beats, boolean shrug) {

    static GestureMotion of(Gesture g) {
        return switch (g) {
            case NOD -> new GestureMotion(0, 0, HandPose.RELAXED, 0, 0, 7, 0, 0, false, false);
            case HEAD_SHAKE -> new GestureMotion(0, 0, HandPose.RELAXED, 0, 0, 0, 11, 0, false, false);
            case SHRUG -> new GestureMotion(28, 75, HandPose.OPEN, -.1, 2, 0, 0, 0, false, true);
            case WAVE -> new GestureMotion(135, 35, HandPose.WAVE, .1, 2, 0, 0, 22, false, false);
            case POINT -> new GestureMotion(80, 8, HandPose.POINT, .25, -1, 0, 0, 0, false, false);
            case OPEN_PALMS -> new GestureMotion(35, 65, HandPose.OPEN, .15, 1, 0, 0, 0, false, false);
            case BEAT -> new GestureMotion(18, -80, HandPose.FIST, .15, -1, 0, 0, 0, true, false);
            case HAND_TO_CHEST -> new GestureMotion(16, -148, HandPose.OPEN, .1, -3, 0, 0, 0, false, false);
            case LEAN_IN -> new GestureMotion(0, 0, HandPose.RELAXED, .85, -3, 0, 0, 0, false, false);
            case LEAN_BACK -> new GestureMotion(0, 0, HandPose.RELAXED, -.85, 4, 0, 0, 0, false, false);
        };
    }

    boolean usesArms() {
        return shoulder != 0 || elbow != 0;
    }

    /** Envelope 0..1 over the cue's normalised time u in [0, 1). */
    static double envelope(double u) {
        if (u < 0 || u >= 1) return 0;
        if (u < .25) return Smoothing.smoothstep(u / .25);
        if (u < .8) return 1;
        return 1 - Smoothing.smoothstep((u - .8) / .2);
    }

    /** 0..1 progress through stroke and hold, for oscillating gestures (0 outside them). */
    static double strokePhase(double u) {
        return u >= .25 && u < .8 ? (u - .25) / .55 : 0;
    }
}
