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

    /**
     * Export throughput per format at 1080p25 with audio: ProRes 422 HQ and 4444 through prores_ks, the PNG
     * sequence through javax.imageio on the writer's thread pool, and for comparison FFmpeg's own PNG encoder
     * (the ffmpeg executable in the jar, fed raw RGBA, excluding the time to write the raw file).
     */
    @Test
    void exports1080pInEachFormat() throws Exception {
        Resolution hd = Resolution.HD;
        int frames = Integer.getInteger("cue.bench.frames", 150);
        RgbaImage[] images = new RgbaImage[25];
        for (int i = 0; i < images.length; i++) images[i] = withAlpha(EncoderFixtures.moving(hd, i));
        Path wav = TestAudio.write(dir.resolve("voice.wav"), 48_000, 1, frames / 25.0, TestAudio.noise(0.3, 1));

        Bt709Yuv10 c422 = new Bt709Yuv10(hd.width(), hd.height(), 0xFF000000, false);
        Bt709Yuv10 c4444 = new Bt709Yuv10(hd.width(), hd.height(), 0xFF000000, true);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(c4444.bytes());
        for (int i = 0; i < 20; i++) c4444.convert(images[i % images.length], buffer);
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) c422.convert(images[i % images.length], buffer);
        report("RGBA -> BT.709 yuv422p10le conversion only", 50, System.nanoTime() - t0, null);
        t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) c4444.convert(images[i % images.length], buffer);
        report("RGBA -> BT.709 yuva444p10le conversion only", 50, System.nanoTime() - t0, null);

        String only = System.getProperty("cue.bench.formats", "PRORES_422_HQ,PRORES_4444,PNG_SEQUENCE,MP4_H264");
        for (String name : only.split(",")) {
            VideoFormat format = VideoFormat.valueOf(name.trim());
            Path out = dir.resolve("export-" + format + (format.isFolder() ? "" : "." + format.extension()));
            VideoSpec spec = new VideoSpec(format, hd, FrameRate.FPS_25, wav, 0xFF000000);
            long start = System.nanoTime();
            try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FINAL).open(out, spec)) {
                for (int i = 0; i < frames; i++) writer.write(images[i % images.length]);
            }
            long nanos = System.nanoTime() - start;
            report("1080p25 export " + format + " + audio", frames, nanos, format.isFolder() ? null : out);
            if (format.isFolder()) {
                long bytes;
                try (var files = java.nio.file.Files.list(out)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf(Locale.ROOT, "BENCH   PNG sequence size %.1f MB%n", bytes / 1e6);
            }
        }

        // FFmpeg's PNG encoder on the same frames, for the choice between it and javax.imageio.
        Path raw = dir.resolve("frames.rgba");
        int ffFrames = Math.min(frames, 50);
        try (var os = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(raw), 1 << 20)) {
            for (int i = 0; i < ffFrames; i++) os.write(images[i % images.length].pixels());
        }
        java.nio.file.Files.createDirectories(dir.resolve("ffpng"));
        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(ffmpeg, "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", "1920x1080",
                "-r", "25", "-i", raw.toString(), "-c:v", "png", "-pix_fmt", "rgba", "-threads", "2",
                dir.resolve("ffpng/frame_%06d.png").toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        report("1080p FFmpeg png encoder (ffmpeg executable, -threads 2), video only", ffFrames,
                System.nanoTime() - start, null);
        long ffBytes;
        try (var files = java.nio.file.Files.list(dir.resolve("ffpng"))) {
            ffBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "BENCH   FFmpeg PNG size %.1f MB for %d frames%n", ffBytes / 1e6, ffFrames);
    }

    /** The moving test picture with a soft alpha ramp over its left half, so alpha formats code real alpha. */
    private static RgbaImage withAlpha(RgbaImage image) {
        byte[] px = image.pixels();
        int w = image.width();
        for (int i = 0; i < px.length; i += 4) {
            int x = (i / 4) % w;
            if (x < w / 2) px[i + 3] = (byte) (x * 255 / (w / 2));
        }
        return image;
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
