package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where the bundled sample project is: under the installation folder the launcher names in {@code cue.home}. An
 * installed package keeps it in a folder users cannot write (e.g. {@code /opt/cue-studio}); the studio and the
 * benchmarks write the project's cache, takes and saves, so there the sample is first copied into the user's data
 * folder, once, and that copy is used from then on.
 */
final class SampleProject {
    private SampleProject() {}

    static Path path() {
        return path(Path.of(System.getProperty("cue.home", ".")), userDataFolder(), Files::isWritable);
    }

    /** The sample under {@code home}, or the user's copy of it in {@code userData} when {@code home}'s cannot be written. */
    static Path path(Path home, Path userData, Predicate<Path> writable) {
        Path installed = home.resolve("assets").resolve("samples").resolve("hello");
        if (!Files.isDirectory(installed) || writable.test(installed)) return installed;
        Path copy = userData.resolve("samples").resolve("hello");
        if (!Files.exists(copy.resolve("project.json"))) copy(installed, copy);
        return copy;
    }

    /** The user's data folder for Cue Studio on this OS (XDG on Linux). */
    static Path userDataFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("Cue Studio");
        }
        if (os.contains("mac")) return home.resolve("Library").resolve("Application Support").resolve("Cue Studio");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("cue-studio");
    }

    private static void copy(Path from, Path to) {
        Path tmp = to.resolveSibling(to.getFileName() + ".copying");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith("cache") || rel.startsWith("takes") || rel.startsWith("renders")) continue;
                Path dst = tmp.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(dst);
                else Files.copy(p, dst);
            }
            // The copy appears whole or not at all: a half copy from an interrupted first start is never opened.
            Files.move(tmp, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample project from " + from + " to " + to, e);
        }
    }
}
