package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.GestureLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What format 2 added (partners, gesture ids and snapping, gaze at a point, a character or away, tempo marks,
 * reaction delays): the messages a hand-edited file gets, located with a hint, and the checks of
 * {@link ProjectValidator}.
 */
class FormatTwoTest {
    static final Path FULL = Golden.ROOT.resolve("projects/full/project.json");

    @TempDir
    Path dir;

    static String full() throws Exception {
        return Files.readString(FULL);
    }

    static List<Problem> problems(String json) {
        try {
            ProjectJson.read(Path.of("project.json"), json.getBytes(StandardCharsets.UTF_8));
        } catch (ProjectFormatException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    /** Each mistake gives a message naming what is wrong and where, at the line of {@code marker}, and a hint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "partner gesture id   | \"Nod\"                | gesture cue 'leo-nod-1' of partner 'leo' of shot 's1': \"Nod\" is not a gesture id | lower-case words joined by '-'",
        "partner cue id twice | \"id\": \"joy-1\", \"start\": 0 | shot 's1' has more than one cue with id 'joy-1' | partners' share one set",
        "partner bad lane     | \"gestures\"           | partner 'leo' of shot 's1' has a lane \"gestures\" that this release does not know | did you mean \"gesture\"?",
        "partner field        | \"voice\": \"low\"      | partner 'leo' of shot 's1' has a field \"voice\" that Partner.1 does not have | remove it",
        "partner is the shot  | \"character\": \"mira\", \"speaks\" | shot 's1' is performed by 'mira', who cannot also be its partner | name another character",
        "partner twice        | \"character\": \"leo\", \"speaks\": [], | character 'leo' is a partner of shot 's1' twice | merge the two partners",
        "partner no character | \"type\": \"Partner.1\"  | partner #1 of shot 's1' has no \"character\" | add \"character\"",
        "segments overlap     | 3000000000           | partner 'leo' of shot 's1': speaker segment #2 starts at 3000000000 (4.252 s), before the segment before it ends at 3175200000 (4.5 s) | start this one at 3175200000 or later",
        "segment no duration  | \"start\": 4233600000}  | speaker segment #2 has no \"duration\" | add \"duration\"",
        "segment in seconds   | 3.5                  | speaker segment #1: \"start\" must be a whole number of ticks | if 3.5 is seconds, write 2469600000",
        "point without target | \"look-1\"             | gaze cue 'look-1' of shot 's1' has a \"point\" but its target is \"up-left\" | set \"target\": \"point\"",
        "point missing        | \"look-point\"         | gaze cue 'look-point' of shot 's1' looks at a point but has no \"point\" | add \"point\"",
        "point out of frame   | 1.5                  | gaze cue 'look-point' of shot 's1' point: \"x\" is 1.5, outside -1..1 | -1 is the left edge",
        "character missing    | \"look-leo\"           | gaze cue 'look-leo' of shot 's1' looks at a character but has no \"character\" | add \"character\"",
        "character not target | \"think-1\"            | gaze cue 'think-1' of shot 's1' has a \"character\" but its target is \"thinking\" | remove \"character\"",
        "unknown target       | \"thinkin\"            | \"thinkin\" is not a valid target | did you mean \"thinking\"?",
        "snap as text         | \"yes\"                | gesture cue 'beat-1' of shot 's1': \"snap\" must be true or false | without quotes",
        "tempo misspelt       | \"tempi\"              | \"tempi\" is not a valid kind | did you mean \"tempo\"?",
        "reaction too slow    | 2822400000           | character 'leo': \"reactionDelay\" is 2822400000 ticks (4 s), longer than the longest reaction delay, 2 s | 176400000 is a quarter of a second",
        "reaction in seconds  | 0.25                 | character 'leo': \"reactionDelay\" must be a whole number of ticks | if 0.25 is seconds, write 176400000",
    })
    void mistakesInWhatFormatTwoAddedAreLocatedWithAHint(String kind, String marker, String message, String hint)
            throws Exception {
        String f = full();
        String json = switch (kind.trim()) {
            case "partner gesture id" -> f.replace("\"gesture\": \"nod\"", "\"gesture\": \"Nod\"");
            case "partner cue id twice" -> f.replace("\"id\": \"ava-smile-1\"", "\"id\": \"joy-1\"");
            case "partner bad lane" -> f.replaceFirst("\"gesture\": \\[\n              \\{\"type\": \"GestureCue.2\", \"id\": \"leo-nod-1\"",
                    "\"gestures\": [\n              {\"type\": \"GestureCue.2\", \"id\": \"leo-nod-1\"");
            case "partner field" -> f.replace("\"character\": \"leo\",\n          \"speaks\"",
                    "\"character\": \"leo\",\n          \"voice\": \"low\",\n          \"speaks\"");
            case "partner is the shot" -> f.replace("\"character\": \"ava\",", "\"character\": \"mira\", \"speaks\": [],")
                    .replace("\"audio\": \"audio/s1-ava.wav\",\n          \"speaks\": [],\n", "");
            case "partner twice" -> f.replace("\"character\": \"ava\",", "\"character\": \"leo\", \"speaks\": [],")
                    .replace("\"audio\": \"audio/s1-ava.wav\",\n          \"speaks\": [],\n", "");
            case "partner no character" -> f.replace("\"type\": \"Partner.1\",\n          \"character\": \"leo\",\n",
                    "\"type\": \"Partner.1\",\n");
            case "segments overlap" -> f.replace("{\"start\": 4233600000,", "{\"start\": 3000000000,");
            case "segment no duration" -> f.replace("{\"start\": 4233600000, \"duration\": 705600000}",
                    "{\"start\": 4233600000}");
            case "segment in seconds" -> f.replace("{\"start\": 2116800000,", "{\"start\": 3.5,");
            case "point without target" -> f.replace("\"target\": \"up-left\"}",
                    "\"target\": \"up-left\", \"point\": {\"x\": 0, \"y\": 0}}");
            case "point missing" -> f.replace(", \"point\": {\"x\": 0.25, \"y\": -0.5}", "");
            case "point out of frame" -> f.replace("{\"x\": 0.25,", "{\"x\": 1.5,");
            case "character missing" -> f.replace("\"target\": \"character\", \"character\": \"leo\"",
                    "\"target\": \"character\"");
            case "character not target" -> f.replace("\"target\": \"thinking\"}",
                    "\"target\": \"thinking\", \"character\": \"leo\"}");
            case "unknown target" -> f.replace("\"target\": \"thinking\"", "\"target\": \"thinkin\"");
            case "snap as text" -> f.replace("\"snap\": true}", "\"snap\": \"yes\"}").replace(
                    "\"id\": \"leo-nod-1\", \"start\": 1411200000, \"duration\": 352800000, \"gesture\": \"nod\","
                            + " \"intensity\": 0.5, \"side\": \"both\", \"snap\": \"yes\"}",
                    "\"id\": \"leo-nod-1\", \"start\": 1411200000, \"duration\": 352800000, \"gesture\": \"nod\","
                            + " \"intensity\": 0.5, \"side\": \"both\", \"snap\": true}");
            case "tempo misspelt" -> f.replace("\"kind\": \"tempo\"", "\"kind\": \"tempi\"");
            case "reaction too slow" -> f.replace("\"reactionDelay\": 176400000", "\"reactionDelay\": 2822400000");
            case "reaction in seconds" -> f.replace("\"reactionDelay\": 176400000", "\"reactionDelay\": 0.25");
            default -> throw new IllegalStateException(kind);
        };
        assertThat(json).as("the edit applies").isNotEqualTo(f);
        String m = message.trim().replace("\\n", "\n");
        List<Problem> problems = problems(json);
        Problem p = problems.stream().filter(q -> q.message().contains(m)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + m + "': " + problems));
        assertThat(p.hint()).contains(hint.trim());
        String mark = marker.trim().replace("\\n", "\n");
        int line = ProjectJsonTest.lineOf(json, mark);
        // Problems with a whole object are reported at its '{': for a partner, the line before its type tag.
        if (mark.startsWith("\"type\": \"Partner.1\"") || kind.trim().equals("partner is the shot")
                || kind.trim().equals("partner twice")) {
            line = lastLineBefore(json, "{", json.indexOf(mark));
        }
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).isPositive();
    }

    private static int lastLineBefore(String json, String what, int before) {
        int at = json.lastIndexOf(what, before);
        return (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aVersionOneGestureKeepsItsNameAsTheLibraryIdAndDoesNotSnap() throws Exception {
        String json = "{\"type\": \"Project.1\", \"shots\": [{\"type\": \"Shot.1\", \"id\": \"s\", \"audio\": \"a.wav\","
                + " \"character\": \"c\", \"frameRate\": \"25\", \"resolution\": {\"width\": 640, \"height\": 360},"
                + " \"tracks\": {\"gesture\": [{\"type\": \"GestureCue.1\", \"id\": \"g\", \"start\": 0, \"duration\":"
                + " 1, \"gesture\": \"lean-back\", \"side\": \"both\"}]}}]}";
        ProjectJson.Result r = ProjectJson.readResult(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8));
        GestureCue g = (GestureCue) r.project().shots().get(0).track(CueLane.GESTURE).cues().get(0);
        assertThat(g.gesture()).isEqualTo("lean-back");
        assertThat(g.snap()).isFalse();
        assertThat(r.project().shots().get(0).partners()).isEmpty();
        assertThat(r.upgrades()).containsExactly("Project.1 -> Project.2 (1 object): adds \"emotionPresets\": []",
                "Shot.1 -> Shot.2 (1 object): adds \"partners\": []",
                "GestureCue.1 -> GestureCue.2 (1 object): adds \"snap\": false (the gesture name is now a"
                        + " gesture-library id)");
    }

    @Test
    void aVersionOneObjectWhoseTypeIsNotFirstUpgradesTheSame() throws Exception {
        String first = Files.readString(Golden.typeFile("GazeCue", 1));
        String later = first.replace("{\"type\": \"GazeCue.1\", \"id\": \"look-1\",", "{\"id\": \"look-1\","
                + " \"type\": \"GazeCue.1\",").replace("\"type\": \"Shot.1\",\n      \"id\": \"s1\",",
                        "\"id\": \"s1\",\n      \"type\": \"Shot.1\",");
        assertThat(later).isNotEqualTo(first);
        ProjectJson.Result a = ProjectJson.readResult(Path.of("a"), first.getBytes(StandardCharsets.UTF_8));
        ProjectJson.Result b = ProjectJson.readResult(Path.of("b"), later.getBytes(StandardCharsets.UTF_8));
        assertThat(b.project()).isEqualTo(a.project());
        assertThat(b.upgrades()).isEqualTo(a.upgrades());
    }

    @Test
    void aProblemInAVersionOneObjectKeepsItsExactPosition() throws Exception {
        String json = Files.readString(Golden.typeFile("TimingCue", 1)).replace("\"strength\": 0.6", "\"strength\": 2");
        Problem p = problems(json).get(0);
        assertThat(p.message()).contains("\"strength\" is 2, outside 0..1");
        String line = json.lines().toList().get(p.line() - 1);
        assertThat(line.substring(p.column() - 1)).startsWith("2}");
    }

    // ---------------------------------------------------------------- the validator

    private LoadedProject folder(String json) throws Exception {
        for (String d : List.of("characters/mira", "characters/leo", "audio")) Files.createDirectories(dir.resolve(d));
        Files.writeString(dir.resolve("characters/ava.zip"), "zip");
        Files.writeString(dir.resolve("audio/s1.wav"), "wav");
        Files.writeString(dir.resolve("audio/s1-ava.wav"), "wav");
        Files.writeString(dir.resolve("project.json"), json);
        return ProjectFiles.open(dir);
    }

    static GestureLibrary gestures() {
        return GestureLibraryReaderTest.library();
    }

    @Test
    void theFullGoldenProjectIsValidWhenItsFilesExist() throws Exception {
        assertThat(ProjectValidator.validate(folder(full()), gestures())).isEmpty();
    }

    @Test
    void partnersAndLooksAtCharactersAreChecked() throws Exception {
        String json = full().replace("\"id\": \"look-leo\", \"start\": 1411200000, \"duration\": 705600000,"
                + " \"target\": \"character\", \"character\": \"leo\"", "\"id\": \"look-leo\", \"start\": 1411200000,"
                + " \"duration\": 705600000, \"target\": \"character\", \"character\": \"kai\"")
                .replace("\"character\": \"ava\",", "\"character\": \"zoe\",")
                .replace("\"audio\": \"audio/s1-ava.wav\"", "\"audio\": \"audio/zoe.wav\"")
                .replace("\"target\": \"character\", \"character\": \"mira\"}",
                        "\"target\": \"character\", \"character\": \"leo\"}")

                .replace("\"gesture\": \"nod\"", "\"gesture\": \"nodd\"");
        List<Problem> problems = ProjectValidator.validate(folder(json), gestures());
        assertThat(problems).extracting(q -> q.message().replaceAll(" \\(looked for .*\\)$", ""))
                .containsExactlyInAnyOrder(
                "gaze cue 'look-leo' of shot 's1' looks at character 'kai', who is not in shot 's1'",
                "gesture cue 'leo-nod-1' of partner 'leo' of shot 's1': \"nodd\" is not a valid gesture: the gesture"
                        + " library " + gestures().source() + " has no such gesture",
                "gaze cue 'leo-look-1' of partner 'leo' of shot 's1' looks at 'leo', the character who performs it",
                "partner 'zoe' of shot 's1' is character 'zoe', which the project does not have",
                "partner 'zoe' of shot 's1' audio 'audio/zoe.wav' does not exist");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(problems).filteredOn(p -> p.message().contains("'kai'")).singleElement().satisfies(p -> {
            assertThat(p.hint()).contains("'leo'").contains("'zoe'");
            assertThat(json.lines().toList().get(p.line() - 1).substring(p.column() - 1)).startsWith("\"character\": \"kai\"");
        });
        assertThat(problems).filteredOn(p -> p.message().contains("nodd")).singleElement().satisfies(p -> {
            assertThat(p.hint()).contains("did you mean \"nod\"?");
            assertThat(json.lines().toList().get(p.line() - 1).substring(p.column() - 1)).startsWith("\"gesture\": \"nodd\"");
        });
        assertThat(problems).filteredOn(p -> p.message().contains("audio/zoe.wav")).singleElement().satisfies(p ->
                assertThat(json.lines().toList().get(p.line() - 1).substring(p.column() - 1))
                        .startsWith("\"audio\": \"audio/zoe.wav\""));
    }

    @Test
    void aPartnerAudioOutsideTheFolderIsRefused() throws Exception {
        String json = full().replace("\"audio\": \"audio/s1-ava.wav\"", "\"audio\": \"../ava.wav\"");
        assertThat(ProjectValidator.validate(folder(json), gestures())).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("partner 'ava' of shot 's1' audio: ");
            assertThat(p.hint()).contains("inside the project folder");
        });
    }

    @Test
    void unknownObjectsOfAPartnerStayWithItsCharacterWhenPartnersAreEdited() throws Exception {
        Project p = Golden.read(UnknownObjectsTest.NEWER);
        Shot s = p.requireShot("s1");
        // Ava first, Leo second: Leo's unknown cue and lane follow Leo.
        Shot swapped = s.withPartners(List.of(s.partners().get(1), s.partners().get(0)));
        String text = new String(ProjectJson.write(p.withShot(swapped)), StandardCharsets.UTF_8);
        Project again = ProjectJson.read(Path.of("x"), text.getBytes(StandardCharsets.UTF_8));
        assertThat(again.requireShot("s1").partners()).isEqualTo(swapped.partners());
        assertThat(again.requireShot("s1").unknown()).containsExactlyInAnyOrderElementsOf(s.unknown());
        int leo = text.indexOf("\"character\": \"leo\",\n");
        assertThat(leo).isGreaterThan(text.indexOf("\"character\": \"ava\",\n"));
        assertThat(text.indexOf("leo-breath-1")).isGreaterThan(leo);
        assertThat(text.indexOf("\"breath\": [")).isGreaterThan(leo);
    }
}
