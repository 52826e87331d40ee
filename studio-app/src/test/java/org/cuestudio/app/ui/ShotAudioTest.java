package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;

/** The waveform columns the timeline draws, from the peak pyramid or, zoomed in, from the samples. */
class ShotAudioTest {
    /** Four seconds at 16 kHz: silence, then a spike of +0.9 at 2 s and -0.7 at 3 s. */
    private static ShotAudio audio() {
        float[] s = new float[64000];
        s[32000] = 0.9f;
        s[48000] = -0.7f;
        AudioClip clip = new AudioClip(16000, s);
        return ShotAudio.of(Path.of("a.wav"), clip, AudioFeatures.analyse(clip, FrameRate.FPS_25));
    }

    @Test
    void eachColumnKeepsTheExtremesOfTheSamplesUnderIt() {
        float[][] mm = audio().columns(0, 1, 4);
        assertThat(mm[1][2]).isGreaterThanOrEqualTo(0.9f);
        assertThat(mm[1][0]).isZero();
        assertThat(mm[0][3]).isLessThanOrEqualTo(-0.7f);
        assertThat(mm[0][1]).isZero();
    }

    @Test
    void zoomedInToSamplesEveryColumnShowsItsOwnSamples() {
        // 10 samples per column, finer than a pyramid bucket: only the column holding the spike shows it.
        float[][] mm = audio().columns(2.0 - 0.005, 10 / 16000.0, 20);
        int withPeak = 0;
        for (float v : mm[1]) if (v > 0.8f) withPeak++;
        assertThat(withPeak).isEqualTo(1);
        assertThat(mm[1][8]).isEqualTo(0.9f);
    }

    @Test
    void columnsOutsideTheAudioAreSilent() {
        for (double perColumn : new double[] {0.1, 0.0001}) {
            float[][] mm = audio().columns(5.0, perColumn, 5);
            assertThat(mm[0]).containsOnly(0f);
            assertThat(mm[1]).containsOnly(0f);
        }
    }
}
