package org.cuestudio.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Project;

/**
 * The child process of {@link CrashSafetyTest}: opens the project in a folder and saves version after version of
 * it until it is killed. Version {@code n} is {@link #version(int)}, so the parent can rebuild its exact bytes.
 */
public final class CrashSaver {
    private CrashSaver() {}

    /** Version {@code n} of the test project: a mid-sized project named "v{n}" with one shot's cues shifted by n. */
    static Project version(int n) {
        Project base = FormatBenchmark.sampleProject(3, 4000);
        var shots = new java.util.ArrayList<>(base.shots());
        shots.set(0, new org.cuestudio.core.model.Shot(shots.get(0).id(), "take " + n, shots.get(0).audio(),
                shots.get(0).characterId(), shots.get(0).frameRate(), shots.get(0).resolution(),
                shots.get(0).tracks(), shots.get(0).takes(), Map.of("version", Integer.toString(n))));
        return new Project("v" + n, base.characters(), List.copyOf(shots), Map.of());
    }

    /** The version a file holds, from its name. */
    static int versionOf(Project p) {
        if (!p.name().matches("v\\d+")) throw new IllegalStateException("not a test version: " + p.name());
        return Integer.parseInt(p.name().substring(1));
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int n = versionOf(ProjectFiles.open(folder).project());
        System.out.println("saving from v" + n);
        System.out.flush();
        while (true) {
            n++;
            ProjectFiles.save(folder.resolve(ProjectFiles.PROJECT_FILE), version(n));
        }
    }
}
