package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The golden files: one per type and version, whole sample projects of every released format. Current files read
 * as their models and are written back byte for byte; older ones read as the same models.
 */
class GoldenFilesTest {
    static final List<String> TYPES = Golden.TYPES;

    /** Every older version of every type: "Shot.1", "Shot.0", ... */
    static final List<String> OLDER = TYPES.stream().flatMap(t -> Golden.versions(t).stream()
            .filter(v -> v < Golden.current(t)).map(v -> t + "." + v)).toList();

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void eachCurrentTypeReadsAsItsModel(String type) throws Exception {
        Path file = Golden.typeFile(type, Golden.current(type));
        ProjectJson.Result r = ProjectJson.readResult(file, Files.readAllBytes(file));
        assertThat(r.project()).isEqualTo(Golden.forType(type));
        assertThat(r.upgrades()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void eachCurrentTypeIsWrittenExactlyAsItsGoldenFile(String type) throws Exception {
        assertThat(Golden.text(Golden.forType(type)))
                .isEqualTo(Files.readString(Golden.typeFile(type, Golden.current(type))));
    }

    /** Each older version's file, kept as it was written, upgrades to the model it always meant. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("OLDER")
    void eachOlderVersionUpgradesToTheCurrentModel(String typeAndVersion) throws Exception {
        String type = typeAndVersion.substring(0, typeAndVersion.indexOf('.'));
        int version = Integer.parseInt(typeAndVersion.substring(type.length() + 1));
        Path file = Golden.typeFile(type, version);
        assertThat(Files.readString(file)).contains("\"type\": \"" + typeAndVersion + "\"");
        ProjectJson.Result r = ProjectJson.readResult(file, Files.readAllBytes(file));
        Project expected = Golden.forOlder(type);
        assertThat(r.project()).isEqualTo(version == 0 ? withoutMetadata(expected) : expected);
        for (int v = version; v < Golden.current(type); v++) {
            String step = type + "." + v + " -> " + type + "." + (v + 1);
            assertThat(r.upgrades()).anySatisfy(u -> assertThat(u).startsWith(step));
        }
        assertThat(r.oldestVersion()).isEqualTo(version);
        assertThat(Golden.text(r.project())).as("saved in the current format")
                .doesNotContain("\"" + typeAndVersion + "\"");
    }

    @Test
    void theFullProjectRoundTripsByteForByte() throws Exception {
        Path file = Golden.ROOT.resolve("projects/full/project.json");
        assertThat(Golden.read(file)).isEqualTo(Golden.full());
        assertThat(ProjectJson.write(Golden.read(file))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void theSampleOfFormatOneAsReleasedUpgradesToTheSample() throws Exception {
        Path released = Golden.ROOT.resolve("projects/format-1/project.json");
        ProjectJson.Result r = ProjectJson.readResult(released, Files.readAllBytes(released));
        assertThat(r.upgrades()).containsExactly(
                "Project.1 -> Project.2 (1 object): adds \"emotionPresets\": []",
                "Character.1 -> Character.2 (1 object): adds \"reactionDelay\": 0",
                "Shot.1 -> Shot.2 (1 object): adds \"partners\": []",
                "EmotionCue.1 -> EmotionCue.2 (4 objects): adds \"blend\": {} and \"preset\": \"\" (a single"
                        + " emotion, from no preset)",
                "GestureCue.1 -> GestureCue.2 (5 objects): adds \"snap\": false (the gesture name is now a"
                        + " gesture-library id)",
                "GazeCue.1 -> GazeCue.2 (2 objects): new type tag only (targets \"point\", \"character\","
                        + " \"thinking\" added)",
                "TimingCue.1 -> TimingCue.2 (2 objects): new type tag only (kind \"tempo\" added)");
        assertThat(r.oldestVersion()).isEqualTo(1);
        assertThat(r.project()).isEqualTo(Golden.read(Golden.ONE_SHOT));
        // The first release indented cues fully; this one writes a cue per line, so the first save reformats.
        assertThat(ProjectJson.write(r.project())).isEqualTo(Files.readAllBytes(Golden.ONE_SHOT));
    }

    /**
     * The sample as the previous release wrote it (format 2: partners, before emotion presets and the mouth lane):
     * every upgrade is bound without a tree, and saving changes only the version tags and adds "emotionPresets".
     */
    @Test
    void theSampleOfFormatTwoAsReleasedUpgradesToTheSample() throws Exception {
        Path released = Golden.ROOT.resolve("projects/format-2/project.json");
        byte[] old = Files.readAllBytes(released);
        ProjectJson.Result r = ProjectJson.readResult(released, old);
        assertThat(r.upgrades()).containsExactly(
                "Project.1 -> Project.2 (1 object): adds \"emotionPresets\": []",
                "EmotionCue.1 -> EmotionCue.2 (4 objects): adds \"blend\": {} and \"preset\": \"\" (a single"
                        + " emotion, from no preset)");
        assertThat(r.oldestVersion()).isEqualTo(1);
        assertThat(r.project()).isEqualTo(Golden.read(Golden.ONE_SHOT));
        byte[] saved = ProjectJson.write(r.project());
        assertThat(saved).isEqualTo(Files.readAllBytes(Golden.ONE_SHOT));
        // Shots without mouth cues are written as format 2 wrote them: no "mouth" lane appears.
        String text = new String(saved, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\"mouth\"").doesNotContain("\"blend\"").doesNotContain("\"preset\"");
        assertThat(text.replace("\"EmotionCue.2\"", "\"EmotionCue.1\"").replace("\"Project.2\"", "\"Project.1\"")
                .replace("  \"emotionPresets\": [],\n", "")).isEqualTo(new String(old,
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theSampleOfFormatZeroUpgradesToTheSample() throws Exception {
        Path old = Golden.ROOT.resolve("projects/format-0/project.json");
        ProjectJson.Result r = ProjectJson.readResult(old, Files.readAllBytes(old));
        assertThat(r.project()).isEqualTo(withoutMetadata(Golden.read(Golden.ONE_SHOT)));
        assertThat(r.upgrades()).containsExactly(
                "Project.0 -> Project.1 (1 object): adds \"metadata\"",
                "Project.1 -> Project.2 (1 object): adds \"emotionPresets\": []",
                "Character.0 -> Character.1 (1 object): adds \"metadata\"",
                "Character.1 -> Character.2 (1 object): adds \"reactionDelay\": 0",
                "Shot.0 -> Shot.1 (1 object): \"fps\" number becomes the \"frameRate\" text; \"width\"/\"height\""
                        + " become \"resolution\"; adds \"metadata\"",
                "Shot.1 -> Shot.2 (1 object): adds \"partners\": []",
                "EmotionCue.0 -> EmotionCue.1 (4 objects): times in seconds become ticks",
                "EmotionCue.1 -> EmotionCue.2 (4 objects): adds \"blend\": {} and \"preset\": \"\" (a single"
                        + " emotion, from no preset)",
                "GestureCue.0 -> GestureCue.1 (5 objects): times in seconds become ticks",
                "GestureCue.1 -> GestureCue.2 (5 objects): adds \"snap\": false (the gesture name is now a"
                        + " gesture-library id)",
                "GazeCue.0 -> GazeCue.1 (2 objects): times in seconds become ticks",
                "GazeCue.1 -> GazeCue.2 (2 objects): new type tag only (targets \"point\", \"character\","
                        + " \"thinking\" added)",
                "TimingCue.0 -> TimingCue.1 (2 objects): times in seconds become ticks",
                "TimingCue.1 -> TimingCue.2 (2 objects): new type tag only (kind \"tempo\" added)");
    }

    @Test
    void writingAnUnchangedProjectTwiceGivesTheSameBytes() throws Exception {
        byte[] once = ProjectJson.write(Golden.full());
        assertThat(ProjectJson.write(ProjectJson.read(Path.of("x"), once))).isEqualTo(once);
    }

    /** The current model of a format-0 file: format 0 had no metadata anywhere. */
    static Project withoutMetadata(Project p) {
        List<Character> cs = p.characters().stream()
                .map(c -> new Character(c.id(), c.name(), c.sheet(), c.personality(), c.reactionDelay(), Map.of()))
                .toList();
        List<Shot> ss = p.shots().stream().map(s -> new Shot(s.id(), s.name(), s.audio(), s.characterId(),
                s.frameRate(), s.resolution(), s.tracks(), s.partners(), s.takes().stream().map(t -> new Take(t.id(),
                        t.name(), t.createdAt(), t.seed(), t.quality(), t.resolution(), t.shotHash(), t.backendId(),
                        t.backendVersion(), t.rating(), t.circled(), t.notes(), t.output(), Map.of())).toList(),
                Map.of(), s.unknown())).toList();
        return new Project(p.name(), cs, ss, Map.of());
    }
}
