package org.cuestudio.inference.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProRes 422 HQ, ProRes 4444 and PNG sequence exports, checked with ffprobe and by decoding the frames back. */
class ExportFormatsTest {
    private static final Resolution SIZE = EncoderFixtures.SIZE;
    /** Opaque red, half-transparent green, fully transparent, opaque white: one quadrant each. */
    private static final int[] QUADRANTS = {0xFFFF0000, 0x8000C000, 0x00000000, 0xFFFFFFFF};

    @TempDir
    Path dir;

    @Test
    void proRes422HqIsTaggedTenBitFourTwoTwoWithPcmAudioTrimmedToTheVideo() throws Exception {
        Path wav = TestAudio.write(dir.resolve("tone.wav"), 44_100, 1, 3.0, TestAudio.sine(440, 0.5, 44_100));
        Path mov = dir.resolve("take.mov");
        int frames = 30; // 1.2 s at 25 fps: the audio must be trimmed

        write(mov, VideoFormat.PRORES_422_HQ, FrameRate.FPS_25, frames, wav, i -> EncoderFixtures.moving(SIZE, i));

        Ffprobe probe = Ffprobe.probe(mov);
        Map<String, Object> video = probe.stream("video");
        assertThat(video.get("codec_name")).isEqualTo("prores");
        assertThat(video.get("profile")).isEqualTo("HQ");
        assertThat(video.get("pix_fmt")).isEqualTo("yuv422p10le");
        assertThat(video.get("color_space")).isEqualTo("bt709");
        assertThat(video.get("color_transfer")).isEqualTo("bt709");
        assertThat(video.get("color_primaries")).isEqualTo("bt709");
        assertThat(Ffprobe.number(video, "width")).isEqualTo(SIZE.width());
        assertThat(Ffprobe.number(video, "height")).isEqualTo(SIZE.height());
        assertThat(video.get("r_frame_rate")).isEqualTo("25/1");
        assertThat(Ffprobe.text(video, "nb_read_frames")).isEqualTo("30");
        Map<String, Object> audio = probe.stream("audio");
        assertThat(audio.get("codec_name")).isEqualTo("pcm_s24le");
        assertThat(Ffprobe.text(audio, "sample_rate")).isEqualTo("48000");
        assertThat(Ffprobe.number(audio, "channels")).isEqualTo(2);
        double expected = frames / 25.0;
        assertThat(Ffprobe.number(probe.format(), "duration")).isCloseTo(expected, within(1 / 25.0));
        assertThat(Ffprobe.number(audio, "duration")).isCloseTo(expected, within(1 / 25.0));
        assertThat(Ffprobe.number(video, "start_time")).isZero();
        assertThat(Ffprobe.number(audio, "start_time")).isZero();
    }

    @Test
    void proRes4444KeepsStraightAlphaAtAnNtscRateWithShortAudioPadded() throws Exception {
        Path wav = TestAudio.write(dir.resolve("short.wav"), 48_000, 2, 0.5, TestAudio.sine(300, 0.5, 48_000));
        Path mov = dir.resolve("alpha.mov");
        int frames = 36;

        write(mov, VideoFormat.PRORES_4444, FrameRate.FPS_29_97, frames, wav, i -> quadrants());

        Ffprobe probe = Ffprobe.probe(mov);
        Map<String, Object> video = probe.stream("video");
        assertThat(video.get("codec_name")).isEqualTo("prores");
        assertThat(video.get("profile")).isEqualTo("4444");
        // Encoded from yuva444p10le; FFmpeg's decoder hands ProRes 4444 out at its native 12 bits, alpha included.
        assertThat(video.get("pix_fmt")).isEqualTo("yuva444p12le");
        assertThat(video.get("r_frame_rate")).isEqualTo("30000/1001");
        assertThat(Ffprobe.text(video, "nb_read_frames")).isEqualTo("36");
        double frame = 1001 / 30000.0;
        assertThat(Ffprobe.number(probe.format(), "duration")).isCloseTo(frames * frame, within(frame));
        assertThat(Ffprobe.number(probe.stream("audio"), "duration")).isCloseTo(frames * frame, within(frame));
        assertThat(probe.stream("audio").get("codec_name")).isEqualTo("pcm_s24le");

        Decoded last = decode(mov, frames - 1);
        assertThat(last.pixelFormat).isEqualTo(avutil.AV_PIX_FMT_YUVA444P12LE);
        int w = SIZE.width();
        int h = SIZE.height();
        assertPixel(last.rgba(w / 4, h / 4), 0xFF, 0xFF, 0x00, 0x00);
        assertPixel(last.rgba(3 * w / 4, h / 4), 0x80, 0x00, 0xC0, 0x00); // straight: colour not darkened by alpha
        assertThat(last.rgba(w / 4, 3 * h / 4)[3]).isZero();
        assertPixel(last.rgba(3 * w / 4, 3 * h / 4), 0xFF, 0xFF, 0xFF, 0xFF);
    }

