package org.cuestudio.inference.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures encode and decode speed for the benchmark notes; skipped in normal builds. Run with
 * {@code ./mvnw -o test -pl inference -Dtest=MediaBenchmarkTest -Dcue.bench=true}.
 */
@EnabledIfSystemProperty(named = "cue.bench", matches = "true")
class MediaBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void encodes1080pFrames() throws Exception {
        Resolution hd = Resolution.HD;
        int frames = Integer.getInteger("cue.bench.frames", 150);
        RgbaImage[] images = new RgbaImage[50];
        for (int i = 0; i < images.length; i++) images[i] = EncoderFixtures.moving(hd, i);
        Path wav = TestAudio.write(dir.resolve("voice.wav"), 48_000, 1, frames / 25.0, TestAudio.noise(0.3, 1));

        Bt709Yuv420 converter = new Bt709Yuv420(hd.width(), hd.height(), 0xFF000000);
        byte[] yuv = new byte[converter.pictureSize()];
        for (int i = 0; i < 20; i++) converter.convert(images[i % images.length], yuv);
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) converter.convert(images[i % images.length], yuv);
        report("RGBA -> BT.709 yuv420p conversion only", 100, System.nanoTime() - t0, null);

        for (H264Settings settings : new H264Settings[] {H264Settings.FAST, H264Settings.FINAL}) {
            Path mp4 = dir.resolve(settings.preset() + ".mp4");
            VideoSpec spec = new VideoSpec(VideoFormat.MP4_H264, hd, FrameRate.FPS_25, wav, 0xFF000000);
            long start = System.nanoTime();
            try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(settings).open(mp4, spec)) {
                for (int i = 0; i < frames; i++) writer.write(images[i % images.length]);
            }
            report("1080p25 H.264 " + settings.preset() + " crf " + settings.crf() + " + AAC", frames,
                    System.nanoTime() - start, mp4);
        }
    }

    @Test
    void decodesTenMinutesOfWav() throws Exception {
        Path wav = TestAudio.write(dir.resolve("long.wav"), 44_100, 2, 600, TestAudio.sine(220, 0.4, 44_100));
        FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
        decoder.decode(TestAudio.write(dir.resolve("warm.wav"), 44_100, 2, 5, TestAudio.sine(220, 0.4, 44_100)),
                16_000);

        long start = System.nanoTime();
        AudioClip clip = decoder.decode(wav, 16_000);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "BENCH decode 600 s 44.1 kHz stereo WAV -> 16 kHz mono: %.2f s (%.0fx)%n",
                seconds, 600 / seconds);
        assertThat(clip.durationSeconds()).isGreaterThan(599.9);
    }

    private static void report(String what, int frames, long nanos, @Nullable Path file) throws Exception {
        double seconds = nanos / 1e9;
        String size = file == null ? ""
                : String.format(Locale.ROOT, ", %.1f MB", java.nio.file.Files.size(file) / 1e6);
        System.out.printf(Locale.ROOT, "BENCH %s: %d frames in %.2f s = %.1f frames/s%s%n", what, frames, seconds,
                frames / seconds, size);
    }
}
