package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The upgrade registry, the format-0 upgrades, and {@code cue upgrade}. */
class UpgradesTest {
    @TempDir
    Path dir;

    @Test
    void everyTypeHasAnUnbrokenChainFromItsOldestToItsCurrentVersion() {
        assertThat(Upgrades.OLDEST.keySet()).isEqualTo(Upgrades.CURRENT.keySet());
        for (String type : Upgrades.CURRENT.keySet()) {
            for (int v = Upgrades.OLDEST.get(type); v < Upgrades.CURRENT.get(type); v++) {
                assertThat(Upgrades.step(type, v)).as("upgrade of %s.%d", type, v).isNotNull();
            }
        }
        assertThat(Upgrades.steps()).allSatisfy(s -> assertThat(s.from())
                .isBetween(Upgrades.OLDEST.get(s.type()), Upgrades.CURRENT.get(s.type()) - 1));
    }

    private static String oneCue(String cue) {
        return "{\"type\": \"Project.1\", \"characters\": [], \"shots\": [{\"type\": \"Shot.1\", \"id\": \"s\","
                + " \"audio\": \"a.wav\", \"character\": \"c\", \"frameRate\": \"25\", \"resolution\":"
                + " {\"width\": 640, \"height\": 360}, \"tracks\": {\"emotion\": [" + cue + "]}}]}";
    }

    private static Project read(String json) throws ProjectFormatException {
        return ProjectJson.read(Path.of("project.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formatZeroSecondsBecomeTheNearestTick() throws Exception {
        Project p = read(oneCue("{\"type\": \"EmotionCue.0\", \"id\": \"e\", \"start\": 1.5, \"duration\": 0.04,"
                + " \"emotion\": \"joy\", \"easeIn\": 0.0000000001, \"easeOut\": 0.1}"));
        EmotionCue c = (EmotionCue) p.shots().get(0).track(CueLane.EMOTION).cues().get(0);
        assertThat(c.range().start()).isEqualTo(1_058_400_000L);
        assertThat(c.range().duration()).isEqualTo(28_224_000L);
        assertThat(c.easeIn()).isZero();
        assertThat(c.easeOut()).isEqualTo(70_560_000L);
    }

    @ParameterizedTest
    @CsvSource({"25, 25", "24, 24", "23.976, 24000/1001", "29.97, 30000/1001", "59.94, 60000/1001", "60.0, 60"})
    void formatZeroFrameRatesBecomeExactText(String fps, String expected) throws Exception {
        Project p = read("{\"type\": \"Project.0\", \"shots\": [{\"type\": \"Shot.0\", \"id\": \"s\", \"audio\":"
                + " \"a.wav\", \"character\": \"c\", \"fps\": " + fps + ", \"width\": 640, \"height\": 360}]}");
        assertThat(p.shots().get(0).frameRate()).isEqualTo(FrameRate.parse(expected));
    }

    @Test
    void aFormatZeroValueThatCannotBeConvertedIsReportedWhereItWas() {
        String json = "{\"type\": \"Project.0\", \"shots\": [\n{\"type\": \"Shot.0\", \"id\": \"s\", \"audio\":"
                + " \"a.wav\", \"character\": \"c\",\n \"fps\": 27.5, \"width\": 640, \"height\": 360}]}";
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ProjectFormatException.class, e -> {
            Problem p = e.problems().get(0);
            assertThat(p.message()).contains("\"27.5\" is not a frame rate");
            assertThat(p.line()).as("reported at the upgraded shot").isEqualTo(2);
        });
    }

    @Test
    void aProblemInAnUpgradedObjectIsLocatedAtTheFieldItCameFrom() {
        String json = oneCue("{\"type\": \"EmotionCue.0\", \"id\": \"e\", \"start\": 0,\n"
                + "  \"duration\": \"long\", \"emotion\": \"joy\"}");
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ProjectFormatException.class, e -> {
            Problem p = e.problems().get(0);
            assertThat(p.message()).contains("\"duration\" must be a whole number of ticks");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(3);
        });
    }

    @Test
    void upgradeRewritesAnOlderFileAfterKeepingTheOriginal() throws Exception {
        Path file = dir.resolve("project.json");
        byte[] old = Files.readAllBytes(Golden.ROOT.resolve("projects/format-0/project.json"));
        Files.write(file, old);
        ProjectUpgrade.Report r = ProjectUpgrade.upgrade(dir);
        assertThat(r.changed()).isTrue();
        assertThat(r.backup()).isEqualTo(dir.resolve("project.json.v0.bak"));
        assertThat(Files.readAllBytes(r.backup())).isEqualTo(old);
        assertThat(r.upgrades()).hasSize(14);
        ProjectJson.Result now = ProjectJson.readResult(file, Files.readAllBytes(file));
        assertThat(now.upgraded()).isFalse();
        assertThat(now.project()).isEqualTo(GoldenFilesTest.withoutMetadata(Golden.read(Golden.ONE_SHOT)));
    }

    @Test
    void upgradeNeverOverwritesAnEarlierBackup() throws Exception {
        Path file = dir.resolve("project.json");
        byte[] old = Files.readAllBytes(Golden.ROOT.resolve("projects/format-0/project.json"));
        Files.write(file, old);
        Files.writeString(dir.resolve("project.json.v0.bak"), "earlier");
        assertThat(ProjectUpgrade.upgrade(file).backup()).isEqualTo(dir.resolve("project.json.v0-2.bak"));
        assertThat(Files.readString(dir.resolve("project.json.v0.bak"))).isEqualTo("earlier");
    }

    @Test
    void upgradeLeavesACurrentFileAlone() throws Exception {
        Path file = Files.copy(Golden.SAMPLE, dir.resolve("project.json"));
        long modified = Files.getLastModifiedTime(file).toMillis();
        ProjectUpgrade.Report r = ProjectUpgrade.upgrade(file);
        assertThat(r.changed()).isFalse();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void upgradeRefusesAFileFromANewerRelease() throws Exception {
        Path file = Files.copy(Golden.ROOT.resolve("newer/shot-3.json"), dir.resolve("project.json"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ProjectUpgrade.upgrade(dir)).isInstanceOfSatisfying(ProjectFormatException.class,
                e -> assertThat(e.fromNewerRelease()).isTrue());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
