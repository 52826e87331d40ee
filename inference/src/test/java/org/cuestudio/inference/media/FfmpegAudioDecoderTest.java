package org.cuestudio.inference.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegAudioDecoderTest {
    @TempDir
    Path dir;

    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();

    @Test
    void decodesStereoWavToMonoAtTheRequestedRate() throws Exception {
        Path wav = TestAudio.write(dir.resolve("tone.wav"), 44_100, 2, 3.0, TestAudio.sine(440, 0.5, 44_100));

        AudioClip clip = decoder.decode(wav, 16_000);

        assertThat(clip.sampleRate()).isEqualTo(16_000);
        // The resampler keeps a few samples of filter delay at the very end; 3 s must come back within 2 ms.
        assertThat(clip.samples().length).isCloseTo(48_000, within(32));
        float[] s = clip.samples();
        assertThat(TestAudio.rms(s, 1600, 46_400)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
        assertThat(TestAudio.frequencyByZeroCrossings(s, 16_000, 1600, 46_400)).isCloseTo(440, within(1.0));
    }

    @Test
    void keepsSamplesUnchangedAtTheFileRate() throws Exception {
        Path wav = TestAudio.write(dir.resolve("noise.wav"), 48_000, 1, 2.0, TestAudio.noise(0.7, 42));
        float[] expected = new float[96_000];
        var noise = TestAudio.noise(0.7, 42);
        for (int n = 0; n < expected.length; n++) {
            expected[n] = Math.round(noise.applyAsDouble(n) * 32767) / 32768f;
        }

        AudioClip clip = decoder.decode(wav, 48_000);

        assertThat(clip.samples()).hasSize(96_000);
        for (int n = 0; n < expected.length; n += 997) {
            assertThat(clip.samples()[n]).as("sample %d", n).isCloseTo(expected[n], within(1e-4f));
        }
    }

    @Test
    void mixesIdenticalChannelsToTheSameLevel() throws Exception {
        Path wav = TestAudio.write(dir.resolve("both.wav"), 48_000, 2, 1.0, TestAudio.sine(1000, 0.5, 48_000));

        AudioClip clip = decoder.decode(wav, 48_000);

        assertThat(TestAudio.rms(clip.samples(), 0, 48_000)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void decodesTheAudioOfAnMp4() throws Exception {
        Path wav = TestAudio.write(dir.resolve("tone.wav"), 44_100, 1, 2.0, TestAudio.sine(440, 0.5, 44_100));
        Path mp4 = EncoderFixtures.encode(dir.resolve("clip.mp4"), 25, 1, 50, wav, 0xFFFFFFFF, i -> 0xFF336699);

        AudioClip clip = decoder.decode(mp4, 16_000);

        assertThat(clip.durationSeconds()).isCloseTo(2.0, within(0.03));
        assertThat(TestAudio.frequencyByZeroCrossings(clip.samples(), 16_000, 1600, 30_000)).isCloseTo(440,
                within(1.0));
    }

    @Test
    void missingFileIsReportedByName() {
        Path missing = dir.resolve("nowhere.wav");

        assertThatThrownBy(() -> decoder.decode(missing, 16_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessage("cannot decode audio " + missing + ": the file does not exist");
    }

    @Test
    void folderIsNotAFile() {
        assertThatThrownBy(() -> decoder.decode(dir, 16_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageEndingWith("it is a folder, not a file");
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));

        assertThatThrownBy(() -> decoder.decode(empty, 16_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessageEndingWith("the file is empty");
    }

    @Test
    void textFileIsNotAudio() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are notes, not a recording\n".repeat(40));

        assertCleanFailure(text, "is not an audio or video file that FFmpeg can read");
    }

    @Test
    void randomBytesAreNotAudio() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.m4a"), junk);

        assertThatThrownBy(() -> decoder.decode(file, 16_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessageStartingWith("cannot decode audio " + file + ": ")
                .satisfies(e -> assertMessageIsClean(e.getMessage()));
    }

    @Test
    void wavWithHeaderButTruncatedDataIsRejected() throws IOException {
        Path wav = TestAudio.write(dir.resolve("cut.wav"), 44_100, 1, 1.0, TestAudio.sine(440, 0.5, 44_100));
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(wav), 44);
        Files.write(wav, header);

        assertCleanFailure(wav, "");
    }

    @Test
    void videoWithoutAudioHasNoAudioStream() throws Exception {
        Path mp4 = EncoderFixtures.encode(dir.resolve("silent.mp4"), 25, 1, 10, null, 0xFF000000, i -> 0xFF00FF00);

        assertCleanFailure(mp4, "it has no audio stream");
    }

    @Test
    void audioLongerThanTheLimitIsRefused() throws Exception {
        Path wav = TestAudio.write(dir.resolve("long.wav"), 8_000, 1, 3.0, TestAudio.sine(440, 0.5, 8_000));

        assertThatThrownBy(() -> new FfmpegAudioDecoder(2.0).decode(wav, 8_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessageContaining(wav.toString())
                .hasMessageContaining("the longest audio accepted is 2.0 s");
    }

    @Test
    void defaultLimitIsThreeHours() {
        assertThat(FfmpegAudioDecoder.DEFAULT_MAX_SECONDS).isEqualTo(3 * 3600);
    }

    @Test
    void sampleRateOutOfRangeIsAProgrammingError() throws IOException {
        Path wav = TestAudio.write(dir.resolve("t.wav"), 8_000, 1, 0.1, TestAudio.sine(440, 0.5, 8_000));

        assertThatThrownBy(() -> decoder.decode(wav, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertCleanFailure(Path file, String reason) {
        assertThatThrownBy(() -> decoder.decode(file, 16_000))
                .isInstanceOf(AudioDecodeException.class)
                .hasMessageStartingWith("cannot decode audio " + file + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertMessageIsClean(e.getMessage()));
    }

    private static void assertMessageIsClean(String message) {
        // Users read these messages: no stack trace text, no FFmpeg function names, one line.
        assertThat(message).doesNotContain("Exception", "\tat ", "avformat_", "avcodec_", "()").doesNotContain("\n");
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(400);
    }
}
