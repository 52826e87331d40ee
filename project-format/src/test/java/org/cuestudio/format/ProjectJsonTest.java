package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing project JSON, and the messages a person gets for a hand-edited file that went wrong. */
class ProjectJsonTest {
    static final Path FILE = Path.of("project.json");

    static String sample() throws Exception {
        return Files.readString(Golden.ONE_SHOT);
    }

    static Project read(String json) throws ProjectFormatException {
        return ProjectJson.read(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    static List<Problem> problems(String json) {
        try {
            read(json);
        } catch (ProjectFormatException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    /** The line of the first occurrence of {@code text} in {@code json}, from 1. */
    static int lineOf(String json, String text) {
        int at = json.indexOf(text);
        assertThat(at).as("'%s' in the document", text).isNotNegative();
        return (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
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

    @Test
    void cuesAreWrittenOneToALine() throws Exception {
        String text = new String(ProjectJson.write(read(sample())), StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.matches(".*\"[A-Za-z]+Cue\\.\\d+\".*"))).hasSize(13)
                .allSatisfy(l -> assertThat(l).startsWith("          {\"type\": ").matches(".*\\},?"));
    }

    @Test
    void fieldsInAnyOrderReadTheSame() throws Exception {
        String moved = sample().replace("{\"type\": \"GazeCue.2\", \"id\": \"look-away\",",
                "{\"id\": \"look-away\", \"type\": \"GazeCue.2\",");
        assertThat(moved).isNotEqualTo(sample());
        assertThat(read(moved)).isEqualTo(read(sample()));
    }

    /** Each hand-edit mistake gives a message naming what is wrong, where, and a hint that fixes it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown emotion    | \"glee\"           | \"glee\" is not a valid emotion                | use one of: neutral, joy",
        "misspelt emotion   | \"jyo\"            | \"jyo\" is not a valid emotion                 | did you mean \"joy\"?",
        "missing audio      | \"Shot.2\"       | shot 'hello' has no \"audio\"                  | add \"audio\": ",
        "intensity too big  | 1.5              | \"intensity\" is 1.5, outside 0..1             | use a number from 0 to 1",
        "duplicate cue id   | 1199520000       | more than one cue with id 'surprise-oh'      | give each cue of a shot its own id",
        "start as text      | \"soon\"           | \"start\" must be a whole number of ticks      | 705,600,000 per second",
        "start in seconds   | 0.45             | \"start\" must be a whole number of ticks      | if 0.45 is seconds, write 317520000",
        "misspelt field     | \"emotoin\"        | has a field \"emotoin\" that EmotionCue.2 does not have | did you mean \"emotion\"?",
        "bad frame rate     | \"fast\"           | \"fast\" is not a frame rate                   | \"29.97\"",
        "odd resolution     | \"resolution\"   | resolution 1920x1081 is not allowed          | use even sizes",
        "bad id             | \"joy hello\"      | id \"joy hello\" is not valid                  | letters, digits",
        "trailing comma     | },,              | invalid JSON                                 | missing comma, quote or bracket",
        "misspelt lane      | \"emotions\"       | has a lane \"emotions\" that this release does not know | did you mean \"emotion\"?",
        "negative duration  | -5               | \"duration\" is -5, outside 0..              | use a time from 0",
        "metadata number    | \"license\": 42  | metadata \"license\" must be a text             | write numbers and lists as text",
    })
    void handEditMistakesGiveALocatedMessageAndAHint(String kind, String marker, String message, String hint)
            throws Exception {
        String json = switch (kind.trim()) {
            case "unknown emotion" -> sample().replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"");
            case "misspelt emotion" -> sample().replace("\"emotion\": \"joy\"", "\"emotion\": \"jyo\"");
            case "missing audio" -> sample().replace("\"audio\": \"audio/hello.wav\",\n", "");
            case "intensity too big" -> sample().replace("\"intensity\": 0.85", "\"intensity\": 1.5");
            case "duplicate cue id" -> sample().replace("\"id\": \"joy-hello\"", "\"id\": \"surprise-oh\"");
            case "start as text" -> sample().replaceFirst("\"start\": \\d+", "\"start\": \"soon\"");
            case "start in seconds" -> sample().replaceFirst("\"start\": \\d+", "\"start\": 0.45");
            case "misspelt field" -> sample().replace("\"emotion\": \"joy\"", "\"emotoin\": \"joy\"");
            case "bad frame rate" -> sample().replace("\"frameRate\": \"25\"", "\"frameRate\": \"fast\"");
            case "odd resolution" -> sample().replace("\"height\": 1080", "\"height\": 1081");
            case "bad id" -> sample().replace("\"id\": \"joy-hello\"", "\"id\": \"joy hello\"");
            case "trailing comma" -> sample().replace("\"strength\": 1.0}\n        ]\n      },", "\"strength\": 1.0}\n        ]\n      },,");
            case "misspelt lane" -> sample().replace("\"emotion\": [", "\"emotions\": [");
            case "negative duration" -> sample().replaceFirst("\"duration\": \\d+", "\"duration\": -5");
            case "metadata number" -> sample().replace("\"license\": \"CC0-1.0\"", "\"license\": 42");
            default -> throw new IllegalStateException(kind);
        };
        assertThat(json).as("the edit applies").isNotEqualTo(sample());
        List<Problem> problems = problems(json);
        Problem p = problems.stream().filter(q -> q.message().contains(message.trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + message.trim() + "': " + problems));
        assertThat(p.hint()).contains(hint.trim());
        assertThat(p.file()).isEqualTo(FILE);
        // An object-level problem is reported at the object's '{', the line before its type tag.
        int expected = lineOf(json, marker.trim()) - (marker.trim().equals("\"Shot.2\"") ? 1 : 0);
        assertThat(p.line()).as("line of %s", p).isEqualTo(expected);
        assertThat(p.column()).isPositive();
        assertThat(p.toString()).startsWith("project.json:" + p.line() + ":" + p.column() + ": ")
                .contains("; fix: ").doesNotContain("\n");
    }

    @Test
    void theColumnPointsAtTheBadValue() throws Exception {
        String json = sample().replace("\"target\": \"down\"", "\"target\": \"sideways\"");
        Problem p = problems(json).get(0);
        String line = json.lines().toList().get(p.line() - 1);
        assertThat(line.substring(p.column() - 1)).startsWith("\"sideways\"");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws Exception {
        String json = sample().replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"")
                .replace("\"target\": \"down\"", "\"target\": \"sideways\"")
                .replace("\"frameRate\": \"25\"", "\"frameRate\": 25");
        List<Problem> problems = problems(json);
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("\"glee\""))
                .anySatisfy(m -> assertThat(m).contains("\"sideways\""))
                .anySatisfy(m -> assertThat(m).contains("\"frameRate\" must be a text"));
        assertThat(problems).extracting(Problem::line).isSorted();
    }

    @Test
    void aMissingFieldIsReportedAtItsObject() throws Exception {
        String json = sample().replace("\"id\": \"look-down\", \"start\": 5362560000, ", "\"id\": \"look-down\", ");
        Problem p = problems(json).get(0);
        assertThat(p.message()).isEqualTo("gaze cue 'look-down' of shot 'hello' has no \"start\"");
        assertThat(p.line()).isEqualTo(lineOf(json, "look-down"));
        assertThat(json.lines().toList().get(p.line() - 1).substring(p.column() - 1)).startsWith("{\"type\"");
    }

    @Test
    void aFileCutShortSaysSoAndWhere() {
        String json = "{\n  \"type\": \"Project.1\",\n  \"shots\": [";
        Problem p = problems(json).get(0);
        assertThat(p.message()).contains("invalid JSON").contains("ends too early");
        assertThat(p.hint()).contains("project.json.bak");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void deepNestingIsRefusedWithAClearError() {
        String json = "{\"type\":\"Project.1\",\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(problems(json).get(0).message()).contains("nests deeper than 64 levels");
    }

    @Test
    void aDuplicateFieldIsRefused() {
        String json = "{\"type\": \"Project.1\", \"name\": \"a\", \"name\": \"b\"}";
        Problem p = problems(json).get(0);
        assertThat(p.message()).isEqualTo("the project has the field \"name\" twice");
        assertThat(p.hint()).contains("name each field once");
        assertThat(p.column()).isEqualTo(json.lastIndexOf("\"b\"") + 1);
    }

    @Test
    void aRepeatedCueFieldIsRefused() throws Exception {
        String json = sample().replace("\"target\": \"down\"}", "\"target\": \"down\", \"target\": \"up\"}");
        assertThat(problems(json)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("gaze cue 'look-down' of shot 'hello' has the field \"target\" twice"));
    }

    @Test
    void aRepeatedFieldInAnOldObjectIsRefusedToo() {
        String json = "{\"type\": \"Project.0\", \"name\": \"a\", \"name\": \"b\"}";
        assertThat(problems(json).get(0).message()).contains("Duplicate field 'name'");
    }

    @Test
    void hugeCountsAreRefusedAtTheLimit() {
        StringBuilder json = new StringBuilder("{\"type\": \"Project.1\", \"characters\": [");
        for (int i = 0; i <= FormatLimits.MAX_CHARACTERS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\": \"Character.1\", \"id\": \"c").append(i)
                    .append("\", \"sheet\": \"s\"}");
        }
        json.append("]}");
        assertThat(problems(json.toString())).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("more than 1000 entries in \"characters\""));
    }

    @Test
    void aLongStringIsRefusedAtTheLimit() {
        String json = "{\"type\": \"Project.1\", \"name\": \"" + "x".repeat(FormatLimits.MAX_STRING + 1) + "\"}";
        assertThat(problems(json).get(0).message()).contains("longer than the limit of 1048576 characters");
    }

    @Test
    void timesPastTwentyFourHoursAreRefused() throws Exception {
        String json = sample().replaceFirst("\"duration\": \\d+", "\"duration\": " + (FormatLimits.MAX_TICKS + 1));
        assertThat(problems(json).get(0).message()).contains("outside 0.." + FormatLimits.MAX_TICKS);
    }

    @Test
    void aBigNumberIsAProblemNotACrash() throws Exception {
        String json = sample().replaceFirst("\"start\": \\d+", "\"start\": 99999999999999999999999999");
        assertThat(problems(json).get(0).message()).contains("\"start\" must be a whole number of ticks");
    }

    @Test
    void aFloodOfProblemsIsCutOffWithANote() {
        StringBuilder json = new StringBuilder("{\"type\": \"Project.1\", \"characters\": [");
        for (int i = 0; i < 600; i++) json.append(i == 0 ? "" : ",").append("{\"type\": \"Character.1\"}");
        json.append("]}");
        List<Problem> problems = problems(json.toString());
        assertThat(problems).hasSize(FormatLimits.MAX_PROBLEMS + 1);
        assertThat(problems.get(problems.size() - 1).message()).contains("more problems than the 500 listed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|the file is empty", "'[]'|must hold one JSON object, not an array",
        "'\"hi\"'|must hold one JSON object, not a text", "'{}'|the project has no \"type\" text",
        "'{\"type\":\"Project.1\"} x'|invalid JSON", "'{\"type\":\"Project.1\"} {}'|more after the end",
        "'{\"type\":\"Film.1\"}'|this is not a Cue Studio project", "'{\"type\":\"Shot.2\"}'|a Shot cannot be the project",
        "'{\"type\":\"Project\"}'|which is not a type tag"})
    void nonProjectsAreRefused(String json, String expected) {
        assertThat(problems(json)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains(expected));
    }
}
