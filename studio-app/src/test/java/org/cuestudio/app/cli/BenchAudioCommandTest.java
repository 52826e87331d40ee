package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.Prosody;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A smoke test of the audio benchmark on a short file; the benchmark's figures are not checked here. */
class BenchAudioCommandTest {
    @Test
    void reportsStageTimesAsJsonForAShortFile() throws Exception {
        CommandLine cl = new CommandLine(new BenchCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("audio", "--json", "--minutes", "0.25", "--warmup", "0");
        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("benchmark").asText()).isEqualTo("audio");
        assertThat(r.get("frames").asInt()).isEqualTo(375);
        assertThat(r.get("accents").asInt()).isGreaterThan(20);
        assertThat(r.get("phrases").asInt()).isGreaterThan(2);
        assertThat(r.get("totalMs").asDouble()).isPositive();
    }

    @Test
    void synthesisedSpeechHasPhrasesSyllablesAndPitch() {
        AudioClip clip = new AudioClip(16_000, BenchAudioCommand.speechLike(16_000, 30, 1));
        Prosody p = AudioFeatures.analyse(clip, FrameRate.FPS_25).prosody();
        assertThat(p.phrases()).hasSizeBetween(5, 15);
        assertThat(p.accents()).hasSizeGreaterThan(60);
        assertThat(p.medianHz()).isBetween(100f, 260f);
    }
}
