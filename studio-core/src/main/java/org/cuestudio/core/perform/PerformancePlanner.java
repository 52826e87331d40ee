package org.cuestudio.core.perform;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Shot;

/**
 * Turns a shot's direction, the characters' voices and personalities into performances: one
 * {@link PerformanceFrame} per video frame for each character. Pure and deterministic: the same inputs and seed
 * give bit-identical frames on any machine (only {@link StrictMath} and seeded {@link java.util.SplittableRandom}s
 * are used). The seed varies the micro-performance (blinks, idle motion, fixations, automatic gestures), never the
 * directed cues. How each behaviour is made is described in docs/performance-planner.md.
 */
public final class PerformancePlanner {
    /** Version of the planner's behaviour, recorded in curve exports; bump it when the same inputs give other frames. */
    public static final String VERSION = "6";
    /**
     * How long a new mouth shape takes to replace the previous one, seconds: on the frame the shape changes both show
     * half and half ({@link Channel#MOUTH_PREVIOUS_WEIGHT} 0.5), then the previous fades out linearly until this long
     * after the change (docs/performance-planner.md).
     */
    public static final double MOUTH_CROSSFADE_SECONDS = 0.05;

    private final GestureLibrary gestures;

    /** A planner that performs gestures from {@code gestures} (the library in {@code assets/gestures}). */
    public PerformancePlanner(GestureLibrary gestures) {
        this.gestures = gestures;
    }

    public GestureLibrary gestures() {
        return gestures;
    }

    /** Plans the shot's own character alone, with its cues and the whole recording as its voice. */
    public Performance plan(Shot shot, Character character, AudioFeatures audio, long seed) {
        return plan(shot, List.of(new Performer(character, shot.tracks(), audio)), 0, seed);
    }

    /**
     * Plans character {@code who} of {@code cast} (see {@link Cast#of}): it performs its own cues and voice and
     * listens to the others. Each character gets its own seed from {@code seed} and its id, so two characters of
     * one take do not blink in step.
     */
    public Performance plan(Shot shot, List<Performer> cast, int who, long seed) {
        if (who < 0 || who >= cast.size()) throw new IllegalArgumentException("no character " + who + " in the cast");
        long own = who == 0 ? seed : seed ^ (cast.get(who).character().id().hashCode() * 0x9E3779B97F4A7C15L);
        return new Planning(shot, cast, who, gestures, own).run();
    }

    /** Plans every character of the cast, in cast order. */
    public List<Performance> planAll(Shot shot, List<Performer> cast, long seed) {
        List<Performance> out = new ArrayList<>();
        for (int i = 0; i < cast.size(); i++) out.add(plan(shot, cast, i, seed));
        return List.copyOf(out);
    }
}