    @Test
    void proRes4444PreservesAMovingPictureWithinASmallTolerance() throws Exception {
        Path mov = dir.resolve("moving.mov");
        write(mov, VideoFormat.PRORES_4444, FrameRate.FPS_23_976, 12, null, i -> EncoderFixtures.moving(SIZE, i));

        assertThat(Ffprobe.probe(mov).stream("video").get("r_frame_rate")).isEqualTo("24000/1001");
        assertThat(Ffprobe.probe(mov).streams()).extracting(s -> s.get("codec_type")).containsExactly("video");
        Decoded back = decode(mov, 7);
        RgbaImage sent = EncoderFixtures.moving(SIZE, 7);
        for (int y = 3; y < SIZE.height(); y += 37) {
            for (int x = 5; x < SIZE.width(); x += 41) {
                int[] got = back.rgba(x, y);
                int i = (y * SIZE.width() + x) * 4;
                for (int c = 0; c < 3; c++) {
                    assertThat(got[c]).as("channel %d at %d,%d", c, x, y).isCloseTo(sent.pixels()[i + c] & 0xff,
                            within(4));
                }
                assertThat(got[3]).isEqualTo(255);
            }
        }
    }

    @Test
    void proRes422CompositesAlphaOverTheBackground() throws Exception {
        Path mov = dir.resolve("grey.mov");
        VideoSpec spec = new VideoSpec(VideoFormat.PRORES_422_HQ, SIZE, FrameRate.FPS_25, null, 0xFF000000);
        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder().open(mov, spec)) {
            for (int i = 0; i < 3; i++) writer.write(EncoderFixtures.solid(SIZE, 0x80FFFFFF));
        }

