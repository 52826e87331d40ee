package org.cuestudio.core.perform;

/** Small deterministic signal helpers for the planner (StrictMath only, so results match on every machine). */
final class Smoothing {
    private Smoothing() {}

    static double smoothstep(double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        return x * x * (3 - 2 * x);
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    /**
     * Critically damped follow of a target signal (a spring with no overshoot): {@code timeConstant} seconds to
     * cover most of a step. Runs in place.
     */
    static void follow(double[] signal, double fps, double timeConstant) {
        if (signal.length == 0 || timeConstant <= 0) return;
        double omega = 2.0 / timeConstant;
        double dt = 1.0 / fps;
        double x = signal[0];
        double v = 0;
        for (int i = 0; i < signal.length; i++) {
            double target = signal[i];
            // Exact-enough semi-implicit step of x'' = omega^2 (target - x) - 2 omega x'.
            double a = omega * omega * (target - x) - 2 * omega * v;
            v += a * dt;
            x += v * dt;
            signal[i] = x;
        }
    }

    /**
     * Saccades on the main sequence, in place on a gaze direction (yaw and pitch, degrees): wherever the wanted
     * direction steps, the eyes travel from where they are toward it at constant speed for 21 ms + 2.2 ms per
     * degree of the step, so at video rates a large shift spreads over {@code ceil(duration * fps)} frames (a
     * 28-degree shift takes 83 ms: three frames at 25 fps) and a small one lands within its first frame. A new
     * step during a saccade starts a new saccade from the eyes' current direction.
     */
    static void saccades(double[] yaw, double[] pitch, double fps) {
        if (yaw.length != pitch.length) throw new IllegalArgumentException("yaw and pitch differ in length");
        if (yaw.length == 0) return;
        double fromYaw = yaw[0], fromPitch = pitch[0];
        double toYaw = yaw[0], toPitch = pitch[0];
        double eyeYaw = yaw[0], eyePitch = pitch[0];
        double duration = 0;
        int start = 0;
        for (int f = 1; f < yaw.length; f++) {
            if (yaw[f] != toYaw || pitch[f] != toPitch) {
                fromYaw = eyeYaw;
                fromPitch = eyePitch;
                toYaw = yaw[f];
                toPitch = pitch[f];
                duration = saccadeSeconds(StrictMath.hypot(toYaw - fromYaw, toPitch - fromPitch));
                start = f;
            }
            // Time travelled by the end of this frame; the tolerance keeps an exact multiple of a frame from
            // spilling into one more frame through rounding.
            double done = (f - start + 1) / fps / duration;
            if (done >= 1 - 1e-9) {
                eyeYaw = toYaw;
                eyePitch = toPitch;
            } else {
                eyeYaw = fromYaw + (toYaw - fromYaw) * done;
                eyePitch = fromPitch + (toPitch - fromPitch) * done;
            }
            yaw[f] = eyeYaw;
            pitch[f] = eyePitch;
        }
    }

    /** The main sequence: how long a saccade of {@code degrees} takes, in seconds (21 ms + 2.2 ms per degree). */
    static double saccadeSeconds(double degrees) {
        return 0.021 + 0.0022 * degrees;
    }

    /**
     * Smooth value noise in [-1, 1] with about {@code hz} wiggles per second, from a seeded lattice.
     */
    static double[] noise(int frames, double fps, double hz, long seed) {
        double[] clock = new double[frames];
        for (int f = 0; f < frames; f++) clock[f] = f / fps;
        return noise(clock, hz, seed);
    }

    /**
     * The same noise read at a clock of its own ({@code clock[f]} seconds at frame f, not decreasing), so a tempo
     * that runs the clock faster or slower speeds up or slows down the wiggles.
     */
    static double[] noise(double[] clock, double hz, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int frames = clock.length;
        int knots = (int) StrictMath.ceil((frames == 0 ? 0 : clock[frames - 1]) * hz) + 3;
        double[] k = new double[knots];
        for (int i = 0; i < knots; i++) k[i] = r.nextDouble() * 2 - 1;
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            double p = clock[f] * hz;
            int i = (int) StrictMath.floor(p);
            double u = smoothstep(p - i);
            out[f] = k[i] * (1 - u) + k[i + 1] * u;
        }
        return out;
    }
}
