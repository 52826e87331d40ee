package org.cuestudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PitchTrackTest {
    /** A buzz with harmonics at {@code hz} from 0.2 s to 0.8 s, silence around it. */
    private static AudioClip buzz(double hz, int rate) {
        float[] s = new float[rate];
        for (int i = (int) (0.2 * rate); i < (int) (0.8 * rate); i++) {
            double t = i / (double) rate;
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(4 * Math.PI * hz * t)
                    + 0.12 * Math.sin(6 * Math.PI * hz * t));
        }
        return new AudioClip(rate, s);
    }

    @Test
    void findsThePitchOfAHarmonicBuzz() {
        for (double hz : new double[] {95, 140, 220, 310}) {
            PitchTrack p = PitchTrack.analyse(buzz(hz, 16_000));
            assertThat(p.hz()[50]).as("%s Hz", hz).isCloseTo((float) hz, within((float) (hz * 0.02)));
            assertThat(p.periodicity()[50]).isGreaterThan(0.8f);
        }
    }

    @Test
    void silenceAndNoiseAreUnvoiced() {
        PitchTrack p = PitchTrack.analyse(buzz(150, 16_000));
        assertThat(p.voiced(5)).isFalse();
        assertThat(p.voiced(95)).isFalse();
        float[] noise = new float[16_000];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (r.nextDouble() - 0.5);
        PitchTrack n = PitchTrack.analyse(new AudioClip(16_000, noise));
        int voiced = 0;
        for (int f = 0; f < n.hz().length; f++) if (n.voiced(f)) voiced++;
        assertThat(voiced).isLessThan(10);
    }

    @Test
    void tenMinutesOfSpeechLikeAudioAreAnalysedQuickly() {
        int rate = 16_000;
        float[] s = new float[600 * rate];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) rate;
            double env = (t % 3.0) < 2.2 ? 1 : 0; // 2.2 s phrases, 0.8 s pauses
            s[i] = (float) (env * 0.4 * Math.sin(2 * Math.PI * (120 + 30 * Math.sin(t)) * t));
        }
        long t0 = System.nanoTime();
        PitchTrack p = PitchTrack.analyse(new AudioClip(rate, s));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(p.hz()).hasSize(60_000);
        assertThat(seconds).as("analysis time").isLessThan(10.0); // about 1 s on a quiet 2-core machine
    }
}
