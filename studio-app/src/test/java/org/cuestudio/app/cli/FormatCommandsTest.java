package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue validate}, {@code cue upgrade} and {@code cue bench format}, as a user runs them. */
class FormatCommandsTest {
    @TempDir
    Path dir;

    static Path formatZero() {
        return SampleCopy.repoRoot().resolve("project-format/src/test/resources/golden/projects/format-0/project.json");
    }

    @Test
    void validateGivesEachProblemWithFileLineColumnAndAFixHint() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        Files.writeString(file, Files.readString(file).replace("\"emotion\": \"joy\"", "\"emotion\": \"jyo\"")
                .replace("\"intensity\": 0.85", "\"intensity\": 85")
                .replace("\"frameRate\": \"25\"", "\"frameRate\": \"25 fps\""));
        CliTest.Run r = CliTest.cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(8).allSatisfy(l -> assertThat(l)
                .matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .+; fix: .+"));
        assertThat(r.out()).contains("\"jyo\" is not a valid emotion; fix: did you mean \"joy\"?")
                .contains("\"intensity\" is 85, outside 0..1; fix: use a number from 0 to 1")
                .contains("\"25 fps\" is not a frame rate");
    }

    @Test
    void validateAlsoReportsMissingMediaAtItsLine() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.delete(p.resolve("audio/hello.wav"));
        CliTest.Run r = CliTest.cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("project\\.json:\\d+:\\d+: shot 'hello' audio 'audio/hello.wav' does not"
                + " exist .*; fix: put the file there");
    }

    @Test
    void validateIgnoresTheAutosaveSideFileAndTheBackup() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.writeString(p.resolve("project.json.autosave"), "{ damaged");
        Files.writeString(p.resolve("project.json.bak"), "{ damaged");
        CliTest.Run r = CliTest.cue("validate", p.toString());
        assertThat(r.out().strip()).isEqualTo("ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void validateSaysAnOlderFileCanBeUpgraded() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.copy(formatZero(), p.resolve("project.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliTest.Run r = CliTest.cue("validate", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("ok").contains("'cue upgrade " + p + "' rewrites it in the current format");
    }

    @Test
    void upgradeRewritesAnOlderProjectAndSaysWhatItDid() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.copy(formatZero(), p.resolve("project.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliTest.Run r = CliTest.cue("upgrade", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("upgraded " + p.resolve("project.json"))
                .contains("Shot.0 -> Shot.1 (1 object)").contains("the original is kept as "
                        + p.resolve("project.json.v0.bak"));
        assertThat(Files.readAllBytes(p.resolve("project.json.v0.bak"))).isEqualTo(Files.readAllBytes(formatZero()));
        assertThat(CliTest.cue("validate", p.toString()).out().strip()).isEqualTo("ok");
        assertThat(CliTest.cue("upgrade", p.toString()).out()).contains("already in the current format");
    }

    @Test
    void upgradeRefusesAProjectFromANewerRelease() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        String newer = Files.readString(file).replace("\"Shot.2\"", "\"Shot.3\"");
        Files.writeString(file, newer);
        CliTest.Run r = CliTest.cue("upgrade", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("written by a newer Cue Studio; upgrade Cue Studio to open it")
                .contains("Shot.3").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo(newer);
        try (var files = Files.list(p)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".bak"));
        }
    }

    @Test
    void benchFormatReportsItsFiguresAsJson() throws Exception {
        CliTest.Run r = CliTest.cue("bench", "format", "--shots", "2", "--cues", "50", "--rounds", "2", "--json",
                "--dir", dir.toString());
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("benchmark").asText()).isEqualTo("format");
        assertThat(j.get("cues").asLong()).isEqualTo(100);
        assertThat(j.get("saveMillis")).hasSize(2);
        assertThat(j.get("openMillis")).hasSize(2);
        assertThat(j.get("fileBytes").asLong()).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files).as("the scratch project is removed").isEmpty();
        }
    }
}
