package org.cuestudio.inference.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.export.MediaCodecProvider;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegVideoEncoderTest {
    private static final Resolution SIZE = EncoderFixtures.SIZE;

    @TempDir
    Path dir;

    @Test
    void writesH264AndAacThatFfprobeAccepts() throws Exception {
        Path wav = TestAudio.write(dir.resolve("tone.wav"), 44_100, 1, 3.0, TestAudio.sine(440, 0.5, 44_100));
        Path mp4 = dir.resolve("take.mp4");
        int frames = 64; // 2.56 s at 25 fps, shorter than the audio: the audio must be trimmed

        writeMoving(mp4, FrameRate.FPS_25, frames, wav);

        Ffprobe probe = Ffprobe.probe(mp4);
        Map<String, Object> video = probe.stream("video");
        assertThat(video.get("codec_name")).isEqualTo("h264");
        assertThat(video.get("profile")).isEqualTo("High");
        assertThat(video.get("pix_fmt")).isEqualTo("yuv420p");
        assertThat(video.get("color_space")).isEqualTo("bt709");
        assertThat(Ffprobe.number(video, "width")).isEqualTo(SIZE.width());
        assertThat(Ffprobe.number(video, "height")).isEqualTo(SIZE.height());
        assertThat(video.get("r_frame_rate")).isEqualTo("25/1");
        assertThat(video.get("avg_frame_rate")).isEqualTo("25/1");
        assertThat(Ffprobe.text(video, "nb_frames")).isEqualTo("64");
        assertThat(Ffprobe.text(video, "nb_read_frames")).isEqualTo("64");
        assertThat(Ffprobe.number(video, "start_time")).isZero();

        Map<String, Object> audio = probe.stream("audio");
        assertThat(audio.get("codec_name")).isEqualTo("aac");
        assertThat(Ffprobe.text(audio, "sample_rate")).isEqualTo("48000");
        assertThat(Ffprobe.number(audio, "channels")).isEqualTo(2);
        assertThat(Ffprobe.number(audio, "start_time")).isZero();

        double frame = 1 / 25.0;
        double expected = frames * frame;
        assertThat(Ffprobe.number(probe.format(), "duration")).isCloseTo(expected, within(frame));
        assertThat(Ffprobe.number(audio, "duration")).isCloseTo(expected, within(frame));
        assertThat(Ffprobe.number(video, "duration")).isCloseTo(expected, within(1e-6));
    }

    @Test
    void keepsNtscFrameRateExact() throws Exception {
        Path wav = TestAudio.write(dir.resolve("tone.wav"), 48_000, 2, 2.0, TestAudio.sine(300, 0.5, 48_000));
        Path mp4 = dir.resolve("ntsc.mp4");
        int frames = 75;

        writeMoving(mp4, FrameRate.FPS_29_97, frames, wav);

        Ffprobe probe = Ffprobe.probe(mp4);
        Map<String, Object> video = probe.stream("video");
        assertThat(video.get("r_frame_rate")).isEqualTo("30000/1001");
        assertThat(video.get("avg_frame_rate")).isEqualTo("30000/1001");
        assertThat(Ffprobe.text(video, "nb_frames")).isEqualTo("75");
        double frame = 1001 / 30000.0;
        double expected = frames * frame; // 2.5025 s: longer than the 2 s of audio, which is padded
        assertThat(Ffprobe.number(probe.format(), "duration")).isCloseTo(expected, within(frame));
        assertThat(Ffprobe.number(probe.stream("audio"), "duration")).isCloseTo(expected, within(frame));
    }

    /**
     * Every listed frame rate stays exact over ten minutes: the container's rate is the exact fraction, the frame
     * count is the shot's, and the last frame starts exactly where the shot's frame arithmetic puts it (tiny frames,
     * so the ten minutes encode in seconds).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"24000/1001", "24", "25", "30000/1001", "30", "50", "60"})
    void everyFrameRateStaysExactOverTenMinutes(String text) throws Exception {
        FrameRate rate = FrameRate.parse(text);
        int frames = (int) rate.framesCovering(org.cuestudio.core.time.Ticks.ofSeconds(600));
        Resolution tiny = new Resolution(16, 16);
        Path mp4 = dir.resolve("ten-minutes.mp4");
        org.cuestudio.core.render.RgbaImage black = new org.cuestudio.core.render.RgbaImage(16, 16, new byte[16 * 16 * 4]);
        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4,
                new VideoSpec(VideoFormat.MP4_H264, tiny, rate, null, 0xFF000000))) {
            for (int i = 0; i < frames; i++) writer.write(black);
        }
        Ffprobe probe = Ffprobe.probe(mp4);
        Map<String, Object> video = probe.stream("video");
        String exact = rate.denominator() == 1 ? rate.numerator() + "/1" : rate.numerator() + "/" + rate.denominator();
        assertThat(video.get("r_frame_rate")).isEqualTo(exact);
        assertThat(video.get("avg_frame_rate")).isEqualTo(exact);
        assertThat(Ffprobe.text(video, "nb_frames")).isEqualTo(Integer.toString(frames));
        double expected = org.cuestudio.core.time.Ticks.toSeconds(rate.frameToTicks(frames));
        assertThat(Ffprobe.number(video, "duration")).isCloseTo(expected, within(1e-6));
    }

    @Test
    void padsShortAudioWithSilenceToTheVideoLength() throws Exception {
        Path wav = TestAudio.write(dir.resolve("short.wav"), 48_000, 1, 0.5, TestAudio.sine(500, 0.5, 48_000));
        Path mp4 = dir.resolve("padded.mp4");

        writeMoving(mp4, FrameRate.FPS_24, 48, wav);

        Ffprobe probe = Ffprobe.probe(mp4);
        assertThat(Ffprobe.number(probe.stream("audio"), "duration")).isCloseTo(2.0, within(1 / 24.0));
        AudioClip back = new FfmpegAudioDecoder().decode(mp4, 48_000);
        assertThat(back.durationSeconds()).isCloseTo(2.0, within(1 / 24.0));
        assertThat(TestAudio.rms(back.samples(), 4_800, 19_200)).isGreaterThan(0.3);
        assertThat(TestAudio.rms(back.samples(), 33_600, 91_200)).isLessThan(0.001);
    }

    @Test
    void audioStartsWithTheFirstFrame() throws Exception {
        // Silence, then a tone from exactly 1 s: after AAC's encoder delay is hidden, it must still start at 1 s.
        Path wav = TestAudio.write(dir.resolve("burst.wav"), 44_100, 1, 2.0, TestAudio.burstFrom(1.0, 1000, 44_100));
        Path mp4 = dir.resolve("sync.mp4");

        writeMoving(mp4, FrameRate.FPS_25, 50, wav);

        AudioClip back = new FfmpegAudioDecoder().decode(mp4, 48_000);
        double onsetSeconds = TestAudio.onset(back.samples(), 0.2) / 48_000.0;
        assertThat(onsetSeconds).isCloseTo(1.0, within(0.005));
    }

    @Test
    void solidRedDecodesAsRed() throws Exception {
        Path mp4 = EncoderFixtures.encode(dir.resolve("red.mp4"), 25, 1, 10, null, 0xFF000000, i -> 0xFFFF0000);

        int[] rgb = EncoderFixtures.decodedRgb(mp4, 5, SIZE.width() / 2, SIZE.height() / 2);

        assertThat(rgb[0]).isGreaterThan(245);
        assertThat(rgb[1]).isLessThan(10);
        assertThat(rgb[2]).isLessThan(10);
    }

    @Test
    void transparentPixelsShowTheBackground() throws Exception {
        Path mp4 = EncoderFixtures.encode(dir.resolve("blue.mp4"), 25, 1, 5, null, 0xFF2040C0, i -> 0x00FF0000);

        int[] rgb = EncoderFixtures.decodedRgb(mp4, 2, 100, 100);

        assertThat(rgb[0]).isCloseTo(0x20, within(6));
        assertThat(rgb[1]).isCloseTo(0x40, within(6));
        assertThat(rgb[2]).isCloseTo(0xC0, within(6));
    }

    @Test
    void halfTransparentWhiteOverBlackIsMidGrey() throws Exception {
        Path mp4 = EncoderFixtures.encode(dir.resolve("grey.mp4"), 25, 1, 5, null, 0xFF000000, i -> 0x80FFFFFF);

        int[] rgb = EncoderFixtures.decodedRgb(mp4, 2, 40, 40);

        for (int c : rgb) assertThat(c).isCloseTo(128, within(6));
    }

    @Test
    void writesVideoOnlyWhenThereIsNoAudio() throws Exception {
        Path mp4 = EncoderFixtures.encode(dir.resolve("mute.mp4"), 25, 1, 10, null, 0xFF000000, i -> 0xFF808080);

        List<Map<String, Object>> streams = Ffprobe.probe(mp4).streams();

        assertThat(streams).extracting(s -> s.get("codec_type")).containsExactly("video");
    }

    @Test
    void wrongFrameSizeFailsAndLeavesNoFile() throws Exception {
        Path mp4 = dir.resolve("wrong.mp4");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4, spec(FrameRate.FPS_25, null));
        writer.write(EncoderFixtures.solid(SIZE, 0xFF000000));

        assertThatThrownBy(() -> writer.write(EncoderFixtures.solid(new Resolution(640, 360), 0xFF000000)))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write frame 1 to " + mp4 + ": it is 640x360 but the video is 320x240");
        writer.close();

        assertThat(mp4).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void abortLeavesNoFile() throws Exception {
        Path mp4 = dir.resolve("aborted.mp4");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4, spec(FrameRate.FPS_25, null));
        for (int i = 0; i < 5; i++) writer.write(EncoderFixtures.moving(SIZE, i));

        assertThat(filesIn(dir)).hasSize(1).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".part"));
        writer.abort();
        writer.close();

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void replacesAnOlderExportOnlyWhenFinished() throws Exception {
        Path mp4 = dir.resolve("take.mp4");
        Files.writeString(mp4, "previous export");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4, spec(FrameRate.FPS_25, null));
        writer.write(EncoderFixtures.moving(SIZE, 0));

        assertThat(Files.readString(mp4)).isEqualTo("previous export");
        writer.close();

        assertThat(Ffprobe.probe(mp4).stream("video").get("codec_name")).isEqualTo("h264");
        assertThat(filesIn(dir)).containsExactly(mp4);
    }

    @Test
    void closingWithoutFramesFails() throws Exception {
        Path mp4 = dir.resolve("empty.mp4");
        VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4, spec(FrameRate.FPS_25, null));

        assertThatThrownBy(writer::close).isInstanceOf(IOException.class).hasMessageContaining("no frames");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void unreadableAudioFailsAtOpenNamingTheAudioFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("voice.wav"), "not audio at all, just some text".repeat(20));

        assertThatThrownBy(() -> new FfmpegVideoEncoder().open(dir.resolve("x.mp4"), spec(FrameRate.FPS_25, bad)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot decode audio " + bad);
        assertThat(filesIn(dir)).containsExactly(bad);
    }

    @Test
    void missingOutputFolderFailsAtOpen() {
        Path mp4 = dir.resolve("no/such/folder/take.mp4");

        assertThatThrownBy(() -> new FfmpegVideoEncoder().open(mp4, spec(FrameRate.FPS_25, null)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void serviceLoaderFindsTheFfmpegProvider() {
        MediaCodecProvider provider = MediaCodecProvider.load();

        assertThat(provider).isInstanceOf(FfmpegMediaCodecProvider.class);
        assertThat(provider.videoEncoder()).isInstanceOf(FfmpegVideoEncoder.class);
        assertThat(provider.audioDecoder()).isInstanceOf(FfmpegAudioDecoder.class);
    }

    private void writeMoving(Path mp4, FrameRate rate, int frames, Path audio) throws IOException {
        try (VideoEncoder.Writer writer = new FfmpegVideoEncoder(H264Settings.FAST).open(mp4, spec(rate, audio))) {
            for (int i = 0; i < frames; i++) writer.write(EncoderFixtures.moving(SIZE, i));
        }
    }

    private static VideoSpec spec(FrameRate rate, Path audio) {
        return new VideoSpec(VideoFormat.MP4_H264, SIZE, rate, audio, 0xFF000000);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
