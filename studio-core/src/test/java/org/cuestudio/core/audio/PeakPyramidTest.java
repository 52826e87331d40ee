package org.cuestudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The waveform peak pyramid: columns against a brute-force min/max, and its file format. */
class PeakPyramidTest {
    private static AudioClip noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) ((r.nextDouble() * 2 - 1) * Math.abs(Math.sin(i / 3000.0)));
        return new AudioClip(16_000, s);
    }

    @Test
    void columnsEqualBruteForceOverTheirBuckets() {
        AudioClip clip = noise(1_000_003, 1);
        PeakPyramid p = PeakPyramid.of(clip);
        assertThat(p.levels()).isEqualTo(13); // 3907 buckets of 256 halve 12 times to one
        long[][] views = {{0, clip.samples().length, 800}, {12_345, 567_890, 333}, {0, 256 * 100, 100},
                {500_000, 520_000, 1000}, {999_000, 1_000_003, 7}};
        for (long[] v : views) {
            float[][] cols = p.columns(v[0], v[1], (int) v[2]);
            double span = (v[1] - v[0]) / (double) v[2];
            int level = p.levelFor(span);
            long size = PeakPyramid.bucketSize(level);
            for (int px = 0; px < v[2]; px++) {
                long a = v[0] + (long) Math.floor(px * span), b = Math.max(a + 1, v[0] + (long) Math.floor((px + 1) * span));
                // Brute force over the samples of the buckets that overlap the column.
                long from = a / size * size, to = Math.min(clip.samples().length, ((b - 1) / size + 1) * size);
                float mn = 0, mx = 0;
                for (long i = from; i < to; i++) {
                    mn = Math.min(mn, clip.samples()[(int) i]);
                    mx = Math.max(mx, clip.samples()[(int) i]);
                }
                assertThat(cols[0][px]).as("min %s px %d", Arrays.toString(v), px)
                        .isEqualTo(PeakPyramid.quantiseDown(mn) / 32767f);
                assertThat(cols[1][px]).as("max %s px %d", Arrays.toString(v), px)
                        .isEqualTo(PeakPyramid.quantiseUp(mx) / 32767f);
                // The envelope contains every sample of the column.
                for (long i = a; i < b; i++) {
                    assertThat(clip.samples()[(int) i]).isBetween(cols[0][px], cols[1][px]);
                }
            }
        }
    }

    @Test
    void picksTheCoarsestLevelNoWiderThanAColumn() {
        PeakPyramid p = PeakPyramid.of(noise(1 << 20, 2));
        assertThat(p.levelFor(100)).isZero();
        assertThat(p.levelFor(256)).isZero();
        assertThat(p.levelFor(511)).isZero();
        assertThat(p.levelFor(512)).isEqualTo(1);
        assertThat(p.levelFor(5000)).isEqualTo(4);
        assertThat(p.levelFor(1e12)).isEqualTo(p.levels() - 1);
    }

    @Test
    void roundTripsThroughItsFileFormat() throws IOException {
        AudioClip clip = noise(300_001, 3);
        PeakPyramid p = PeakPyramid.of(clip);
        byte[] bytes = bytes(p);
        assertThat(bytes.length).isEqualTo(28 + 4 * p.buckets(0) + 4);
        PeakPyramid q = PeakPyramid.read(new ByteArrayInputStream(bytes));
        assertThat(q.sampleRate()).isEqualTo(16_000);
        assertThat(q.sampleCount()).isEqualTo(300_001);
        assertThat(q.levels()).isEqualTo(p.levels());
        for (int level = 0; level < p.levels(); level++) {
            for (int i = 0; i < p.buckets(level); i++) {
                assertThat(q.min(level, i)).isEqualTo(p.min(level, i));
                assertThat(q.max(level, i)).isEqualTo(p.max(level, i));
            }
        }
        assertThat(q.columns(0, 300_001, 640)).isDeepEqualTo(p.columns(0, 300_001, 640));
    }

    @Test
    void rejectsCorruptedBytesClearly() throws IOException {
        byte[] good = bytes(PeakPyramid.of(noise(50_000, 4)));
        byte[] flipped = good.clone();
        flipped[100] ^= 0x10;
        assertThatThrownBy(() -> PeakPyramid.read(new ByteArrayInputStream(flipped)))
                .isInstanceOf(IOException.class).hasMessageContaining("checksum mismatch");
        byte[] truncated = Arrays.copyOf(good, good.length - 10);
        assertThatThrownBy(() -> PeakPyramid.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> PeakPyramid.read(new ByteArrayInputStream(magic)))
                .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
        byte[] version = good.clone();
        version[7] = 9;
        assertThatThrownBy(() -> PeakPyramid.read(new ByteArrayInputStream(version)))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9");
        byte[] header = good.clone();
        header[27] ^= 1; // bucket count
        assertThatThrownBy(() -> PeakPyramid.read(new ByteArrayInputStream(header)))
                .isInstanceOf(IOException.class).hasMessageContaining("inconsistent header");
    }

    @Test
    void emptyClipHasOneSilentBucket() throws IOException {
        PeakPyramid p = PeakPyramid.of(new AudioClip(8000, new float[0]));
        assertThat(p.levels()).isEqualTo(1);
        assertThat(PeakPyramid.read(new ByteArrayInputStream(bytes(p))).sampleCount()).isZero();
    }

    private static byte[] bytes(PeakPyramid p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.write(out);
        return out.toByteArray();
    }
}
