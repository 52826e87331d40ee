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

    /** How far back, in time constants, {@link #follow} looks: the part of a step response beyond it is 0.3%. */
    static final double FOLLOW_HORIZON = 4;

    /**
     * Critically damped follow of a target signal (a spring with no overshoot): {@code timeConstant} seconds to
     * cover most of a step. Runs in place.
     *
     * <p>It is the spring's response to the target, cut off after {@value #FOLLOW_HORIZON} time constants (and the
     * kept part scaled so a steady target is followed exactly): a finite filter, so that a change of the target at
     * one frame changes the output of the next {@code 4 x timeConstant} seconds only and later frames stay
     * bit-identical. That is what lets a re-render after an edit reuse the cached segments after the edit
     * (docs/takes.md); the spring itself would pass every edit on, ever smaller, to the end of the shot. Before the
     * first frame the target is taken to have stood at its first value, as the spring started at rest there.
     */
    static void follow(double[] signal, double fps, double timeConstant) {
        if (signal.length == 0 || timeConstant <= 0) return;
        double[] kernel = followKernel(fps, timeConstant);
        double[] target = signal.clone();
        for (int i = 0; i < target.length; i++) {
            double x = 0;
            for (int j = 0; j < kernel.length; j++) x += kernel[j] * target[Math.max(0, i - j)];
            signal[i] = x;
        }
    }

    /**
     * The spring's response (x'' = omega^2 (target - x) - 2 omega x', omega = 2 / timeConstant) to a target of 1
     * held for one frame, frame by frame, over {@value #FOLLOW_HORIZON} time constants, scaled to sum to 1. Taken
     * from the exact step response 1 - (1 + omega t) e^(-omega t), so it is right for any time constant and frame
     * rate (a step-by-step integration is unstable when a time constant is short next to a frame: arms at 24 fps).
     */
    static double[] followKernel(double fps, double timeConstant) {
        int length = Math.max(1, (int) StrictMath.ceil(FOLLOW_HORIZON * timeConstant * fps));
        double omega = 2.0 / timeConstant;
        double[] k = new double[length];
        double before = 0, sum = 0;
        for (int i = 0; i < length; i++) {
            double t = omega * (i + 1) / fps;
            double step = 1 - (1 + t) * StrictMath.exp(-t);
            k[i] = step - before;
            before = step;
            sum += k[i];
        }
        for (int i = 0; i < length; i++) k[i] /= sum;
        return k;
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
