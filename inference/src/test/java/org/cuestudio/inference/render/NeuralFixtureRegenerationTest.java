package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fixture models are what src/test/python/make_neural_fixture.py makes, byte for byte. Runs where
 * Debian's python3-torch is installed (/usr/bin/python3 with torch), as on the development machines; skipped
 * elsewhere.
 */
class NeuralFixtureRegenerationTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src", "test", "python", "make_neural_fixture.py");
    static final Path COMMITTED = Path.of("src", "test", "resources", "neural");

    @Test
    void theScriptRegeneratesTheCommittedFixtures(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import torch") == 0,
                "no python3-torch here");
        assertThat(run(PYTHON.toString(), SCRIPT.toString(), dir.toString())).isZero();
        for (String f : new String[] {"fixture/model.pt", "fixture/reference.png", "wrong-shape/model.pt",
                "wrong-shape/reference.png"}) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(COMMITTED.resolve(f)));
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) System.out.println(out);
        return p.exitValue();
    }
}
