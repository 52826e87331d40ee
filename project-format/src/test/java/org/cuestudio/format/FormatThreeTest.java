package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What format 3 added (the mouth lane, mixed feelings, the project's emotion presets): the messages a hand-edited
 * file gets, located with a hint; the canonical form (an empty mouth lane, an empty blend and no preset are not
 * written); and the validator's notes on cues naming a preset the project does not have.
 */
class FormatThreeTest {
    @TempDir
    Path dir;

    static String full() throws Exception {
        return FormatTwoTest.full();
    }

    /** Each mistake gives a message naming what is wrong, at the line of {@code marker} (+ offset), and a hint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mouth lower case      | \"shape\": \"a\"           | 0  | mouth cue 'mouth-1' of shot 's1': \"a\" is not a mouth shape | write it as the upper-case letter \"A\"",
        "mouth unknown shape   | \"shape\": \"I\"           | 0  | mouth cue 'mouth-1' of shot 's1': \"I\" is not a mouth shape | X (rest)",
        "mouth shape a number  | \"shape\": 1             | 0  | mouth cue 'mouth-1' of shot 's1': \"shape\" must be a letter in quotes, not a number | one of A-H, or X for rest",
        "mouth no shape        | \"id\": \"mouth-2\"        | 0  | mouth cue 'mouth-2' of shot 's1' has no \"shape\" | one of A, B, C, D, E, F, G, H, X",
        "mouth misspelt lane   | \"mouths\"               | 0  | shot 's1' has a lane \"mouths\" that this release does not know | did you mean \"mouth\"?",
        "mouth type misspelt   | MouthShapeCeu.1        | 0  | has the unknown type \"MouthShapeCeu.1\" | did you mean \"MouthShapeCue.1\"?",
        "mouth on gesture lane | \"id\": \"mouth-1\"        | 0  | a MouthShapeCue cannot be on the gesture lane | move it",
        "blend neutral         | \"neutral\": 0.6         | 0  | emotion cue 'bitter-1' of shot 's1': \"neutral\" cannot be blended in | lower the \"intensity\"",
        "blend main emotion    | \"joy\": 0.6             | 0  | emotion cue 'bitter-1' of shot 's1': \"joy\" cannot be blended in: it is the main emotion | raise its intensity",
        "blend weight zero     | \"sadness\": 0}          | 0  | emotion cue 'bitter-1' of shot 's1': the weight of \"sadness\" is 0; blend weights are numbers above 0 up to 1 | leave an emotion out rather than weigh it 0",
        "blend weight too big  | \"sadness\": 1.5         | 0  | the weight of \"sadness\" is 1.5; blend weights are numbers above 0 up to 1 | e.g. \"sadness\": 0.4",
        "blend weight as text  | \"sadness\": \"0.6\"       | 0  | the weight of \"sadness\" is a text; blend weights are numbers | e.g. \"sadness\": 0.4",
        "blend misspelt        | \"sadnes\": 0.6          | 0  | \"sadnes\" is not an emotion that can be blended in | did you mean \"sadness\"?",
        "blend not an object   | \"blend\": [\"sadness\"]   | 0  | emotion cue 'bitter-1' of shot 's1': \"blend\" must be an object of emotions and weights, not an array | \"blend\": {\"sadness\": 0.6}",
        "blend twice           | \"sadness\": 0.5         | 0  | emotion cue 'bitter-1' of shot 's1' has the field \"sadness\" twice | remove or rename the repeated one",
        "partner blend neutral | \"neutral\": 0.6         | 0  | emotion cue 'leo-bitter-1' of partner 'leo' of shot 's1': \"neutral\" cannot be blended in | lower the \"intensity\"",
        "cue preset not an id  | \"bitter sweet\"         | 0  | emotion cue 'bitter-1' of shot 's1': \"bitter sweet\" is not a preset id | \"emotionPresets\"",
        "preset twice          | \"id\": \"bittersweet\",\\n      \"label\": \"Uneasy\" | 0 | there is more than one emotion preset with id 'bittersweet' | give each preset its own id",
        "preset no label       | \"id\": \"uneasy\"         | -2 | emotion preset 'uneasy' has no \"label\" | add \"label\"",
        "preset field misspelt | \"blnd\"                 | 0  | emotion preset 'uneasy' has a field \"blnd\" that a preset does not have | did you mean \"blend\"?",
        "preset blends main    | \"fear\": 0.3            | 0  | emotion preset 'uneasy': \"fear\" cannot be blended in: it is the main emotion | other emotions",
        "preset emotion typo   | \"feer\"                 | 0  | emotion preset 'uneasy': \"feer\" is not an emotion | did you mean \"fear\"?",
        "preset id not an id   | \"Uneasy\",              | 0  | emotion preset: the id \"Uneasy\" is not a preset id | lower-case words joined by '-'",
        "preset not an object  | \"emotionPresets\": [1   | 0  | the project: entry #1 of \"emotionPresets\" is a number, not an object | {\"type\": \"EmotionPreset.1\"",
    })
    void mistakesInWhatFormatThreeAddedAreLocatedWithAHint(String kind, String marker, int offset, String message,
            String hint) throws Exception {
        String f = full();
        String bitter = "\"blend\": {\"sadness\": 0.6}, \"preset\": \"bittersweet\"";
        String json = switch (kind.trim()) {
            case "mouth lower case" -> f.replace("\"shape\": \"A\"", "\"shape\": \"a\"");
            case "mouth unknown shape" -> f.replace("\"shape\": \"A\"", "\"shape\": \"I\"");
            case "mouth shape a number" -> f.replace("\"shape\": \"A\"", "\"shape\": 1");
            case "mouth no shape" -> f.replace(", \"shape\": \"X\"", "");
            case "mouth misspelt lane" -> f.replaceFirst("\"mouth\": \\[", "\"mouths\": [");
            case "mouth type misspelt" -> f.replace("\"MouthShapeCue.1\", \"id\": \"mouth-1\"",
                    "\"MouthShapeCeu.1\", \"id\": \"mouth-1\"");
            case "mouth on gesture lane" -> f.replace("\"gesture\": [\n", "\"gesture\": [\n          {\"type\":"
                    + " \"MouthShapeCue.1\", \"id\": \"mouth-1\", \"start\": 0, \"duration\": 1, \"shape\": \"A\"},\n")
                    .replace("{\"type\": \"MouthShapeCue.1\", \"id\": \"mouth-1\", \"start\": 1058400000, \"duration\":"
                            + " 56448000, \"shape\": \"A\"},\n          ", "");
            case "blend neutral" -> first(f, bitter, bitter.replace("sadness", "neutral"));
            case "blend main emotion" -> first(f, bitter, bitter.replace("sadness", "joy"));
            case "blend weight zero" -> first(f, bitter, bitter.replace("0.6", "0"));
            case "blend weight too big" -> first(f, bitter, bitter.replace("0.6", "1.5"));
            case "blend weight as text" -> first(f, bitter, bitter.replace("0.6", "\"0.6\""));
            case "blend misspelt" -> first(f, bitter, bitter.replace("sadness", "sadnes"));
            case "blend not an object" -> first(f, bitter, bitter.replace("{\"sadness\": 0.6}", "[\"sadness\"]"));
            case "blend twice" -> first(f, bitter, bitter.replace("0.6}", "0.6, \"sadness\": 0.5}"));
            case "partner blend neutral" -> f.replace("\"easeOut\": 0, " + bitter, "\"easeOut\": 0, "
                    + bitter.replace("sadness", "neutral"));
            case "cue preset not an id" -> first(f, bitter, bitter.replace("\"bittersweet\"",
                    "\"bitter sweet\""));
            case "preset twice" -> f.replace("\"id\": \"uneasy\",", "\"id\": \"bittersweet\",");
            case "preset no label" -> f.replace("\"label\": \"Uneasy\",\n      ", "");
            case "preset field misspelt" -> f.replace("\"blend\": {\n        \"surprise\"",
                    "\"blnd\": {\n        \"surprise\"");
            case "preset blends main" -> f.replace("\"surprise\": 0.3", "\"fear\": 0.3");
            case "preset emotion typo" -> f.replace("\"emotion\": \"fear\",\n      \"blend\"",
                    "\"emotion\": \"feer\",\n      \"blend\"");
            case "preset id not an id" -> f.replace("\"id\": \"uneasy\",", "\"id\": \"Uneasy\",");
            case "preset not an object" -> f.replace("\"emotionPresets\": [\n", "\"emotionPresets\": [1, ");
            default -> throw new IllegalStateException(kind);
        };
        assertThat(json).as("the edit applies").isNotEqualTo(f);
        String m = message.trim();
        List<Problem> problems = FormatTwoTest.problems(json);
        Problem p = problems.stream().filter(q -> q.message().contains(m)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + m + "': " + problems));
        assertThat(p.hint()).contains(hint.trim());
        int line = ProjectJsonTest.lineOf(json, marker.trim().replace("\\n", "\n")) + offset;
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).isPositive();
    }

    /** The text with the first occurrence of {@code what} replaced (literally). */
    private static String first(String text, String what, String with) {
        int at = text.indexOf(what);
        return at < 0 ? text : text.substring(0, at) + with + text.substring(at + what.length());
    }

    @Test
    void aMouthShapeIsRefusedInAnyOtherCaseOrLetter() throws Exception {
        for (String shape : List.of("a", "x", "I", "AA", "", " A", "rest")) {
            String json = full().replace("\"shape\": \"A\"", "\"shape\": \"" + shape + "\"");
            assertThat(FuzzTestSupport.refused(json)).as(shape).isTrue();
        }
        for (MouthShape s : MouthShape.values()) {
            Project p = Golden.read(FormatTwoTest.FULL);
            String json = full().replace("\"shape\": \"A\"", "\"shape\": \"" + s.name() + "\"");
            Project q = ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8));
            assertThat(((MouthShapeCue) q.shots().get(0).track(CueLane.MOUTH).cues().get(0)).shape()).isEqualTo(s);
            assertThat(p).isNotNull();
        }
    }

    /** A format-2 file (Shot.2 and Partner.1, which did not change) may hold a mouth lane: it is read as one. */
    @Test
    void aMouthLaneInAFormatTwoProjectIsRead() throws Exception {
        String json = "{\"type\": \"Project.1\", \"shots\": [{\"type\": \"Shot.2\", \"id\": \"s\", \"audio\":"
                + " \"a.wav\", \"character\": \"c\", \"frameRate\": \"25\", \"resolution\": {\"width\": 640,"
                + " \"height\": 360}, \"tracks\": {\"mouth\": [{\"type\": \"MouthShapeCue.1\", \"id\": \"m\","
                + " \"start\": 0, \"duration\": 56448000, \"shape\": \"E\"}]}}]}";
        Project p = ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(p.shots().get(0).track(CueLane.MOUTH).cues()).singleElement()
                .isEqualTo(new MouthShapeCue("m", new org.cuestudio.core.time.TimeRange(0, 56_448_000L),
                        MouthShape.E));
    }

    /** An empty mouth lane, blend and preset are not written; an empty lane is read as well as a missing one. */
    @Test
    void emptyAdditionsAreNotWritten() throws Exception {
        String sample = Files.readString(Golden.SAMPLE);
        assertThat(sample).doesNotContain("\"mouth\"").doesNotContain("\"blend\"").doesNotContain("\"preset\"");
        String explicit = sample.replace("\"timing\": [", "\"mouth\": [],\n        \"timing\": [")
                .replace("\"easeOut\": 352800000}", "\"easeOut\": 352800000, \"blend\": {}, \"preset\": \"\"}");
        assertThat(explicit).isNotEqualTo(sample);
        Project p = ProjectJson.read(Path.of("p.json"), explicit.getBytes(StandardCharsets.UTF_8));
        assertThat(p).isEqualTo(Golden.read(Golden.SAMPLE));
        assertThat(new String(ProjectJson.write(p), StandardCharsets.UTF_8)).isEqualTo(sample);
    }

    /** A mouth lane holding only objects of a newer release is written back, though it has no mouth cue. */
    @Test
    void aMouthLaneOfUnknownObjectsIsKept() throws Exception {
        String sample = Files.readString(Golden.SAMPLE);
        String json = sample.replaceFirst("\"timing\": \\[\n", "\"mouth\": [\n          {\"type\": \"VisemeCue.1\","
                + " \"id\": \"v-1\", \"start\": 0, \"duration\": 1}\n        ],\n        \"timing\": [\n");
        assertThat(json).isNotEqualTo(sample);
        Project p = ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(p.shots().get(0).track(CueLane.MOUTH).cues()).isEmpty();
        String again = new String(ProjectJson.write(p), StandardCharsets.UTF_8);
        assertThat(again).contains("{\"type\": \"VisemeCue.1\", \"id\": \"v-1\", \"start\": 0, \"duration\": 1}");
        assertThat(ProjectJson.read(Path.of("p.json"), again.getBytes(StandardCharsets.UTF_8))).isEqualTo(p);
    }

    @Test
    void aCueNamingAPresetTheProjectLacksIsANoteNotAProblem() throws Exception {
        String json = full().replaceFirst("\"preset\": \"bittersweet\"", "\"preset\": \"bitersweet\"");
        Files.writeString(dir.resolve("project.json"), json);
        LoadedProject lp = ProjectFiles.open(dir);
        assertThat(ProjectValidator.notes(lp, List.of())).singleElement().satisfies(n -> {
            assertThat(n.message()).isEqualTo("emotion cue 'bitter-1' of shot 's1' was made from preset 'bitersweet',"
                    + " which the project does not have; the cue keeps its own mix and renders the same");
            assertThat(n.hint()).contains("did you mean \"bittersweet\"?");
            assertThat(json.lines().toList().get(n.line() - 1).substring(n.column() - 1))
                    .startsWith("\"preset\": \"bitersweet\"");
        });
        // A shipped starter preset is a preset too.
        EmotionPreset shipped = new EmotionPreset("bitersweet", "Shipped", Emotion.JOY, Map.of(Emotion.SADNESS, 0.6));
        assertThat(ProjectValidator.notes(lp, List.of(shipped))).isEmpty();
        // A partner's cue is found and located as well.
        Project p = lp.project();
        assertThat(ProjectValidator.notes(ProjectFiles.open(dir), List.of())).hasSize(1);
        Shot s = p.shots().get(0);
        assertThat(s.partners().get(0).track(CueLane.EMOTION).cues()).hasSize(1);
    }

    @Test
    void theShippedPresetsAreBoundByTheSameRulesAndAnUnknownFieldIsReported() throws Exception {
        Path f = dir.resolve("presets.json");
        Files.writeString(f, """
                {"type": "EmotionPresets.1", "presets": [
                  {"id": "smug", "label": "Smug", "emotion": "contempt", "blnd": {"joy": 0.4}},
                  {"id": "sly", "label": "Sly", "emotion": "joy", "blend": {"neutral": 0.2}}
                ]}
                """);
        assertThatThrownBy(() -> EmotionPresetsReader.read(f)).isInstanceOfSatisfying(ProjectFormatException.class,
                e -> {
                    assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3);
                    assertThat(e.problems().get(0).message()).contains("has a field \"blnd\"");
                    assertThat(e.problems().get(0).hint()).contains("did you mean \"blend\"?");
                    assertThat(e.problems().get(1).message()).isEqualTo("preset 'sly': \"neutral\" cannot be"
                            + " blended in");
                });
    }
}
