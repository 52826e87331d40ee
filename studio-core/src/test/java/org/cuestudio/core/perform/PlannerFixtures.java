package org.cuestudio.core.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/** Synthetic shots and audio for planner tests. */
final class PlannerFixtures {
    static final FrameRate RATE = FrameRate.FPS_25;
    static final Character MIRA = new Character("mira", "Mira", "sheet", Personality.DEFAULT, Map.of());

    private PlannerFixtures() {}

    static TimeRange seconds(double from, double to) {
        return TimeRange.between(Ticks.ofSeconds(from), Ticks.ofSeconds(to));
    }

    static Shot shot(Cue... cues) {
        List<CueTrack> tracks = new ArrayList<>();
        for (CueLane lane : CueLane.values()) {
            tracks.add(new CueTrack(lane, java.util.Arrays.stream(cues).filter(c -> CueLane.of(c) == lane).toList()));
        }
        return new Shot("s", "S", "a.wav", "mira", RATE, Resolution.HD, tracks, List.of(), Map.of());
    }

    /** Speech in bursts of syllables (0.2 s loud, 0.1 s dip) during phrases of 2-4 s separated by 1 s pauses. */
    static AudioFeatures speech(double seconds, long seed) {
        int n = (int) RATE.framesCovering(Ticks.ofSeconds(seconds));
        float[] loud = new float[n];
        boolean[] speech = new boolean[n];
        SplittableRandom r = new SplittableRandom(seed);
        double t = 0.5;
        while (t < seconds) {
            double phraseEnd = t + 2 + r.nextDouble() * 2;
            for (int f = (int) (t * 25); f < Math.min(n, (int) (phraseEnd * 25)); f++) {
                double in = (f / 25.0 - t) % 0.3;
                loud[f] = in < 0.2 ? (float) (0.6 + 0.4 * r.nextDouble()) : 0.08f;
                speech[f] = true;
            }
            t = phraseEnd + 1;
        }
        return new AudioFeatures(RATE, Ticks.ofSeconds(seconds), loud, speech);
    }

    static AudioFeatures silence(double seconds) {
        int n = (int) RATE.framesCovering(Ticks.ofSeconds(seconds));
        return new AudioFeatures(RATE, Ticks.ofSeconds(seconds), new float[n], new boolean[n]);
    }
}