        Decoded back = decode(mov, 1);
        assertThat(back.pixelFormat).isEqualTo(avutil.AV_PIX_FMT_YUV422P10LE);
        int[] rgb = back.rgba(40, 40);
        for (int c = 0; c < 3; c++) assertThat(rgb[c]).isCloseTo(128, within(3));
    }

    @Test
    void tenBitConversionMapsWhiteBlackAndGreyExactly() {
        Bt709Yuv10 c = new Bt709Yuv10(2, 1, 0xFF000000, true);
        c.convert(new RgbaImage(2, 1, new byte[] {-1, -1, -1, -1, 0, 0, 0, (byte) 0x80}),
                java.nio.ByteBuffer.allocateDirect(c.bytes()));
        short[] p = c.planes();
        assertThat(new int[] {p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]})
                .containsExactly(940, 64, 512, 512, 512, 512, 1023, 514);
    }

    @Test
    void abortLeavesNoFileForProRes() throws Exception {
        Path mov = dir.resolve("aborted.mov");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder().open(mov,
                new VideoSpec(VideoFormat.PRORES_4444, SIZE, FrameRate.FPS_25, null, 0));
        for (int i = 0; i < 3; i++) writer.write(EncoderFixtures.moving(SIZE, i));
        assertThat(filesIn(dir)).hasSize(1);
        writer.abort();
        writer.close();

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void pngSequenceIsLosslessRgbaWithAudioOfTheVideoLength() throws Exception {
        Path wav = TestAudio.write(dir.resolve("voice.wav"), 44_100, 1, 3.0, TestAudio.sine(440, 0.5, 44_100));
        Path out = dir.resolve("seq");
        int frames = 20;

        write(out, VideoFormat.PNG_SEQUENCE, FrameRate.FPS_29_97, frames, wav,
                i -> i == 0 ? quadrants() : EncoderFixtures.moving(SIZE, i));

        List<String> names = filesIn(out).stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertThat(names).hasSize(frames + 1).contains("audio.wav", "frame_000000.png", "frame_000019.png");
        BufferedImage first = ImageIO.read(out.resolve("frame_000000.png").toFile());
        assertThat(first.getWidth()).isEqualTo(SIZE.width());
        assertThat(first.getHeight()).isEqualTo(SIZE.height());
        assertThat(first.getColorModel().hasAlpha()).isTrue();
        assertThat(first.getRaster().getNumBands()).isEqualTo(4);
        assertThat(first.getColorModel().isAlphaPremultiplied()).isFalse();
        int w = SIZE.width();
        int h = SIZE.height();
        assertThat(first.getRGB(w / 4, h / 4)).isEqualTo(0xFFFF0000);
        assertThat(first.getRGB(3 * w / 4, h / 4)).isEqualTo(0x8000C000); // half-transparent stays half
        assertThat(first.getRGB(w / 4, 3 * h / 4) >>> 24).isZero();
        RgbaImage sent = EncoderFixtures.moving(SIZE, 13);
        BufferedImage thirteenth = ImageIO.read(out.resolve("frame_000013.png").toFile());
        for (int y = 0; y < h; y += 17) {
            for (int x = 0; x < w; x += 13) assertThat(thirteenth.getRGB(x, y)).isEqualTo(sent.argbAt(x, y));
        }

        Ffprobe wavProbe = Ffprobe.probe(out.resolve("audio.wav"));
        Map<String, Object> audio = wavProbe.stream("audio");
        assertThat(audio.get("codec_name")).isEqualTo("pcm_s24le");
        assertThat(Ffprobe.text(audio, "sample_rate")).isEqualTo("48000");
        assertThat(Ffprobe.number(audio, "channels")).isEqualTo(2);
        assertThat(Ffprobe.number(audio, "duration")).isCloseTo(frames * 1001 / 30000.0, within(1 / 48_000.0));
        AudioClip back = new FfmpegAudioDecoder().decode(out.resolve("audio.wav"), 48_000);
        assertThat(TestAudio.rms(back.samples(), 0, 24_000)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void pngSequencePadsShortAudioWithSilence() throws Exception {
        Path wav = TestAudio.write(dir.resolve("short.wav"), 48_000, 1, 0.25, TestAudio.sine(500, 0.5, 48_000));
        Path out = dir.resolve("seq");

        write(out, VideoFormat.PNG_SEQUENCE, FrameRate.FPS_25, 25, wav, i -> EncoderFixtures.solid(SIZE, 0xFF102030));

        AudioClip back = new FfmpegAudioDecoder().decode(out.resolve("audio.wav"), 48_000);
        assertThat(back.durationSeconds()).isCloseTo(1.0, within(1e-4));
        assertThat(TestAudio.rms(back.samples(), 2_400, 9_600)).isGreaterThan(0.3);
        assertThat(TestAudio.rms(back.samples(), 14_400, 48_000)).isLessThan(0.001);
    }

    @Test
    void pngSequenceAbortLeavesNothingAndAnEarlierSequenceIsReplacedOnlyWhenFinished() throws Exception {
        Path out = dir.resolve("seq");
        write(out, VideoFormat.PNG_SEQUENCE, FrameRate.FPS_25, 5, null, i -> EncoderFixtures.solid(SIZE, 0xFF0000FF));

        VideoSpec spec = new VideoSpec(VideoFormat.PNG_SEQUENCE, SIZE, FrameRate.FPS_25, null, 0);
        VideoEncoder.Writer aborted = new FfmpegVideoEncoder().open(out, spec);
        for (int i = 0; i < 3; i++) aborted.write(EncoderFixtures.solid(SIZE, 0xFFFF0000));
        aborted.abort();
        assertThat(filesIn(dir)).containsExactly(out);
        assertThat(filesIn(out)).hasSize(5);

        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder().open(out, spec)) {
            for (int i = 0; i < 2; i++) writer.write(EncoderFixtures.solid(SIZE, 0xFFFF0000));
            assertThat(filesIn(out)).hasSize(5);
        }
        assertThat(filesIn(dir)).containsExactly(out);
        assertThat(filesIn(out)).hasSize(2);
        assertThat(ImageIO.read(out.resolve("frame_000001.png").toFile()).getRGB(0, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void pngSequenceRefusesAFolderHoldingOtherFiles() throws Exception {
        Path out = Files.createDirectories(dir.resolve("work"));
        Files.writeString(out.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> new FfmpegVideoEncoder().open(out,
                new VideoSpec(VideoFormat.PNG_SEQUENCE, SIZE, FrameRate.FPS_25, null, 0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds other files");
        assertThat(filesIn(out)).hasSize(1);
    }

    @Test
    void pngSequenceWrongFrameSizeFailsAndLeavesNothing() throws Exception {
        Path out = dir.resolve("seq");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder().open(out,
                new VideoSpec(VideoFormat.PNG_SEQUENCE, SIZE, FrameRate.FPS_25, null, 0));
        writer.write(EncoderFixtures.solid(SIZE, 0xFF000000));

        assertThatThrownBy(() -> writer.write(EncoderFixtures.solid(new Resolution(64, 64), 0xFF000000)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("it is 64x64 but the video is 320x240");
        writer.close();

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void pngSequenceRangesKeepTheirFrameNumbersAndTheirWavsConcatenateIntoTheWholeShots() throws Exception {
        Path wav = TestAudio.write(dir.resolve("voice.wav"), 44_100, 1, 1.5, TestAudio.noise(0.4, 3));
        FrameRate rate = FrameRate.FPS_29_97;
        write(dir.resolve("whole"), VideoFormat.PNG_SEQUENCE, rate, 0, 40, wav, i -> EncoderFixtures.moving(SIZE, i));
        int[][] ranges = {{0, 12}, {13, 29}, {30, 39}};
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int[] r : ranges) {
            Path part = dir.resolve("part-" + r[0]);
            write(part, VideoFormat.PNG_SEQUENCE, rate, r[0], r[1] - r[0] + 1, wav,
                    i -> EncoderFixtures.moving(SIZE, r[0] + i));
            List<String> names = filesIn(part).stream().map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(r[1] - r[0] + 2).contains(PngSequenceWriter.frameName(r[0]),
                    PngSequenceWriter.frameName(r[1]));
            for (int f = r[0]; f <= r[1]; f++) {
                assertThat(Files.readAllBytes(part.resolve(PngSequenceWriter.frameName(f))))
                        .as("frame %d", f).isEqualTo(Files.readAllBytes(dir.resolve("whole")
                                .resolve(PngSequenceWriter.frameName(f))));
            }
            byte[] bytes = Files.readAllBytes(part.resolve("audio.wav"));
            joined.write(bytes, 44, bytes.length - 44);
        }
        byte[] whole = Files.readAllBytes(dir.resolve("whole/audio.wav"));
        assertThat(joined.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(whole, 44, whole.length));
    }

    @Test
    void aProResRangeStartsItsAudioAtItsFirstFramesTime() throws Exception {
        Path wav = TestAudio.write(dir.resolve("voice.wav"), 48_000, 1, 1.0, TestAudio.noise(0.4, 5));
        write(dir.resolve("whole.mov"), VideoFormat.PRORES_422_HQ, FrameRate.FPS_25, 0, 25, wav,
                i -> EncoderFixtures.moving(SIZE, i));
        write(dir.resolve("range.mov"), VideoFormat.PRORES_422_HQ, FrameRate.FPS_25, 10, 15, wav,
                i -> EncoderFixtures.moving(SIZE, 10 + i));
        float[] whole = new FfmpegAudioDecoder().decode(dir.resolve("whole.mov"), 48_000).samples();
        float[] range = new FfmpegAudioDecoder().decode(dir.resolve("range.mov"), 48_000).samples();
        assertThat(range).hasSize(15 * 48_000 / 25);
        assertThat(range).containsExactly(java.util.Arrays.copyOfRange(whole, 10 * 48_000 / 25, whole.length));
        assertThat(Ffprobe.number(Ffprobe.probe(dir.resolve("range.mov")).stream("video"), "nb_read_frames"))
                .isEqualTo(15.0);
    }

    private static RgbaImage quadrants() {
        int w = SIZE.width();
        int h = SIZE.height();
        byte[] px = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = QUADRANTS[(y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1)];
                int i = (y * w + x) * 4;
                px[i] = (byte) (argb >>> 16);
                px[i + 1] = (byte) (argb >>> 8);
                px[i + 2] = (byte) argb;
                px[i + 3] = (byte) (argb >>> 24);
            }
        }
        return new RgbaImage(w, h, px);
    }

    private static void write(Path out, VideoFormat format, FrameRate rate, int frames, @Nullable Path audio,
            java.util.function.IntFunction<RgbaImage> frame) throws IOException {
        write(out, format, rate, 0, frames, audio, frame);
    }

    /** Writes {@code frames} frames as the shot's frames from {@code firstFrame} on. */
    private static void write(Path out, VideoFormat format, FrameRate rate, long firstFrame, int frames,
            @Nullable Path audio, java.util.function.IntFunction<RgbaImage> frame) throws IOException {
        VideoSpec spec = new VideoSpec(format, SIZE, rate, audio, 0xFF000000, firstFrame);
        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(out, spec)) {
            for (int i = 0; i < frames; i++) writer.write(frame.apply(i));
        }
    }

    private static void assertPixel(int[] rgba, int a, int r, int g, int b) {
        assertThat(rgba[3]).as("alpha").isCloseTo(a, within(2));
        assertThat(rgba[0]).as("red").isCloseTo(r, within(3));
        assertThat(rgba[1]).as("green").isCloseTo(g, within(3));
        assertThat(rgba[2]).as("blue").isCloseTo(b, within(3));
    }

    /** One decoded 10-bit frame, converted back with the BT.709 limited-range matrix the files are tagged with. */
    private record Decoded(int pixelFormat, int width, int height, short[][] planes, int[] strides) {
        int[] rgba(int x, int y) {
            boolean full = planes.length == 4;
            double scale = pixelFormat == avutil.AV_PIX_FMT_YUVA444P12LE ? 4 : 1; // 12-bit codes are 4x 10-bit ones
            int cx = full ? x : x / 2;
            double yy = (sample(0, x, y) / scale - 64) / 876.0;
            double pb = (sample(1, cx, y) / scale - 512) / 896.0;
            double pr = (sample(2, cx, y) / scale - 512) / 896.0;
            double r = yy + 1.5748 * pr;
            double g = yy - 0.1873 * pb - 0.4681 * pr;
            double b = yy + 1.8556 * pb;
            int a = full ? (int) Math.round(sample(3, x, y) * 255 / (1023.0 * scale + scale - 1)) : 255;
            return new int[] {to8(r), to8(g), to8(b), a};
        }

        private int sample(int plane, int x, int y) {
            return planes[plane][y * strides[plane] + x];
        }
    }

    private static Decoded decode(Path file, int frameIndex) throws FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
            Frame frame = null;
            for (int i = 0; i <= frameIndex; i++) frame = grabber.grabImage();
            if (frame == null) throw new AssertionError("the file has fewer than " + (frameIndex + 1) + " frames");
            AVFrame picture = (AVFrame) frame.opaque;
            int format = picture.format();
            int planesCount = format == avutil.AV_PIX_FMT_YUVA444P10LE || format == avutil.AV_PIX_FMT_YUVA444P12LE ? 4 : 3;
            short[][] planes = new short[planesCount][];
            int[] strides = new int[planesCount];
            int h = picture.height();
            for (int p = 0; p < planesCount; p++) {
                strides[p] = picture.linesize(p) / 2;
                planes[p] = new short[strides[p] * h];
                picture.data(p).capacity((long) picture.linesize(p) * h).asByteBuffer()
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(planes[p]);
            }
            return new Decoded(format, picture.width(), h, planes, strides);
        }
    }

    private static int to8(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
