package org.cuestudio.core.perform;

import java.util.Map;
import org.cuestudio.core.model.Ids;
import org.jspecify.annotations.Nullable;

/**
 * One gesture of the gesture library (data in {@code assets/gestures/library.json}, read by the project-format
 * module): what it does to the body at full intensity and how long its phases take.
 *
 * <p>A gesture runs <b>preparation</b> (from rest toward the pose), <b>stroke</b> (the meaningful, fast part, ending
 * on the pose at the <em>apex</em>), <b>hold</b> (the pose kept, with the oscillation if any) and <b>retraction</b>
 * (back to rest). The phase times are seconds at a normal pace; a cue shorter than preparation + stroke +
 * retraction scales them down, a longer one holds longer.
 *
 * @param arms which arms move: none (head and body gestures), one (the cue's side; both when the cue says both),
 *     or both
 * @param arm the performing arm's pose at the apex; null when {@code arms} is NONE
 * @param head head pitch, yaw and roll at the apex, degrees (screen space, see {@link Channel})
 * @param body body forward (-1..1), lean and turn (degrees) at the apex
 * @param face blendshape weights added at the apex (e.g. raised brows for a shrug)
 * @param oscillation a repeated motion during the hold (nodding, shaking, waving, beating), or null
 */
public record GestureSpec(String id, String label, String description, Arms arms, @Nullable ArmPose arm,
        double preparation, double stroke, double retraction, Vec3 head, Vec3 body,
        Map<ArkitBlendshape, Double> face, @Nullable Oscillation oscillation) {
    /** Which arms a gesture moves. */
    public enum Arms {
        NONE, ONE, BOTH
    }

    /** A pose of one arm: angles in degrees as {@link Channel} defines them, and the hand's shape. */
    public record ArmPose(double shoulder, double elbow, double wrist, HandPose hand) {}

    /** Three numbers: pitch/yaw/roll for the head, forward/lean/turn for the body. */
    public record Vec3(double a, double b, double c) {
        public static final Vec3 ZERO = new Vec3(0, 0, 0);
    }

    /** What an oscillation moves. */
    public enum Target {
        HEAD_PITCH, HEAD_YAW, HEAD_ROLL, SHOULDER, ELBOW, WRIST
    }

    /**
     * A sine motion of {@code amplitude} (degrees) at {@code hertz} that starts at the apex; with
     * {@code cycles} > 0 it stops after that many cycles, else it lasts the whole hold.
     */
    public record Oscillation(Target target, double amplitude, double hertz, double cycles) {
        public Oscillation {
            if (!(hertz > 0 && hertz <= 10)) throw new IllegalArgumentException("oscillation hertz must be in (0, 10]");
            if (!(cycles >= 0)) throw new IllegalArgumentException("oscillation cycles must not be negative");
        }
    }

    public GestureSpec {
        Ids.require(id, "gesture id");
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("gesture id must be lower-case words joined by '-', got '" + id + "'");
        }
        if ((arms == Arms.NONE) != (arm == null)) {
            throw new IllegalArgumentException("gesture '" + id + "': an arm pose is given exactly when arms move");
        }
        for (double d : new double[] {preparation, stroke, retraction}) {
            if (!(d > 0 && d <= 5)) throw new IllegalArgumentException("gesture '" + id + "': phases last 0-5 s");
        }
        face = Map.copyOf(face);
        for (double w : face.values()) {
            if (!(w >= 0 && w <= 1)) throw new IllegalArgumentException("gesture '" + id + "': face weights are 0-1");
        }
    }

    /** Preparation + stroke + retraction at a normal pace, seconds: the shortest cue that holds nothing. */
    public double minimumSeconds() {
        return preparation + stroke + retraction;
    }
}
