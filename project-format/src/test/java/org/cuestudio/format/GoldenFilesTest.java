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

    @ParameterizedTest(name = "{0}.1")
    @FieldSource("TYPES")
    void eachCurrentTypeReadsAsItsModel(String type) throws Exception {
        assertThat(Golden.read(Golden.typeFile(type, 1))).isEqualTo(Golden.forType(type));
    }

    @ParameterizedTest(name = "{0}.1")
    @FieldSource("TYPES")
    void eachCurrentTypeIsWrittenExactlyAsItsGoldenFile(String type) throws Exception {
        assertThat(Golden.text(Golden.forType(type))).isEqualTo(Files.readString(Golden.typeFile(type, 1)));
    }

    @ParameterizedTest(name = "{0}.0")
    @FieldSource("TYPES")
    void eachFormatZeroTypeReadsAsTheCurrentModelWithoutMetadata(String type) throws Exception {
        Path file = Golden.typeFile(type, 0);
        assertThat(Files.readString(file)).contains("\"type\": \"" + type + ".0\"");
        ProjectJson.Result r = ProjectJson.readResult(file, Files.readAllBytes(file));
        assertThat(r.project()).isEqualTo(withoutMetadata(Golden.forType(type)));
        assertThat(r.upgrades()).anySatisfy(u -> assertThat(u).startsWith(type + ".0 -> " + type + ".1"));
        assertThat(r.oldestVersion()).isZero();
    }

    @Test
    void theFullProjectRoundTripsByteForByte() throws Exception {
        Path file = Golden.ROOT.resolve("projects/full/project.json");
        assertThat(Golden.read(file)).isEqualTo(Golden.full());
        assertThat(ProjectJson.write(Golden.read(file))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void theSampleOfFormatOneAsReleasedReadsAsTheSample() throws Exception {
        Path released = Golden.ROOT.resolve("projects/format-1/project.json");
        ProjectJson.Result r = ProjectJson.readResult(released, Files.readAllBytes(released));
        assertThat(r.upgrades()).isEmpty();
        assertThat(r.project()).isEqualTo(Golden.read(Golden.SAMPLE));
        // The first release indented cues fully; this one writes a cue per line, so the first save reformats.
        assertThat(ProjectJson.write(r.project())).isEqualTo(Files.readAllBytes(Golden.SAMPLE));
    }

    @Test
    void theSampleOfFormatZeroUpgradesToTheSample() throws Exception {
        Path old = Golden.ROOT.resolve("projects/format-0/project.json");
        ProjectJson.Result r = ProjectJson.readResult(old, Files.readAllBytes(old));
        assertThat(r.project()).isEqualTo(withoutMetadata(Golden.read(Golden.SAMPLE)));
        assertThat(r.upgrades()).containsExactly(
                "Project.0 -> Project.1 (1 object): adds \"metadata\"",
                "Character.0 -> Character.1 (1 object): adds \"metadata\"",
                "Shot.0 -> Shot.1 (1 object): \"fps\" number becomes the \"frameRate\" text; \"width\"/\"height\""
                        + " become \"resolution\"; adds \"metadata\"",
                "EmotionCue.0 -> EmotionCue.1 (4 objects): times in seconds become ticks",
                "GestureCue.0 -> GestureCue.1 (5 objects): times in seconds become ticks",
                "GazeCue.0 -> GazeCue.1 (2 objects): times in seconds become ticks",
                "TimingCue.0 -> TimingCue.1 (2 objects): times in seconds become ticks");
    }

    @Test
    void writingAnUnchangedProjectTwiceGivesTheSameBytes() throws Exception {
        byte[] once = ProjectJson.write(Golden.full());
        assertThat(ProjectJson.write(ProjectJson.read(Path.of("x"), once))).isEqualTo(once);
    }

    /** The current model of a format-0 file: format 0 had no metadata anywhere. */
    static Project withoutMetadata(Project p) {
        List<Character> cs = p.characters().stream()
                .map(c -> new Character(c.id(), c.name(), c.sheet(), c.personality(), Map.of())).toList();
        List<Shot> ss = p.shots().stream().map(s -> new Shot(s.id(), s.name(), s.audio(), s.characterId(),
                s.frameRate(), s.resolution(), s.tracks(), s.takes().stream().map(t -> new Take(t.id(), t.name(),
                        t.createdAt(), t.seed(), t.quality(), t.resolution(), t.shotHash(), t.backendId(),
                        t.backendVersion(), t.rating(), t.circled(), t.notes(), t.output(), Map.of())).toList(),
                Map.of())).toList();
        return new Project(p.name(), cs, ss, Map.of());
    }
}
