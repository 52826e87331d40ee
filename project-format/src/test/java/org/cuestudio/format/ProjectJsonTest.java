package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectJsonTest {
    static final Path SAMPLE = Path.of(System.getProperty("cue.repo.root", "..")).resolve("assets/samples/hello/project.json");
    static final Path FILE = Path.of("project.json");

    static String sample() throws Exception {
        return Files.readString(SAMPLE);
    }

    static Project read(String json) throws ProjectFormatException {
        return ProjectJson.read(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSampleProject() throws Exception {
        Project p = read(sample());
        assertThat(p.name()).isEqualTo("Hello");
        assertThat(p.requireShot("hello").track(CueLane.EMOTION).cues()).hasSize(4);
        assertThat(p.requireShot("hello").allCues()).hasSize(13);
    }

    @Test
    void writingThenReadingGivesTheSameProjectAndTheSameBytes() throws Exception {
        Project p = read(sample());
        byte[] once = ProjectJson.write(p);
        Project again = ProjectJson.read(FILE, once);
        assertThat(again).isEqualTo(p);
        assertThat(ProjectJson.write(again)).isEqualTo(once);
    }

    @Test
    void theSampleIsStoredInTheCanonicalForm() throws Exception {
        assertThat(new String(ProjectJson.write(read(sample())), StandardCharsets.UTF_8)).isEqualTo(sample());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated           | 2 | invalid JSON",
        "unknown emotion     | 0 | \"glee\" is not a valid emotion",
        "newer version       | 0 | written by a newer Cue Studio",
        "missing audio       | 0 | is missing \"audio\"",
        "negative intensity  | 0 | intensity must be in [0,1]",
        "duplicate cue id    | 0 | more than one cue has id",
        "wrong type          | 0 | must be a whole number",
    })
    void malformedFilesGiveALocatedMessage(String kind, int expectedLine, String expected) throws Exception {
        String json = switch (kind.trim()) {
            case "truncated" -> "{\n  \"type\": \"Project.1\",\n  \"shots\": [";
            case "unknown emotion" -> sample().replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"");
            case "newer version" -> sample().replace("\"Shot.1\"", "\"Shot.7\"");
            case "missing audio" -> sample().replace("\"audio\": \"audio/hello.wav\",", "");
            case "negative intensity" -> sample().replace("\"intensity\": 0.85", "\"intensity\": -2");
            case "duplicate cue id" -> sample().replace("\"id\": \"joy-hello\"", "\"id\": \"surprise-oh\"");
            case "wrong type" -> sample().replaceFirst("\"start\": \\d+", "\"start\": \"soon\"");
            default -> throw new IllegalStateException(kind);
        };
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ProjectFormatException.class, e -> {
            assertThat(e.getMessage()).contains(expected);
            Problem first = e.problems().get(0);
            assertThat(first.file()).isEqualTo(FILE);
            assertThat(first.line()).isGreaterThan(0);
            if (expectedLine > 0) assertThat(first.line()).isEqualTo(expectedLine + 1);
            assertThat(first.toString()).startsWith("project.json:" + first.line() + ":" + first.column() + ": ");
        });
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        String json = sample().replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"")
                .replace("\"target\": \"down\"", "\"target\": \"sideways\"");
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ProjectFormatException.class,
                e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void deepNestingIsRefusedWithAClearError() {
        String json = "{\"type\":\"Project.1\",\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> read(json)).isInstanceOf(ProjectFormatException.class).hasMessageContaining("nesting");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|empty", "'[]'|must be a JSON object", "'\"hi\"'|must be a JSON object",
            "'{}'|no \"type\" tag", "'{\"type\":\"Project.1\"} x'|invalid JSON"})
    void nonProjectsAreRefused(String json, String expected) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(ProjectFormatException.class).hasMessageContaining(expected);
    }
}
