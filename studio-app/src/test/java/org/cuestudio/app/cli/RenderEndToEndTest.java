package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the sample shot through the real backend, cache and encoder, and probes the file as an editor would. */
class RenderEndToEndTest {
    @TempDir
    Path dir;

    static JsonNode probe(Path file) throws Exception {
        String ffprobe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        Process p = new ProcessBuilder(ffprobe, "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                "-count_frames", file.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new ObjectMapper().readTree(out);
    }

    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) if (s.get("codec_type").asText().equals(type)) return s;
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    @Test
    void previewRenderIsAPlayableMp4InSyncWithTheAudioAndTheSecondRenderReusesEverySegment() throws Exception {
        Path project = SampleCopy.into(dir);
        Path out = dir.resolve("out/hello.mp4");
        CliTest.Run first = CliTest.cue("render", project.toString(), "--quality", "preview", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("385 frames (385 rendered, 0 reused");

        JsonNode probe = probe(out);
        JsonNode video = stream(probe, "video");
        JsonNode audio = stream(probe, "audio");
        assertThat(video.get("codec_name").asText()).isEqualTo("h264");
        assertThat(video.get("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.get("width").asInt()).isEqualTo(640);
        assertThat(video.get("height").asInt()).isEqualTo(360);
        assertThat(video.get("r_frame_rate").asText()).isEqualTo("25/1");
        assertThat(video.get("nb_read_frames").asInt()).isEqualTo(385);
        assertThat(audio.get("codec_name").asText()).isEqualTo("aac");
        double audioSeconds = 737_760 / 48_000.0;
        assertThat(probe.get("format").get("duration").asDouble()).isCloseTo(audioSeconds, within(1 / 25.0));
        assertThat(audio.get("start_time").asDouble()).isCloseTo(0, within(0.001));

        Path again = dir.resolve("out/again.mp4");
        CliTest.Run second = CliTest.cue("render", project.toString(), "--quality", "preview", "--out", again.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("385 frames (0 rendered, 385 reused");
        assertThat(Files.size(again)).isGreaterThan(10_000);
    }

    @Test
    void corruptAudioIsNamedAndLeavesNoFile() throws Exception {
        Path project = SampleCopy.into(dir);
        Files.write(project.resolve("audio/hello.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path out = dir.resolve("bad.mp4");
        CliTest.Run r = CliTest.cue("render", project.toString(), "--quality", "preview", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        Matcher m = Pattern.compile("cannot decode audio .*hello\\.wav: .+").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(out).doesNotExist();
    }
}
