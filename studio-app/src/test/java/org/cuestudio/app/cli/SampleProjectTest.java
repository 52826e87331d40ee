package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample opens in place in a checkout, and from the user's own copy under a read-only installation. */
class SampleProjectTest {
    @TempDir
    Path dir;

    @Test
    void aWritableInstallationOpensTheSampleInPlace() {
        Path home = SampleCopy.repoRoot();
        assertThat(SampleProject.path(home, dir.resolve("data"), p -> true))
                .isEqualTo(home.resolve("assets/samples/hello"));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aReadOnlyInstallationOpensTheUsersCopyWithoutTheCache() throws Exception {
        Path home = dir.resolve("opt");
        Files.createDirectories(home.resolve("assets"));
        Path installed = SampleCopy.into(home.resolve("assets/samples")).getParent().resolve("hello");
        Files.createDirectories(installed.resolve("cache"));
        Path copy = SampleProject.path(home, dir.resolve("data"), p -> false);
        assertThat(copy).isEqualTo(dir.resolve("data/samples/hello"));
        assertThat(copy.resolve("project.json")).hasSameTextualContentAs(installed.resolve("project.json"));
        assertThat(copy.resolve("characters/mira/character.json")).exists();
        assertThat(copy.resolve("cache")).doesNotExist();
    }

    @Test
    void theUsersCopyIsKeptOnLaterStarts() throws Exception {
        Path home = dir.resolve("opt");
        SampleCopy.into(home.resolve("assets/samples"));
        Path copy = SampleProject.path(home, dir.resolve("data"), p -> false);
        Files.writeString(copy.resolve("project.json"), "{\"edited\": true}");
        assertThat(SampleProject.path(home, dir.resolve("data"), p -> false)).isEqualTo(copy);
        assertThat(copy.resolve("project.json")).hasContent("{\"edited\": true}");
    }
}
