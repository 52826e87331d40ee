package org.cuestudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the bundled sample project into a scratch folder, so tests never change the repository. */
public final class SampleCopy {
    private SampleCopy() {}

    public static Path repoRoot() {
        return Path.of(System.getProperty("cue.repo.root", "..")).toAbsolutePath().normalize();
    }

    public static Path into(Path dir) throws IOException {
        Path src = repoRoot().resolve("assets/samples/hello");
        Path dst = dir.resolve("hello");
        try (var files = Files.walk(src)) {
            for (Path p : files.toList()) {
                String rel = src.relativize(p).toString();
                if (rel.startsWith("cache") || rel.startsWith("renders") || rel.startsWith("takes")) continue;
                Path to = dst.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dst;
    }
}
