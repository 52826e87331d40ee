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
     * Smooth value noise in [-1, 1] with about {@code hz} wiggles per second, from a seeded lattice.
     */
    static double[] noise(int frames, double fps, double hz, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int knots = (int) StrictMath.ceil(frames / fps * hz) + 3;
        double[] k = new double[knots];
        for (int i = 0; i < knots; i++) k[i] = r.nextDouble() * 2 - 1;
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            double p = f / fps * hz;
            int i = (int) StrictMath.floor(p);
            double u = smoothstep(p - i);
            out[f] = k[i] * (1 - u) + k[i + 1] * u;
        }
        return out;
    }
}
