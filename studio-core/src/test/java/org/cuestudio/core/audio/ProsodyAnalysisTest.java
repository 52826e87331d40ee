package org.cuestudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

/** Prosody of synthetic signals: pitch of a sweep, pauses and phrases of tone bursts, accents of syllable-like bursts. */
class ProsodyAnalysisTest {
    private static final int SR = 16_000;
    private static final FrameRate RATE = FrameRate.FPS_25;
    private static final long FRAME = Ticks.ofSeconds(1 / 25.0);

    /** A buzz (fundamental plus harmonics 2-5 at falling levels) of {@code hz} between two times, added in. */
    private static void buzz(float[] s, double from, double to, double hz, double amp) {
        double phase = 0;
        for (int i = (int) (from * SR); i < Math.min(s.length, (int) (to * SR)); i++) {
            phase += 2 * Math.PI * hz / SR;
            double v = 0;
            for (int h = 1; h <= 5; h++) v += Math.sin(h * phase) / h;
            s[i] += (float) (amp * 0.5 * v);
        }
    }

    @Test
    void sineSweepPitchFollowsTheSweep() {
        double seconds = 3, f0 = 100, f1 = 300;
        float[] s = new float[(int) (seconds * SR)];
        double phase = 0;
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) SR;
            phase += 2 * Math.PI * (f0 + (f1 - f0) * t / seconds) / SR;
            s[i] = (float) (0.5 * Math.sin(phase));
        }
        Prosody p = AudioFeatures.analyse(new AudioClip(SR, s), RATE).prosody();
        assertThat(p).isNotNull();
        int checked = 0;
        for (int f = 2; f < p.frameCount() - 3; f++) {
            double t = (f + 0.5) / 25.0;
            double expected = f0 + (f1 - f0) * t / seconds;
            assertThat(p.voiced()[f]).as("frame %d voiced", f).isTrue();
            assertThat((double) p.pitchHz()[f]).as("frame %d", f).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(2));
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
        // The median of a linear sweep is its middle: semitones run from about -8.7 to +7 around 200 Hz.
        assertThat((double) p.medianHz()).isCloseTo(200, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(p.semitones()[5]).isLessThan(-5);
        assertThat(p.semitones()[p.frameCount() - 5]).isGreaterThan(5);
    }

    @Test
    void tonesSeparatedBySilencesGivePausesAndPhrases() {
        // Bursts: 0.5-1.5, 1.8-2.8 (gap 300 ms: a pause, same phrase), 3.5-4.5 (gap 700 ms: new phrase), 4.6-5.5.
        double[][] bursts = {{0.5, 1.5}, {1.8, 2.8}, {3.5, 4.5}, {4.6, 5.5}};
        float[] s = new float[6 * SR];
        for (double[] b : bursts) buzz(s, b[0], b[1], 160, 0.5);
        Prosody p = AudioFeatures.analyse(new AudioClip(SR, s), RATE).prosody();
        List<TimeRange> pauses = p.pauses();
        // Leading silence, the 300 ms and 700 ms gaps and the trailing silence; the 100 ms gap is no pause.
        assertThat(pauses).hasSize(4);
        near(pauses.get(1).start(), 1.5);
        near(pauses.get(1).endExclusive(), 1.8);
        near(pauses.get(2).start(), 2.8);
        near(pauses.get(2).endExclusive(), 3.5);
        assertThat(p.phrases()).hasSize(2);
        near(p.phrases().get(0).start(), 0.5);
        near(p.phrases().get(0).endExclusive(), 2.8);
        near(p.phrases().get(1).start(), 3.5);
        near(p.phrases().get(1).endExclusive(), 5.5);
        assertThat(p.followsPause(0)).isTrue();
        assertThat(p.followsPause(1)).isTrue();
    }

    @Test
    void longLowEnergyStretchEndsAPhrase() {
        float[] s = new float[5 * SR];
        buzz(s, 0.5, 1.5, 150, 0.5);
        buzz(s, 1.5, 2.2, 150, 0.03); // 24 dB down: not silent enough for a pause, too quiet for speech
        buzz(s, 2.2, 3.5, 150, 0.5);
        Prosody p = AudioFeatures.analyse(new AudioClip(SR, s), RATE).prosody();
        assertThat(p.phrases()).hasSize(2);
        near(p.phrases().get(0).endExclusive(), 1.5);
        near(p.phrases().get(1).start(), 2.2);
        assertThat(p.followsPause(1)).isFalse();
    }

    @Test
    void accentsLandOnSyllablePeaksAndLouderHigherOnesAreStronger() {
        // Syllables: 200 ms Hann-shaped bursts every 300 ms (peaks at start + 0.1 s); the sixth louder and higher.
        float[] s = new float[4 * SR];
        double[] peaks = new double[10];
        for (int k = 0; k < peaks.length; k++) {
            double start = 0.4 + 0.3 * k;
            peaks[k] = start + 0.1;
            boolean stressed = k == 5;
            double hz = stressed ? 220 : 150, amp = stressed ? 0.8 : 0.3;
            double phase = 0;
            for (int i = (int) (start * SR); i < (int) ((start + 0.2) * SR); i++) {
                double u = (i / (double) SR - start) / 0.2;
                phase += 2 * Math.PI * hz / SR;
                double v = 0;
                for (int h = 1; h <= 5; h++) v += Math.sin(h * phase) / h;
                s[i] += (float) (amp * 0.5 * v * Math.sin(Math.PI * u) * Math.sin(Math.PI * u));
            }
        }
        Prosody p = AudioFeatures.analyse(new AudioClip(SR, s), RATE).prosody();
        List<Prosody.Accent> accents = p.accents();
        assertThat(accents).hasSize(peaks.length);
        for (int k = 0; k < peaks.length; k++) {
            assertThat(Math.abs(Ticks.toSeconds(accents.get(k).ticks()) - peaks[k])).as("accent %d", k).isLessThan(0.03);
        }
        for (int k = 0; k < peaks.length; k++) {
            if (k != 5) assertThat(accents.get(5).strength()).isGreaterThan(accents.get(k).strength() + 0.2f);
        }
        assertThat(accents.get(5).strength()).isEqualTo(1f);
    }

    @Test
    void silenceHasNoProsody() {
        Prosody p = AudioFeatures.analyse(new AudioClip(SR, new float[SR]), RATE).prosody();
        assertThat(p.accents()).isEmpty();
        assertThat(p.phrases()).isEmpty();
        assertThat(p.medianHz()).isZero();
        assertThat(p.frameCount()).isEqualTo(25);
    }

    private static void near(long ticks, double seconds) {
        assertThat(Math.abs(ticks - Ticks.ofSeconds(seconds))).as("%.3f s vs %.3f s", Ticks.toSeconds(ticks), seconds)
                .isLessThanOrEqualTo(FRAME);
    }
}
