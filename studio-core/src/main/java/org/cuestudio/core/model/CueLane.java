package org.cuestudio.core.model;

/**
 * The kinds of direction a shot carries, each on its own timeline lane: emotion, gesture, gaze and timing cues,
 * and the mouth lane, where corrections of the lip-sync track go.
 */
public enum CueLane {
    EMOTION, GESTURE, GAZE, TIMING, MOUTH;

    /** The lane a cue belongs on. */
    public static CueLane of(Cue cue) {
        return switch (cue) {
            case EmotionCue e -> EMOTION;
            case GestureCue g -> GESTURE;
            case GazeCue g -> GAZE;
            case TimingCue t -> TIMING;
            case MouthShapeCue m -> MOUTH;
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
