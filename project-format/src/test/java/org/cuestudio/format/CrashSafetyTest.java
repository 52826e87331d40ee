package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that saves a project over and over ({@code kill -9}, at random moments, many times) and proves
 * that after each kill {@code project.json} holds, byte for byte, a complete version the process wrote (the one
 * before or the one being written), never a mix, and that {@code project.json.bak} is a complete version too.
 */
class CrashSafetyTest {
    static final int KILLS = 40;

    @TempDir
    Path dir;

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewVersionComplete() throws Exception {
        Path file = dir.resolve(ProjectFiles.PROJECT_FILE);
        // Saved twice, so that the backup exists from the start: a save over an existing file is what makes one, and
        // on a loaded machine the first kill can land before the child's first save gets that far (the test used to
        // fail then with NoSuchFileException on project.json.bak, though nothing was wrong with the saving).
        ProjectFiles.save(file, CrashSaver.version(0));
        ProjectFiles.save(file, CrashSaver.version(0));
        Random random = new Random(20_250_501L);
        int last = 0;
        List<Integer> seen = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = startSaver();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("the saver started (kill %d)", kill).startsWith("saving from v" + last);
                Thread.sleep(random.nextInt(250));
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            int now = checkComplete(file);
            assertThat(now).as("the file never goes back to an older version").isGreaterThanOrEqualTo(last);
            int backup = checkComplete(ProjectFiles.backupFile(file));
            assertThat(backup).as("the backup is the version before, or equal while a save was between steps")
                    .isBetween(now - 1, now);
            seen.add(now);
            last = now;
        }
        assertThat(last).as("the saver made progress between kills").isGreaterThan(KILLS / 2);
        assertThat(seen.stream().distinct().count()).as("kills landed while different versions were being saved")
                .isGreaterThan(KILLS / 4);
    }

    /** Proves a file is exactly the canonical bytes of one test version; returns that version. */
    private static int checkComplete(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int v = CrashSaver.versionOf(ProjectJson.read(file, bytes));
        assertThat(bytes).as("%s is exactly version %d", file.getFileName(), v)
                .isEqualTo(ProjectJson.write(CrashSaver.version(v)));
        return v;
    }

    private Process startSaver() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashSaver.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
