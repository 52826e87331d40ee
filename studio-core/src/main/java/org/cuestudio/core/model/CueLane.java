package org.cuestudio.core.model;

/** The four kinds of direction a shot carries, each on its own timeline lane. */
public enum CueLane {
    EMOTION, GESTURE, GAZE, TIMING;

    /** The lane a cue belongs on. */
    public static CueLane of(Cue cue) {
        return switch (cue) {
            case EmotionCue e -> EMOTION;
            case GestureCue g -> GESTURE;
            case GazeCue g -> GAZE;
            case TimingCue t -> TIMING;
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
