package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.app.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    @TempDir
    Path dir;

    @Test
    void makesAProjectThatValidatesFromTheSamplesRecordingAndCharacter() throws Exception {
        Path sample = SampleCopy.into(dir.resolve("sample"));
        Path folder = dir.resolve("my-first");
        Run r = CliTest.cue("new", folder.toString(), "--audio", sample.resolve("audio/hello.wav").toString(),
                "--character", sample.resolve("characters/otto").toString(), "--fps", "24", "--name", "First");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("character otto (Otto)").contains("shot hello").contains("24 fps");
        Run v = CliTest.cue("validate", folder.toString());
        assertThat(v.out().strip()).as(v.out() + v.err()).isEqualTo("ok");
    }

    @Test
    void badArgumentsSayWhatIsWrong() throws Exception {
        Path sample = SampleCopy.into(dir.resolve("sample"));
        Run fps = CliTest.cue("new", dir.resolve("a").toString(), "--audio", sample.resolve("audio/hello.wav").toString(),
                "--character", sample.resolve("characters/otto").toString(), "--fps", "fast");
        assertThat(fps.code()).isEqualTo(2);
        assertThat(fps.err()).contains("not a frame rate");
        Run busy = CliTest.cue("new", sample.toString(), "--audio", sample.resolve("audio/hello.wav").toString(),
                "--character", sample.resolve("characters/otto").toString());
        assertThat(busy.code()).isEqualTo(1);
        assertThat(busy.err()).contains("was not made").contains("already holds files");
    }
}
