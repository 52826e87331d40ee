package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.UnknownObject;
import org.junit.jupiter.api.Test;

/**
 * Large projects are written and read on several threads; the bytes written and the project read must be exactly
 * those of doing it on one thread, unknown objects included.
 */
class ParallelTest {
    /** A project over the writer's threshold, with objects from a newer release among its shots. */
    static Project large() {
        Project p = FormatBenchmark.sampleProject(7, 9_000);
        List<UnknownObject> unknown = new ArrayList<>(List.of(
                new UnknownObject("shots", 0, "Scene.1", "{\"type\": \"Scene.1\", \"id\": \"a\"}"),
                new UnknownObject("shots", 4, "Scene.1", "{\"type\": \"Scene.1\", \"id\": \"b\"}"),
                new UnknownObject("shots", 9, "Scene.1", "{\"type\": \"Scene.1\", \"id\": \"c\"}")));
        return new Project(p.name(), p.characters(), p.shots(), Map.of("k", "v"), unknown);
    }

    static byte[] write(Project p, boolean parallel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectWriter.write(p, out, parallel);
        return out.toByteArray();
    }

    @Test
    void writingShotsInParallelGivesTheSameBytes() throws Exception {
        Project p = large();
        assertThat(p.shots().stream().mapToInt(s -> s.allCues().size()).sum())
                .isGreaterThan(ProjectWriter.PARALLEL_CUES);
        assertThat(write(p, true)).isEqualTo(write(p, false));
    }

    /**
     * A problem inside an object that is upgraded (or read out of order) within a shot bound on another thread is
     * located where it is in the file, as on one thread (it was reported at 1:1: the shot's path was missing).
     */
    @Test
    void aProblemInAnUpgradedObjectOfAShotReadInParallelIsLocatedAsOnOneThread() throws Exception {
        String json = "{\"type\": \"Project.2\", \"shots\": [\n{\"type\": \"Scene.1\"},\n{\"type\": \"Shot.2\", \"id\":"
                + " \"s\", \"audio\": \"a.wav\", \"character\": \"c\", \"frameRate\": \"25\", \"resolution\": {\"width\":"
                + " 640, \"height\": 360},\n \"tracks\": {\"emotion\": [\n{\"type\": \"EmotionCue.0\", \"id\": \"e\","
                + " \"start\": 0,\n  \"duration\": \"long\", \"emotion\": \"joy\"}]}}]}";
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Problem> one = problems(bytes, false);
        assertThat(one).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(3);
        });
        assertThat(problems(bytes, true)).isEqualTo(one);
    }

    private static List<Problem> problems(byte[] bytes, boolean parallel) {
        try {
            ProjectReader.read(Path.of("p.json"), bytes, parallel);
        } catch (ProjectFormatException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void readingShotsInParallelGivesTheSameProject() throws Exception {
        Project p = large();
        byte[] bytes = write(p, true);
        ProjectJson.Result parallel = ProjectReader.read(Path.of("p.json"), bytes, true);
        ProjectJson.Result sequential = ProjectReader.read(Path.of("p.json"), bytes, false);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.project()).isEqualTo(p);
        assertThat(ProjectJson.write(parallel.project())).isEqualTo(bytes);
    }
}
