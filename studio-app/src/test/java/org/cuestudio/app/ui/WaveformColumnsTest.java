package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.WaveformPeaks;
import org.junit.jupiter.api.Test;

class WaveformColumnsTest {
    /** One second at 1 kHz: silence, then a spike of +0.9 at 0.5 s and -0.7 at 0.75 s. */
    private static WaveformPeaks peaks() {
        float[] s = new float[1000];
        s[500] = 0.9f;
        s[750] = -0.7f;
        return WaveformPeaks.of(new AudioClip(1000, s), 10);
    }

    @Test
    void eachColumnKeepsTheExtremesOfTheSamplesUnderIt() {
        float[][] mm = WaveformColumns.reduce(peaks(), 0, 0.25, 4);
        assertThat(mm[1]).containsExactly(0f, 0f, 0.9f, 0f);
        assertThat(mm[0]).containsExactly(0f, 0f, 0f, -0.7f);
    }

    @Test
    void zoomedInColumnsNeverMissAPeak() {
        // 0.1 ms per column, much finer than a 10 ms bucket: each column still reads the bucket it falls in.
        float[][] mm = WaveformColumns.reduce(peaks(), 0.5, 0.0001, 20);
        for (float v : mm[1]) assertThat(v).isEqualTo(0.9f);
    }

    @Test
    void columnsOutsideTheAudioAreSilent() {
        float[][] mm = WaveformColumns.reduce(peaks(), 2.0, 0.1, 5);
        assertThat(mm[0]).containsOnly(0f);
        assertThat(mm[1]).containsOnly(0f);
    }
}
