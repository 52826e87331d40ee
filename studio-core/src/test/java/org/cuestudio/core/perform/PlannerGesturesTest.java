package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cuestudio.core.perform.PlannerFixtures.MIRA;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.silence;
import static org.cuestudio.core.perform.PlannerFixtures.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.Prosody;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

/** Gestures: phases, snapping of strokes to stressed syllables, automatic gestures from the gesture rate. */
class PlannerGesturesTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;

    /** Speech with accents every 1.1-2.3 s (seeded), strength 0.5-1. */
    static AudioFeatures accented(double seconds, long seed, List<Double> times) {
        AudioFeatures a = speech(seconds, seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<Prosody.Accent> accents = new ArrayList<>();
        for (double t = 0.8; t < seconds - 1; t += 1.1 + 1.2 * r.nextDouble()) {
            times.add(t);
            accents.add(new Prosody.Accent(Ticks.ofSeconds(t), (float) (0.5 + 0.5 * r.nextDouble())));
        }
        int n = a.frameCount();
        return a.withProsody(new Prosody(new float[n], new float[n], new boolean[n], 0, List.of(), List.of(), accents));
    }

    private static Character quiet() {
        // No automatic gestures, so every arm motion comes from the directed cues.
        return new Character("mira", "Mira", "sheet", new Personality(0.5, 0, 0.5, 0.5, 0.5), Map.of());
    }

    @Test
    void snappedStrokesLandWithin100msOfTheirSyllableOverALongShot() {
        List<Double> accents = new ArrayList<>();
        AudioFeatures audio = accented(600, 9, accents);
        SplittableRandom r = new SplittableRandom(4);
        List<Cue> cues = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        String[] ids = {"point", "beat", "wave", "open-palms"};
        double t = 2;
        int i = 0;
        while (t < 590) {
            String g = ids[i % ids.length];
            double len = 1.6 + r.nextDouble();
            GestureCue cue = new GestureCue("g" + i++, seconds(t, t + len), g, 0.9, Side.RIGHT, true);
            double nominal = t + TestGestures.LIBRARY.require(g).preparation() + TestGestures.LIBRARY.require(g).stroke();
            Double near = null;
            for (double a : accents) if (Math.abs(a - nominal) <= 0.5 && (near == null || Math.abs(a - nominal) < Math.abs(near - nominal))) near = a;
            if (near != null) targets.add(near);
            cues.add(cue);
            t += len + 1.5 + r.nextDouble() * 2;
        }
        Performance p = planner.plan(shot(cues.toArray(Cue[]::new)), quiet(), audio, 3);
        List<Behaviour> strokes = p.behaviours(Behaviour.Kind.GESTURE);
        assertThat(strokes).hasSize(cues.size());
        assertThat(targets).hasSizeGreaterThan(cues.size() / 2);
        for (double target : targets) {
            // The behaviour's apex and, independently, the moment the arm arrives on its pose.
            Behaviour b = strokes.stream().min((x, y) -> Double.compare(Math.abs(x.apexSeconds() - target),
                    Math.abs(y.apexSeconds() - target))).orElseThrow();
            assertThat(Math.abs(b.apexSeconds() - target)).as("apex for the syllable at %.2f s", target)
                    .isLessThanOrEqualTo(0.1);
            double arrival = arrival(p, b);
            assertThat(Math.abs(arrival - target)).as("arm arrives %.2f s for the syllable at %.2f s", arrival, target)
                    .isLessThanOrEqualTo(0.1);
        }
    }

    /**
     * When the arm reaches its pose: the first frame of the gesture whose shoulder angle is within 10% of the
     * gesture's largest excursion from rest.
     */
    private static double arrival(Performance p, Behaviour b) {
        int from = (int) (Ticks.toSeconds(b.start()) * 25), to = (int) Math.min(p.frameCount() - 1, Ticks.toSeconds(b.end()) * 25);
        double rest = p.frames().get(from).get(Channel.LEFT_SHOULDER);
        double peak = 0;
        for (int f = from; f <= to; f++) peak = Math.max(peak, Math.abs(p.frames().get(f).get(Channel.LEFT_SHOULDER) - rest));
        for (int f = from; f <= to; f++) {
            if (Math.abs(p.frames().get(f).get(Channel.LEFT_SHOULDER) - rest) >= 0.9 * peak) return f / 25.0;
        }
        return -1;
    }

    @Test
    void withoutSnappingAGestureKeepsItsOwnTiming() {
        List<Double> accents = new ArrayList<>();
        AudioFeatures audio = accented(10, 2, accents);
        GestureCue cue = new GestureCue("g", seconds(2, 4), "point", 1, Side.RIGHT, false);
        Behaviour b = planner.plan(shot(cue), quiet(), audio, 1).behaviours(Behaviour.Kind.GESTURE).get(0);
        GestureSpec point = TestGestures.LIBRARY.require("point");
        assertThat(b.apexSeconds()).isCloseTo(2 + point.preparation() + point.stroke(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(Ticks.toSeconds(b.end())).isCloseTo(4, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aShortCueScalesThePhasesAndALongOneHoldsLonger() {
        GestureSpec wave = TestGestures.LIBRARY.require("wave");
        Behaviour shortOne = planner.plan(shot(new GestureCue("g", seconds(1, 1.5), "wave", 1, Side.RIGHT)), quiet(),
                silence(6), 1).behaviours(Behaviour.Kind.GESTURE).get(0);
        assertThat(shortOne.apexSeconds() - 1).isCloseTo((wave.preparation() + wave.stroke()) * 0.5 / wave.minimumSeconds(),
                org.assertj.core.data.Offset.offset(0.001));
        Performance longOne = planner.plan(shot(new GestureCue("g", seconds(1, 5), "wave", 1, Side.RIGHT)), quiet(),
                silence(6), 1);
        // Held with the hand up and waving from the wrist between apex and retraction.
        for (double t = 2; t < 4.4; t += 0.2) {
            PerformanceFrame f = longOne.frames().get((int) (t * 25));
            assertThat(f.get(Channel.LEFT_SHOULDER)).as("%.1f s", t).isGreaterThan(120);
            assertThat(f.get(Channel.LEFT_HAND_POSE)).isEqualTo(HandPose.WAVE.ordinal());
        }
        double min = 99, max = -99;
        for (int f = 60; f < 100; f++) {
            min = Math.min(min, longOne.frames().get(f).get(Channel.LEFT_WRIST));
            max = Math.max(max, longOne.frames().get(f).get(Channel.LEFT_WRIST));
        }
        assertThat(max - min).as("wrist waves").isGreaterThan(20);
        assertThat(longOne.frames().get(149).get(Channel.LEFT_SHOULDER)).as("back at rest").isLessThan(15);
    }

    @Test
    void theCharactersLeftHandIsOnTheViewersRight() {
        Performance p = planner.plan(shot(new GestureCue("g", seconds(1, 4), "point", 1, Side.LEFT)), quiet(), silence(5), 1);
        PerformanceFrame f = p.frames().get(60);
        assertThat(f.get(Channel.RIGHT_SHOULDER)).isGreaterThan(60);
        assertThat(f.get(Channel.LEFT_SHOULDER)).isLessThan(15);
    }

    @Test
    void anUnknownGestureSaysWhichAndWhatTheLibraryHas() {
        assertThatThrownBy(() -> planner.plan(shot(new GestureCue("g", seconds(1, 2), "moonwalk", 1, Side.RIGHT)), MIRA,
                silence(3), 1)).hasMessageContaining("moonwalk").hasMessageContaining("test gestures")
                .hasMessageContaining("nod");
    }

    @Test
    void automaticGesturesFollowTheGestureRateAndTheSeedButNeverTheDirection() {
        List<Double> accents = new ArrayList<>();
        AudioFeatures audio = accented(300, 5, accents);
        int previous = -1;
        for (double rate : new double[] {0, 0.3, 0.6, 1}) {
            Character c = new Character("c", "C", "sheet", new Personality(0.5, rate, 0.5, 0.5, 0.5), Map.of());
            int count = planner.plan(shot(), c, audio, 1).behaviours(Behaviour.Kind.AUTO_GESTURE).size();
            if (rate == 0) assertThat(count).isZero();
            else assertThat(count).as("gesture rate %.1f", rate).isGreaterThan(previous);
            previous = count;
        }
        Character lively = new Character("c", "C", "sheet", new Personality(0.5, 1, 0.5, 0.5, 0.5), Map.of());
        GestureCue directed = new GestureCue("g", seconds(50, 53), "shrug", 1, Side.BOTH, false);
        Performance a = planner.plan(shot(directed), lively, audio, 1), b = planner.plan(shot(directed), lively, audio, 2);
        assertThat(a.behaviours(Behaviour.Kind.AUTO_GESTURE)).isNotEqualTo(b.behaviours(Behaviour.Kind.AUTO_GESTURE));
        assertThat(a.behaviours(Behaviour.Kind.GESTURE)).isEqualTo(b.behaviours(Behaviour.Kind.GESTURE));
        for (Behaviour auto : a.behaviours(Behaviour.Kind.AUTO_GESTURE)) {
            assertThat(auto.end() < Ticks.ofSeconds(50) || auto.start() > Ticks.ofSeconds(53))
                    .as("automatic gesture at %.2f s stays clear of the directed shrug", auto.apexSeconds()).isTrue();
            // Each lands on a stressed syllable.
            assertThat(accents).anySatisfy(t -> assertThat(Math.abs(t - auto.apexSeconds())).isLessThanOrEqualTo(0.1));
        }
    }
}
