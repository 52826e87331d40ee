package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.core.perform.PlannerFixtures.MIRA;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.speech;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.Prosody;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

/** How the planner uses prosody: nods on accents, a breath in before each phrase that follows a pause. */
class PlannerProsodyTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;

    private static Prosody prosody(int frames, List<TimeRange> pauses, List<TimeRange> phrases, List<Prosody.Accent> accents) {
        return new Prosody(new float[frames], new float[frames], new boolean[frames], 0, pauses, phrases, accents);
    }

    @Test
    void nodsLandWithin100msOfAccents() {
        AudioFeatures a = speech(12, 5);
        double[] at = {1.3, 2.5, 3.35, 5.0, 6.1, 8.42, 10.0};
        List<Prosody.Accent> accents = new ArrayList<>();
        for (double t : at) accents.add(new Prosody.Accent(Ticks.ofSeconds(t), 1));
        AudioFeatures with = a.withProsody(prosody(a.frameCount(), List.of(), List.of(), accents));
        AudioFeatures without = a.withProsody(prosody(a.frameCount(), List.of(), List.of(), List.of()));
        Performance p = planner.plan(shot(), MIRA, with, 3), q = planner.plan(shot(), MIRA, without, 3);
        double[] nod = new double[p.frameCount()];
        for (int f = 0; f < nod.length; f++) {
            nod[f] = p.frames().get(f).get(Channel.HEAD_PITCH) - q.frames().get(f).get(Channel.HEAD_PITCH);
        }
        for (double t : at) {
            // The deepest point of the nod (head pitch down is negative) within half a second of the accent.
            int best = -1;
            for (int f = (int) ((t - 0.5) * 25); f <= (int) ((t + 0.5) * 25); f++) if (best < 0 || nod[f] < nod[best]) best = f;
            assertThat(nod[best]).as("nod at %.2f s", t).isLessThan(-1.5);
            assertThat(Math.abs(best / 25.0 - t)).as("nod at %.2f s lands at %.2f s", t, best / 25.0).isLessThanOrEqualTo(0.1);
        }
        // Brows rise with strong accents.
        assertThat(p.frames().get(125).get(ArkitBlendshape.browInnerUp))
                .isGreaterThan(q.frames().get(125).get(ArkitBlendshape.browInnerUp) + 0.2f);
    }

    @Test
    void weakAccentsGetNoNod() {
        AudioFeatures a = speech(6, 5);
        AudioFeatures weak = a.withProsody(prosody(a.frameCount(), List.of(), List.of(),
                List.of(new Prosody.Accent(Ticks.ofSeconds(3), 0.2f))));
        AudioFeatures none = a.withProsody(prosody(a.frameCount(), List.of(), List.of(), List.of()));
        assertThat(planner.plan(shot(), MIRA, weak, 1).frames()).isEqualTo(planner.plan(shot(), MIRA, none, 1).frames());
    }

    @Test
    void breathRisesBeforePhrasesThatFollowAPause() {
        AudioFeatures a = speech(10, 6);
        // Phrases at 1-3 s and 4-6 s after pauses; the phrase at 6.2 s follows only a quiet stretch (no pause).
        List<TimeRange> pauses = List.of(seconds(0, 1), seconds(3, 4));
        List<TimeRange> phrases = List.of(seconds(1, 3), seconds(4, 5.8), seconds(6.2, 9));
        AudioFeatures with = a.withProsody(prosody(a.frameCount(), pauses, phrases, List.of()));
        for (long seed = 1; seed <= 5; seed++) {
            Performance p = planner.plan(shot(), MIRA, with, seed);
            for (double start : new double[] {1, 4}) {
                int f = (int) Math.round(start * 25);
                double before = p.frames().get(f - 10).get(Channel.BREATH);
                double at = p.frames().get(f).get(Channel.BREATH);
                assertThat(at).as("seed %d, breath at %.1f s", seed, start).isGreaterThan(0.99);
                for (int g = f - 9; g <= f; g++) {
                    assertThat(p.frames().get(g).get(Channel.BREATH)).isGreaterThanOrEqualTo(p.frames().get(g - 1).get(Channel.BREATH));
                }
                assertThat(at - before).as("seed %d", seed).isGreaterThanOrEqualTo(0);
            }
            // Breath stays smooth: at most 0.1 per frame, as for every other breath.
            for (int g = 1; g < p.frameCount(); g++) {
                double jump = Math.abs(p.frames().get(g).get(Channel.BREATH) - p.frames().get(g - 1).get(Channel.BREATH));
                assertThat(jump).as("seed %d frame %d", seed, g).isLessThanOrEqualTo(0.1 + 1e-6);
            }
        }
        // Without a pause before it, the third phrase gets no breath in: the breath is the idle rhythm's.
        AudioFeatures idle = a.withProsody(prosody(a.frameCount(), pauses, phrases.subList(0, 2), List.of()));
        Performance p = planner.plan(shot(), MIRA, with, 2), q = planner.plan(shot(), MIRA, idle, 2);
        for (int g = 150; g < 250; g++) {
            assertThat(p.frames().get(g).get(Channel.BREATH)).isEqualTo(q.frames().get(g).get(Channel.BREATH));
        }
    }

    @Test
    void analysedFeaturesPlanDeterministically() {
        AudioFeatures a = speech(8, 7);
        AudioFeatures with = a.withProsody(prosody(a.frameCount(), List.of(seconds(0, 0.5)), List.of(seconds(0.5, 3)),
                List.of(new Prosody.Accent(Ticks.ofSeconds(1), 0.8f))));
        assertThat(planner.plan(shot(), MIRA, with, 9).frames()).isEqualTo(planner.plan(shot(), MIRA, with, 9).frames());
    }
}
