package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFeaturesTest {
    private static float[] tone(double hz, double seconds, double amp) {
        float[] s = new float[(int) (seconds * MelFeatures.SAMPLE_RATE)];
        for (int i = 0; i < s.length; i++) s[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / MelFeatures.SAMPLE_RATE));
        return s;
    }

    private static int loudestBand(float[] frame) {
        int best = 0;
        for (int b = 1; b < frame.length; b++) if (frame[b] > frame[best]) best = b;
        return best;
    }

    @Test
    void oneFramePerTenMillisecondsIncludingAPartialLastFrame() {
        assertThat(new MelFeatures().compute(new float[16_001]).length).isEqualTo(101);
        assertThat(MelFeatures.frameCount(16_000)).isEqualTo(100);
    }

    @Test
    void higherTonesPeakInHigherBands() {
        MelFeatures mel = new MelFeatures();
        int low = loudestBand(mel.compute(tone(300, 0.5, 0.5))[25]);
        int high = loudestBand(mel.compute(tone(3000, 0.5, 0.5))[25]);
        assertThat(high).isGreaterThan(low + 20);
    }

    @Test
    void featuresDoNotDependOnTheRecordingLevel() {
        MelFeatures mel = new MelFeatures();
        float[][] a = mel.compute(tone(500, 0.3, 0.9));
        float[][] b = mel.compute(tone(500, 0.3, 0.05));
        for (int band = 0; band < MelFeatures.BANDS; band++) assertThat(b[10][band]).isCloseTo(a[10][band], within(1e-3f));
    }

    @Test
    void resamplingKeepsATonesPitchAndScalesDuration() {
        float[] in = tone(440, 1.0, 0.5);
        float[] out = Wav.resample(in, 16_000, 22_050, 1.0);
        assertThat(out.length).isBetween(22_040, 22_050);
        int crossings = 0;
        for (int i = 1000; i < 21_000; i++) if (out[i - 1] < 0 && out[i] >= 0) crossings++;
        assertThat(crossings / (20_000 / 22_050.0)).isCloseTo(440, within(3.0));
        assertThat(Wav.resample(in, 16_000, 16_000, 1.1).length).isBetween(17_590, 17_600);
    }
}
