package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlaybackCommandTest {
    @TempDir
    Path dir;

    @Test
    void rendersTheShotIntoTheCacheOnceAndTimesDecodingItBack() throws Exception {
        Path project = SampleCopy.into(dir);

        CliTest.Run first = CliTest.cue("bench", "playback", "--project", project.toString(), "--frames", "50",
                "--passes", "1", "--json");
        CliTest.Run again = CliTest.cue("bench", "playback", "--project", project.toString(), "--frames", "50",
                "--passes", "2");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"benchmark\": \"playback\"").contains("\"resolution\": \"1920x1080\"")
                .contains("\"frames\": 50").contains("\"segments\": 1").contains("\"frames_rendered_first\": 50")
                .containsPattern("\"fps_best\": \\d+\\.\\d");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("50 frames in 1 segments (0 rendered now, 50 already cached)")
                .contains("best of 2 passes");
    }
}
