package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run cue(String... args) {
        CommandLine cl = CueCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validatePrintsOkForTheSample() throws Exception {
        Run r = cue("validate", SampleCopy.into(dir).toString());
        assertThat(r.out().strip()).isEqualTo("ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void validateListsEveryProblemWithLineAndColumn() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        String sample = Files.readString(file);
        // Reading finds these: an unknown emotion, and a gesture that is not a gesture id at all.
        Files.writeString(file, sample.replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"")
                .replace("\"gesture\": \"nod\"", "\"gesture\": \"Moon Walk\""));
        Run r = cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(l -> assertThat(l).matches(".*project\\.json:\\d+:\\d+: .*"));
        assertThat(r.out()).contains("\"glee\" is not a valid emotion").contains("\"Moon Walk\" is not a gesture id");
        // A well-formed id the gesture library does not have is found once the file reads.
        Files.writeString(file, sample.replace("\"gesture\": \"nod\"", "\"gesture\": \"moonwalk\""));
        r = cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).matches("(?s).*project\\.json:\\d+:\\d+: .*\"moonwalk\" is not a valid gesture.*");
    }

    @Test
    void validateReportsHostilePathsWithoutTouchingThem() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        Files.writeString(file, Files.readString(file).replace("\"audio/hello.wav\"", "\"../../../../etc/shadow\""));
        Run r = cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("leads outside the project folder");
    }

    @Test
    void validateOfAMissingProjectSaysSo() {
        Run r = cue("validate", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("nope").contains("no such file");
    }

    @Test
    void renderRefusesABrokenProjectWithAClearMessageAndNoStackTrace() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.writeString(p.resolve("project.json"), "{\"type\": \"Project.1\", \"shots\": [}");
        Run r = cue("render", p.toString(), "--out", dir.resolve("x.mp4").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("project.json:1:").contains("invalid JSON").doesNotContain("\tat ");
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void renderOfMissingAudioNamesTheFile() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.delete(p.resolve("audio/hello.wav"));
        Run r = cue("render", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("audio/hello.wav").contains("does not exist");
    }

    @Test
    void unknownShotIsNamed() throws Exception {
        Run r = cue("render", SampleCopy.into(dir).toString(), "--shot", "nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no shot 'nope'").contains("hello");
    }

    @Test
    void badQualityIsExplained() throws Exception {
        Run r = cue("render", SampleCopy.into(dir).toString(), "--quality", "ultra");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown quality 'ultra'");
    }
}
