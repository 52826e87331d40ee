package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.UnknownObject;
import org.junit.jupiter.api.Test;

/**
 * Objects from newer releases: unknown types are kept and written back unchanged in their place; newer versions
 * of known types are refused with a message that says so; misspelt types are errors, not kept.
 */
class UnknownObjectsTest {
    static final Path NEWER = Golden.ROOT.resolve("newer/unknown-objects.json");

    static String newer() throws Exception {
        return Files.readString(NEWER);
    }

    @Test
    void unknownObjectsAreWrittenBackByteForByte() throws Exception {
        Project p = Golden.read(NEWER);
        assertThat(new String(ProjectJson.write(p), StandardCharsets.UTF_8)).isEqualTo(newer());
    }

    @Test
    void unknownObjectsAreKeptWithTheirPlaceAndType() throws Exception {
        Project p = Golden.read(NEWER);
        assertThat(p.unknown()).extracting(UnknownObject::place, UnknownObject::index, UnknownObject::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("characters", 1, "Prop.1"),
                        org.assertj.core.groups.Tuple.tuple("emotionPresets", 1, "PosePreset.1"),
                        org.assertj.core.groups.Tuple.tuple("shots", 0, "Scene.1"));
        Shot s = p.requireShot("s1");
        assertThat(s.unknown()).extracting(UnknownObject::label)
                .containsExactlyInAnyOrder("BlinkCue.1", "lane 'lipsync'", "Storyboard.1", "Crowd.1", "BreathCue.1",
                        "lane 'breath'");
        assertThat(s.unknown()).filteredOn(u -> u.place().startsWith("partners"))
                .extracting(UnknownObject::place, UnknownObject::index, UnknownObject::type)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("partners", 1, "Crowd.1"),
                        org.assertj.core.groups.Tuple.tuple("partners/leo/tracks/gaze", 0, "BreathCue.1"),
                        org.assertj.core.groups.Tuple.tuple("partners/leo/tracks/breath", 4, ""));
        assertThat(s.unknown()).filteredOn(u -> u.type().equals("BlinkCue.1")).singleElement()
                .satisfies(u -> assertThat(u.json()).isEqualTo("{\"type\": \"BlinkCue.1\", \"id\": \"blink-1\", "
                        + "\"start\": 0, \"duration\": 70560000, \"eyes\": \"both\"}"));
    }

    @Test
    void theKnownPartsReadAsWithoutTheUnknownOnes() throws Exception {
        Project p = Golden.read(NEWER);
        Project known = Golden.full();
        assertThat(p.characters()).isEqualTo(known.characters());
        assertThat(p.emotionPresets()).isEqualTo(known.emotionPresets());
        assertThat(p.shots().get(0).tracks()).isEqualTo(known.shots().get(0).tracks());
        assertThat(p.shots().get(0).takes()).isEqualTo(known.shots().get(0).takes());
        assertThat(p.shots().get(0).partners()).isEqualTo(known.shots().get(0).partners());
    }

    @Test
    void editingAProjectKeepsItsUnknownObjects() throws Exception {
        Project p = Golden.read(NEWER);
        Shot s = p.requireShot("s1");
        Shot edited = s.withTrack(new CueTrack(CueLane.GAZE, List.of())).withTakes(s.takes().subList(0, 1));
        Project again = ProjectJson.read(Path.of("x"), ProjectJson.write(p.withShot(edited)));
        assertThat(again.unknown()).isEqualTo(p.unknown());
        assertThat(again.requireShot("s1").unknown()).extracting(UnknownObject::json)
                .containsExactlyInAnyOrderElementsOf(s.unknown().stream().map(UnknownObject::json).toList());
        assertThat(again.requireShot("s1").track(CueLane.GAZE).cues()).isEmpty();
    }

    @Test
    void aNewerVersionOfAKnownTypeIsRefusedSayingSo() {
        assertThatThrownBy(() -> Golden.read(Golden.ROOT.resolve("newer/shot-3.json")))
                .isInstanceOfSatisfying(ProjectFormatException.class, e -> {
                    assertThat(e.fromNewerRelease()).isTrue();
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.message()).contains("shot 's1' is a Shot.3, written by a newer Cue Studio")
                                .contains("will not open the file rather than lose what it cannot understand");
                        assertThat(p.hint()).contains("newer Cue Studio");
                        assertThat(p.line()).isPositive();
                    });
                });
    }

    @Test
    void aNewerProjectIsRefused() {
        assertThatThrownBy(() -> Golden.read(Golden.ROOT.resolve("newer/project-3.json")))
                .isInstanceOfSatisfying(ProjectFormatException.class, e -> {
                    assertThat(e.fromNewerRelease()).isTrue();
                    assertThat(e.getMessage()).contains("the project is a Project.3, written by a newer Cue Studio");
                });
    }

    @Test
    void aMisspeltTypeIsAnErrorNotAnUnknownObject() throws Exception {
        String json = newer().replace("\"type\": \"GazeCue.2\"", "\"type\": \"GaseCue.2\"");
        assertThatThrownBy(() -> ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProjectFormatException.class, e -> {
                    assertThat(e.fromNewerRelease()).isFalse();
                    assertThat(e.problems().get(0).message()).contains("has the unknown type \"GaseCue.2\"");
                    assertThat(e.problems().get(0).hint()).isEqualTo("did you mean \"GazeCue.2\"?");
                });
    }

    @Test
    void aKnownTypeInTheWrongPlaceIsAnError() throws Exception {
        String json = newer().replace("\"type\": \"GazeCue.2\"", "\"type\": \"TimingCue.2\"");
        assertThatThrownBy(() -> ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("a TimingCue cannot be on the gaze lane");
    }

    @Test
    void anUnknownLaneHoldingKnownCuesIsAnError() throws Exception {
        String json = newer().replace("\"type\": \"VisemeCue.1\", \"id\": \"v-1\"", "\"type\": \"EmotionCue.1\", \"id\": \"v-1\"");
        assertThatThrownBy(() -> ProjectJson.read(Path.of("p.json"), json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has a lane \"lipsync\" that this release does not know");
    }

    @Test
    void validatorListsWhatWasKeptWithItsLine() throws Exception {
        Path dir = Files.createTempDirectory("cue-unknown");
        try {
            Path file = Files.writeString(dir.resolve("project.json"), newer());
            LoadedProject lp = ProjectFiles.open(file);
            List<Problem> kept = ProjectValidator.keptFromNewerReleases(lp);
            assertThat(kept).hasSize(9).allSatisfy(k -> assertThat(k.line()).isPositive());
            assertThat(kept).anySatisfy(k -> {
                assertThat(k.message()).contains("BreathCue.1");
                assertThat(k.line()).isEqualTo(ProjectJsonTest.lineOf(newer(), "BreathCue.1"));
            });
            assertThat(kept).anySatisfy(k -> {
                assertThat(k.message()).contains("lane 'breath'");
                assertThat(k.line()).isEqualTo(ProjectJsonTest.lineOf(newer(), "\"breath\""));
            });
            assertThat(kept).anySatisfy(k -> {
                assertThat(k.message()).contains("BlinkCue.1");
                assertThat(k.line()).isEqualTo(ProjectJsonTest.lineOf(newer(), "BlinkCue.1"));
            });
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }
}
