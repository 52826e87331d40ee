package org.cuestudio.core.assets;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the files of the {@code assets} folder that Cue Studio ships (the gesture library, the lip-sync model,
 * the sample project): under the installation named by the system property {@code cue.home}, else under the
 * working folder or one of its parents (a checkout, for tests and development).
 */
public final class AssetFiles {
    private AssetFiles() {}

    /** The file or folder at {@code relative} (e.g. {@code assets/gestures/library.json}), or an exception saying where it looked. */
    public static Path find(String relative) throws FileNotFoundException {
        String home = System.getProperty("cue.home");
        if (home != null && Files.exists(Path.of(home, relative))) return Path.of(home, relative);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) return d.resolve(relative);
        }
        throw new FileNotFoundException(relative + " not found under the installation (cue.home="
                + (home == null ? "unset" : home) + ") or the working folder " + Path.of("").toAbsolutePath()
                + " and its parents");
    }
}
