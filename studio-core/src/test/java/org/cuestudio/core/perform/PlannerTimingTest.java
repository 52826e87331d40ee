package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.silence;

import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

/** Tempo marks and the character's reaction delay. */
class PlannerTimingTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;
    private static final Character CALM = new Character("c", "C", "s", Personality.DEFAULT, Map.of());

    /** Full breaths (rising crossings of 0.5) between two times. */
    private static int breaths(Performance p, double from, double to) {
        int k = 0;
        for (int f = (int) (from * 25) + 1; f < (int) (to * 25); f++) {
            if (p.frames().get(f - 1).get(Channel.BREATH) < 0.5 && p.frames().get(f).get(Channel.BREATH) >= 0.5) k++;
        }
        return k;
    }

    /** Mean absolute frame-to-frame change of the idle head yaw: how fast the idle motion runs. */
    private static double pace(Performance p, double from, double to) {
        double sum = 0;
        for (int f = (int) (from * 25) + 1; f < (int) (to * 25); f++) {
            sum += Math.abs(p.frames().get(f).get(Channel.HEAD_YAW) - p.frames().get(f - 1).get(Channel.HEAD_YAW));
        }
        return sum;
    }

    @Test
    void aFastTempoRunsTheIdleMotionTwiceAsFastAndASlowOneHalf() {
        Performance normal = planner.plan(shot(), CALM, silence(200), 3);
        Performance fast = planner.plan(shot(new TimingCue("t", seconds(0, 200), TimingCue.Kind.TEMPO, 1)), CALM,
                silence(200), 3);
        Performance slow = planner.plan(shot(new TimingCue("t", seconds(0, 200), TimingCue.Kind.TEMPO, 0)), CALM,
                silence(200), 3);
        double b = breaths(normal, 1, 199);
        assertThat(breaths(fast, 1, 199) / b).isBetween(1.8, 2.2);
        assertThat(breaths(slow, 1, 199) / b).isBetween(0.4, 0.6);
        assertThat(pace(fast, 1, 199) / pace(normal, 1, 199)).isBetween(1.5, 2.5);
        assertThat(pace(slow, 1, 199) / pace(normal, 1, 199)).isBetween(0.35, 0.7);
        // A normal tempo mark changes nothing.
        Performance same = planner.plan(shot(new TimingCue("t", seconds(0, 200), TimingCue.Kind.TEMPO, 0.5)), CALM,
                silence(200), 3);
        assertThat(same.frames()).isEqualTo(normal.frames());
    }

    @Test
    void theReactionDelayShiftsAReactionLaterByThatMuch() {
        TimingCue react = new TimingCue("r", seconds(2, 3), TimingCue.Kind.REACT, 1);
        Character slow = new Character("c", "C", "s", Personality.DEFAULT, Ticks.ofMillis(320), Map.of());
        Performance base = planner.plan(shot(), CALM, silence(6), 1);
        Performance quick = planner.plan(shot(react), CALM, silence(6), 1);
        Performance late = planner.plan(shot(react), slow, silence(6), 1);
        int peakQuick = peak(quick, base), peakLate = peak(late, base);
        assertThat((peakLate - peakQuick) / 25.0).isBetween(0.28, 0.36);
    }

    /** The frame where a reaction lifts the head most above the calm performance. */
    private static int peak(Performance p, Performance base) {
        int best = 0;
        double most = -1;
        for (int f = 0; f < p.frameCount(); f++) {
            double d = p.frames().get(f).get(Channel.HEAD_PITCH) - base.frames().get(f).get(Channel.HEAD_PITCH);
            if (d > most) {
                most = d;
                best = f;
            }
        }
        return best;
    }
}
