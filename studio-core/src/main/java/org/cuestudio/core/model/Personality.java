package org.cuestudio.core.model;

/**
 * How a character performs, each trait in [0, 1] with 0.5 as an ordinary person: it keeps a character the same
 * across shots.
 */
public record Personality(double expressiveness, double gestureRate, double blinkRate, double gazeSteadiness,
        double energy) {
    public static final Personality DEFAULT = new Personality(0.5, 0.5, 0.5, 0.5, 0.5);

    public Personality {
        check("expressiveness", expressiveness);
        check("gestureRate", gestureRate);
        check("blinkRate", blinkRate);
        check("gazeSteadiness", gazeSteadiness);
        check("energy", energy);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
    }
}
