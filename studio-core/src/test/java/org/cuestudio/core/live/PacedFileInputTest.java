package org.cuestudio.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file played as a microphone on a virtual clock: paced blocks, and drops when the reader is late. */
class PacedFileInputTest {
    @Test
    void deliversTenMillisecondBlocksAsTheClockReachesThem() throws Exception {
        VirtualClock clock = new VirtualClock();
        float[] s = new float[16_000];
        for (int i = 0; i < s.length; i++) s[i] = i;
        PacedFileInput in = new PacedFileInput(s, clock, "t");
        in.start();
        float[] buf = new float[1000];
        assertThat(in.read(buf)).isEqualTo(160);
        assertThat(buf[159]).isEqualTo(159f);
        assertThat(clock.nanos()).isBetween(10_000_000L, 10_100_000L);
        int total = 160;
        for (int n; (n = in.read(buf)) > 0;) total += n;
        assertThat(total).isEqualTo(16_000);
        assertThat(clock.nanos()).isBetween(1_000_000_000L, 1_000_100_000L);
        assertThat(in.droppedSamples()).isZero();
        assertThat(in.read(buf)).isEqualTo(-1);
    }

    @Test
    void aReaderLateByMoreThanTheBufferLosesTheOldestSamples() throws Exception {
        VirtualClock clock = new VirtualClock();
        PacedFileInput in = new PacedFileInput(new float[16_000], clock, 160, 8_000, "t");
        in.start();
        clock.advance(800_000_000L); // 12,800 samples arrive unread; the buffer holds 8,000
        float[] buf = new float[16_000];
        int n = in.read(buf);
        assertThat(in.droppedSamples()).isEqualTo(4_800);
        assertThat(n).isEqualTo(8_000);
        assertThat(in.position()).isEqualTo(12_800);
        assertThat(in.arrivalNanos(12_799)).isEqualTo(800_000_000L);
    }
}
