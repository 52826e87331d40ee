package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saccade smoothing follows the main sequence: 21 ms + 2.2 ms per degree, spread over whole frames. */
class SaccadesTest {
    private static final int STEP_AT = 10;

    /** Frames the eyes spend travelling after a step at {@link #STEP_AT}: the step frame up to the arrival frame. */
    private static int framesToArrive(double[] yaw, double target) {
        for (int f = STEP_AT; f < yaw.length; f++) if (yaw[f] == target) return f - STEP_AT + 1;
        throw new AssertionError("never arrived");
    }

    private static double[] step(double to) {
        double[] s = new double[40];
        for (int f = STEP_AT; f < s.length; f++) s[f] = to;
        return s;
    }

    @ParameterizedTest(name = "{0} degrees at {1} fps: {2} frames")
    @CsvSource({
        // degrees, fps, frames = ceil((21 ms + 2.2 ms/degree) * fps)
        "5, 25, 1", "8, 25, 1", "10, 25, 2", "20, 25, 2", "28, 25, 3", "40, 25, 3", "56, 25, 4", "80, 25, 5",
        "10, 50, 3", "28, 50, 5", "28, 24, 2", "20, 60, 4", "56, 30, 5",
    })
    void aStepSpreadsOverCeilOfItsDurationInFrames(double degrees, double fps, int frames) {
        double[] yaw = step(degrees), pitch = new double[yaw.length];
        Smoothing.saccades(yaw, pitch, fps);
        assertThat(framesToArrive(yaw, degrees)).isEqualTo(frames);
        assertThat(yaw[STEP_AT - 1]).isZero();
    }

    @Test
    void theEyesTravelAtConstantSpeedAlongAStraightLine() {
        double[] yaw = step(21), pitch = step(28); // a 35-degree diagonal: 98 ms, 2.45 frames at 25 fps
        Smoothing.saccades(yaw, pitch, 25);
        double perFrame = 35 / (Smoothing.saccadeSeconds(35) * 25);
        for (int i = 0; i < 2; i++) {
            double travelled = StrictMath.hypot(yaw[STEP_AT + i], pitch[STEP_AT + i]);
            assertThat(travelled).isCloseTo(perFrame * (i + 1), within(1e-9));
            assertThat(pitch[STEP_AT + i] / yaw[STEP_AT + i]).isCloseTo(28 / 21.0, within(1e-9));
        }
        assertThat(yaw[STEP_AT + 2]).isEqualTo(21);
        assertThat(pitch[STEP_AT + 2]).isEqualTo(28);
    }

    @Test
    void aNewTargetMidSaccadeStartsFromWhereTheEyesAre() {
        double[] yaw = step(56), pitch = new double[yaw.length];
        for (int f = STEP_AT + 1; f < yaw.length; f++) yaw[f] = 0; // back to the start one frame later
        Smoothing.saccades(yaw, pitch, 25);
        double reached = yaw[STEP_AT];
        assertThat(reached).isBetween(10.0, 20.0);
        // The return trip is a saccade of `reached` degrees (55 ms), from where the eyes are: two frames.
        double back = 1 / (25 * Smoothing.saccadeSeconds(reached));
        assertThat(yaw[STEP_AT + 1]).isCloseTo(reached * (1 - back), within(1e-9));
        assertThat(yaw[STEP_AT + 2]).isZero();
    }

    /**
     * Over ten minutes of random gaze shifts (0.3-2 s apart, up to 60 degrees) every saccade lasts exactly the
     * whole frames that cover its main-sequence duration, and durations fitted against amplitudes give the main
     * sequence's slope (2.2 ms per degree) back within the quantisation of 40 ms frames.
     */
    @Test
    void longRandomGazeFollowsTheMainSequence() {
        double fps = 25;
        int n = (int) (600 * fps);
        double[] yaw = new double[n], pitch = new double[n];
        SplittableRandom r = new SplittableRandom(17);
        List<int[]> steps = new ArrayList<>();
        double y = 0, p = 0;
        int next = 0;
        for (int f = 0; f < n; f++) {
            if (f == next) {
                y = r.nextDouble() * 60 - 30;
                p = r.nextDouble() * 40 - 20;
                next = f + (int) ((0.3 + r.nextDouble() * 1.7) * fps);
                steps.add(new int[] {f, next});
            }
            yaw[f] = y;
            pitch[f] = p;
        }
        double[] wantYaw = yaw.clone(), wantPitch = pitch.clone();
        Smoothing.saccades(yaw, pitch, fps);
        double sumA = 0, sumD = 0, sumAA = 0, sumAD = 0;
        int count = 0;
        for (int i = 1; i < steps.size(); i++) {
            int at = steps.get(i)[0], until = Math.min(n, steps.get(i)[1]);
            double amplitude = StrictMath.hypot(wantYaw[at] - wantYaw[at - 1], wantPitch[at] - wantPitch[at - 1]);
            int frames = 0;
            while (at + frames < until && (yaw[at + frames] != wantYaw[at] || pitch[at + frames] != wantPitch[at])) frames++;
            frames++; // the arrival frame
            int expected = (int) StrictMath.ceil(Smoothing.saccadeSeconds(amplitude) * fps - 1e-9);
            assertThat(frames).as("saccade of %.1f degrees at frame %d", amplitude, at).isEqualTo(expected);
            double seconds = frames / fps;
            sumA += amplitude;
            sumD += seconds;
            sumAA += amplitude * amplitude;
            sumAD += amplitude * seconds;
            count++;
        }
        assertThat(count).isGreaterThan(500);
        double slope = (count * sumAD - sumA * sumD) / (count * sumAA - sumA * sumA);
        assertThat(slope * 1000).as("ms per degree").isBetween(1.8, 2.6);
    }
}
