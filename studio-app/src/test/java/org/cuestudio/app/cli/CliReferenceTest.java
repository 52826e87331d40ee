package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md is the CLI's own help: the test fails, with the command that fixes it, when the two differ. */
class CliReferenceTest {
    private static final Path DOC = SampleCopy.repoRoot().resolve(CliReference.FILE);

    @Test
    void committedReferenceIsWhatTheCliPrints() throws IOException {
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("cue.cli.regenerate")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            fail(CliReference.FILE + " differs from the CLI's help (" + firstDifference(committed, generated)
                    + "). Regenerate it:\n  " + CliReference.regenerateCommand());
        }
    }

    @Test
    void referenceHasASectionForEveryCommandAndSubCommand() {
        String md = CliReference.markdown();
        assertThat(md).contains("\n## cue\n", "\n## cue render\n", "\n## cue doctor\n", "\n## cue bench render\n",
                "\n## cue sheet check\n", "\n## cue cache stats\n");
        assertThat(md).doesNotContain("\n## cue help\n");
        assertThat(md).contains("Usage: cue render [-hV]");
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) return "line " + (i + 1) + ": committed '" + x[i] + "', generated '" + y[i] + "'";
        }
        return x.length < y.length ? "the committed file is shorter" : "the committed file is longer";
    }
}
