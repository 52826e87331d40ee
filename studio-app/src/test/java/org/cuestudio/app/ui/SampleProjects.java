package org.cuestudio.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies the bundled sample project into a test's temporary folder, so saving never touches the repository. */
final class SampleProjects {
    private SampleProjects() {}

    static Path repoRoot() {
        String root = System.getProperty("cue.repo.root");
        if (root != null) return Path.of(root);
        // Running from an IDE: the module folder is the working directory.
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("assets")) ? here : here.getParent();
    }

    /** A fresh copy of assets/samples/hello under {@code dir}; returns the project folder. */
    static Path copyHello(Path dir) {
        Path src = repoRoot().resolve("assets/samples/hello");
        Path dst = dir.resolve("hello");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst;
    }
}
