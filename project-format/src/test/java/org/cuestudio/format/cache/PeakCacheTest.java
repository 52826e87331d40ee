package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.PeakPyramid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakCacheTest {
    @TempDir
    Path dir;

    private static PeakPyramid pyramid(float amplitude) {
        float[] s = new float[16000];
        for (int i = 0; i < s.length; i++) s[i] = (float) (amplitude * Math.sin(i * 0.05));
        return PeakPyramid.of(new AudioClip(16000, s));
    }

    @Test
    void peaksAreComputedOnceAndReadBackUntilTheAudioChanges() throws Exception {
        Path audio = Files.write(dir.resolve("line.wav"), new byte[] {1, 2, 3});
        PeakCache cache = new PeakCache(dir.resolve("cache/peaks"));
        AtomicInteger computed = new AtomicInteger();
        PeakPyramid first = cache.get(audio, () -> {
            computed.incrementAndGet();
            return pyramid(0.5f);
        });
        PeakPyramid again = cache.get(audio, () -> {
            computed.incrementAndGet();
            return pyramid(0.9f);
        });
        assertThat(computed).hasValue(1);
        assertThat(again.max(0, 0)).isEqualTo(first.max(0, 0));
        assertThat(again.columns(0, 16000, 10)[1]).containsExactly(first.columns(0, 16000, 10)[1]);
        Files.setLastModifiedTime(audio, FileTime.fromMillis(Files.getLastModifiedTime(audio).toMillis() + 5000));
        PeakPyramid changed = cache.get(audio, () -> {
            computed.incrementAndGet();
            return pyramid(0.9f);
        });
        assertThat(computed).hasValue(2);
        assertThat(changed.columns(0, 16000, 1)[1][0]).isGreaterThan(0.85f);
    }

    @Test
    void aDamagedCacheFileIsRecomputedAndRewritten() throws Exception {
        Path audio = Files.write(dir.resolve("line.wav"), new byte[] {1, 2, 3});
        Path folder = dir.resolve("cache/peaks");
        PeakCache cache = new PeakCache(folder);
        cache.get(audio, () -> pyramid(0.5f));
        Path file;
        try (var files = Files.list(folder)) {
            file = files.filter(f -> f.toString().endsWith(".cpks")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 0x55;
        Files.write(file, bytes);
        AtomicInteger computed = new AtomicInteger();
        cache.get(audio, () -> {
            computed.incrementAndGet();
            return pyramid(0.5f);
        });
        assertThat(computed).hasValue(1);
        cache.get(audio, () -> {
            computed.incrementAndGet();
            return pyramid(0.5f);
        });
        assertThat(computed).hasValue(1);
    }
}
