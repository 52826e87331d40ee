package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.app.cli.CliTest.cue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.format.cache.CacheBudget;
import org.cuestudio.format.cache.SqliteSegmentCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {
    @TempDir
    Path dir;

    /** The sample project with two small segments in its cache. */
    private Path projectWithCache() throws IOException {
        Path p = SampleCopy.into(dir);
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(p.resolve("cache"))) {
            for (int i = 1; i <= 2; i++) {
                byte[] px = new byte[64 * 64 * 4];
                for (int b = 0; b < px.length; b++) px[b] = (byte) (b * i * 31 >> 3);
                cache.put(String.format("%064x", i), List.of(new RgbaImage(64, 64, px)));
            }
        }
        return p;
    }

    @Test
    void statsShowEntriesSizeBudgetAgesAndFolder() throws IOException {
        Path p = projectWithCache();

        CliTest.Run r = cue("cache", "stats", p.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("cache     " + p.resolve("cache").toAbsolutePath())
                .contains("entries   2 segments")
                .containsPattern("size +\\d")
                .contains("budget    2.0 GiB, 0% used (the default")
                .containsPattern("oldest +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(stored\\)")
                .containsPattern("newest +\\d{4}-")
                .containsPattern("next out +\\d{4}-");
    }

    @Test
    void statsAcceptTheProjectFileAsWellAsItsFolder() throws IOException {
        Path p = projectWithCache();

        CliTest.Run r = cue("cache", "stats", p.resolve("project.json").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("entries   2 segments");
    }

    @Test
    void statsShowTheBudgetSetForTheMachine() throws IOException {
        Path p = projectWithCache();
        System.setProperty(CacheBudget.PROPERTY, "512M");
        try {
            CliTest.Run r = cue("cache", "stats", p.toString());

            assertThat(r.out()).contains("budget    512.0 MiB").contains("from -Dcue.cache.maxBytes");
        } finally {
            System.clearProperty(CacheBudget.PROPERTY);
        }
    }

    @Test
    void statsOfAProjectWithoutACacheSayNoneYetAndCreateNothing() throws IOException {
        Path p = SampleCopy.into(dir);

        CliTest.Run r = cue("cache", "stats", p.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("none yet").contains("entries   0");
        assertThat(p.resolve("cache")).doesNotExist();
    }

    @Test
    void clearDeletesTheSegmentsAndSaysHowMuchWasFreed() throws IOException {
        Path p = projectWithCache();
        String project = Files.readString(p.resolve("project.json"));
        long payloads = bytesOf(p.resolve("cache/segments"));

        CliTest.Run r = cue("cache", "clear", p.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("cleared " + p.resolve("cache").toAbsolutePath() + ": 2 segments, ")
                .containsPattern("\\d+(\\.\\d)? (B|KiB|MiB) freed");
        assertThat(payloads).isPositive();
        assertThat(bytesOf(p.resolve("cache/segments"))).isZero();
        assertThat(cue("cache", "stats", p.toString()).out()).contains("entries   0 segments");
        assertThat(p.resolve("project.json")).hasContent(project);
        assertThat(p.resolve("audio/hello.wav")).isRegularFile();
    }

    @Test
    void clearWorksOnAProjectWhoseFileIsBroken() throws IOException {
        Path p = projectWithCache();
        Files.writeString(p.resolve("project.json"), "{ not json");

        CliTest.Run r = cue("cache", "clear", p.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("2 segments");
    }

    @Test
    void clearOfAProjectWithoutACacheHasNothingToDo() throws IOException {
        Path p = SampleCopy.into(dir);

        CliTest.Run r = cue("cache", "clear", p.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("nothing to clear");
        assertThat(p.resolve("cache")).doesNotExist();
    }

    @Test
    void clearRefusesAFolderThatIsNotAProject() throws IOException {
        Path notAProject = Files.createDirectories(dir.resolve("photos"));
        Path precious = Files.writeString(Files.createDirectories(notAProject.resolve("cache")).resolve("a.seg"), "x");

        CliTest.Run r = cue("cache", "clear", notAProject.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is not a project").contains("project.json").doesNotContain("\tat ");
        assertThat(precious).hasContent("x");
    }

    @Test
    void clearRefusesACacheFolderThatLinksOutOfTheProject() throws IOException {
        Path p = SampleCopy.into(dir);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/segments/00"));
        Path precious = Files.writeString(elsewhere.resolve(String.format("%064x", 1) + ".seg"), "work");
        Files.writeString(dir.resolve("elsewhere/index.db.broken"), "work");
        Files.createSymbolicLink(p.resolve("cache"), dir.resolve("elsewhere"));

        CliTest.Run r = cue("cache", "clear", p.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("outside the project folder");
        assertThat(precious).hasContent("work");
        assertThat(dir.resolve("elsewhere/index.db.broken")).hasContent("work");
    }

    @Test
    void cacheWithoutWhatToDoExplainsItself() {
        CliTest.Run r = cue("cache");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stats or clear").contains("Usage:");
    }

    @Test
    void benchCachePrintsItsFiguresAsJson() throws IOException {
        CliTest.Run r = cue("bench", "cache", "--json", "--segments", "1", "--frames", "2", "--resolution", "64x36",
                "--entries", "300", "--lookups", "20", "--dir", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/segment/width").asInt()).isEqualTo(64);
        assertThat(json.at("/put/mb_per_s").asDouble()).isPositive();
        assertThat(json.at("/playback/fps_one_thread").asDouble()).isPositive();
        assertThat(json.at("/index/entries").asInt()).isEqualTo(300);
        assertThat(json.at("/index/lookup_hit_us").asDouble()).isPositive();
        try (var left = Files.list(dir)) {
            assertThat(left).as("the benchmark deletes what it wrote").isEmpty();
        }
    }

    @Test
    void benchListsTheCacheBenchmark() {
        CliTest.Run r = cue("bench", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("cache +Measures the segment cache");
    }

    private static long bytesOf(Path folder) throws IOException {
        if (!Files.exists(folder)) return 0;
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
