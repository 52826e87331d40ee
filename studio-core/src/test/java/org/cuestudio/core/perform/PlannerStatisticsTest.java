package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.silence;

import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Personality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statistical checks of the planner's micro-performance over long synthetic shots. */
class PlannerStatisticsTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;

    /**
     * Gaze shifts from the camera take ceil((21 ms + 2.2 ms/degree) x 25) frames in the eyes: 28 degrees left or
     * right (83 ms) take three frames, 18 up and 20 down (61 and 65 ms) two.
     */
    @ParameterizedTest(name = "{0}: {1} frames")
    @CsvSource({"LEFT, 3", "RIGHT, 3", "UP, 2", "DOWN, 2"})
    void gazeShiftSpreadsOverTheMainSequenceFrames(GazeTarget target, int frames) {
        Character steady = new Character("c", "C", "s", new Personality(.5, .5, .5, 1, .5), Map.of());
        Performance p = planner.plan(shot(new GazeCue("g", seconds(2, 6), target)), steady, silence(8), 3);
        boolean yaw = target.yawDegrees() != 0;
        Channel eye = yaw ? Channel.EYE_YAW : Channel.EYE_PITCH;
        double amplitude = yaw ? target.yawDegrees() : target.pitchDegrees();
        double before = p.frames().get(49).get(eye);
        // Fraction of the shift done by each frame from the cue's first frame (50) on.
        double[] done = new double[frames + 3];
        for (int i = 0; i < done.length; i++) done[i] = (p.frames().get(50 + i).get(eye) - before) / amplitude;
        for (int i = 0; i < frames - 1; i++) {
            double expected = (i + 1) / (25 * (0.021 + 0.0022 * Math.abs(amplitude)));
            assertThat(done[i]).as("%s frame %d", target, i).isBetween(expected - 0.12, expected + 0.05);
        }
        assertThat(done[frames - 1]).as("%s arrives on frame %d", target, frames - 1).isGreaterThan(0.88);
        // After arriving the eyes only drift as the head takes over part of the turn.
        for (int i = frames; i < done.length; i++) {
            assertThat(Math.abs(done[i] - done[i - 1]) * Math.abs(amplitude)).as("%s frame %d", target, i).isLessThan(1.5);
        }
    }

    /**
     * Over ten minutes, the blink rate follows the personality's nominal rate (10 + 14 x blink rate per minute,
     * so 10-24): within -25% (blinks are at least 0.8 s apart, which thins fast rates) and +15% (about three
     * standard deviations of a ten-minute count), and every blink closes the eyes fully at least once.
     */
    @ParameterizedTest(name = "blink rate {0}")
    @CsvSource({"0", "0.25", "0.5", "0.75", "1"})
    void blinkRateFollowsThePersonalityOverALongShot(double blinkRate) {
        double nominal = 10 + 14 * blinkRate;
        Character c = new Character("c", "C", "s", new Personality(.5, .5, blinkRate, .5, .5), Map.of());
        Performance p = planner.plan(shot(), c, silence(600), 8);
        int blinks = 0, closed = 0;
        boolean in = false, full = false;
        for (PerformanceFrame f : p.frames()) {
            float v = f.get(ArkitBlendshape.eyeBlinkLeft);
            if (v > 0.05 && !in) {
                in = true;
                full = false;
                blinks++;
            }
            if (v > 0.99) full = true;
            if (v <= 0.05 && in) {
                in = false;
                if (full) closed++;
            }
        }
        assertThat(blinks / 10.0).as("blinks per minute").isBetween(nominal * 0.75, nominal * 1.15);
        assertThat(closed).isEqualTo(blinks - (in ? 1 : 0));
    }
}
