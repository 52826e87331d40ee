package org.cuestudio.core.model;

import java.util.Locale;

/**
 * Gaze targets in screen space, each with the eye direction it means (degrees; yaw positive toward the viewer's
 * right, pitch positive up). {@link #POINT} and {@link #CHARACTER} are resolved by the planner from the cue's point
 * or the other character's place in the frame; {@link #THINKING} averts the gaze up and to the side, with glances
 * back, as people do while they think.
 */
public enum GazeTarget {
    CAMERA(0, 0), LEFT(-28, 0), RIGHT(28, 0), UP(0, 18), DOWN(0, -20), UP_LEFT(-22, 15), UP_RIGHT(22, 15),
    DOWN_LEFT(-22, -16), DOWN_RIGHT(22, -16), POINT(0, 0), CHARACTER(0, 0), THINKING(-18, 12);

    private final double yaw;
    private final double pitch;

    GazeTarget(double yaw, double pitch) {
        this.yaw = yaw;
        this.pitch = pitch;
    }

    public double yawDegrees() {
        return yaw;
    }

    public double pitchDegrees() {
        return pitch;
    }

    public String label() {
        return this == CAMERA ? "at camera" : name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
