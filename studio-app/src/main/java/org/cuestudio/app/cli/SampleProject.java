package org.cuestudio.app.cli;

import java.nio.file.Path;

/** Where the bundled sample project is: under the installation folder the launcher names in {@code cue.home}. */
final class SampleProject {
    private SampleProject() {}

    static Path path() {
        String home = System.getProperty("cue.home", ".");
        return Path.of(home, "assets", "samples", "hello");
    }
}
