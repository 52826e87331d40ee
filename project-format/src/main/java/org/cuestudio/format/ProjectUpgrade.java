package org.cuestudio.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code cue upgrade}: rewrites a project file written by an older release in the current format, after keeping
 * the original beside it ({@code project.json.v0.bak} for a file with format-0 objects). Files from a newer release
 * and damaged files are refused (reading them is), and a current file is left alone.
 */
public final class ProjectUpgrade {
    private ProjectUpgrade() {}

    /**
     * What upgrading did.
     *
     * @param file the project file
     * @param backup where the original was kept, or null when nothing needed upgrading
     * @param upgrades one line per kind of upgrade applied
     */
    public record Report(Path file, @Nullable Path backup, List<String> upgrades) {
        public Report {
            upgrades = List.copyOf(upgrades);
        }

        /** Whether the file was rewritten. */
        public boolean changed() {
            return backup != null;
        }
    }

    /** Upgrades the project in a folder or file. */
    public static Report upgrade(Path folderOrFile) throws ProjectFormatException, IOException {
        Path file = ProjectFiles.projectFile(folderOrFile);
        byte[] original = ProjectFiles.readBytes(file, folderOrFile);
        ProjectJson.Result r = ProjectJson.readResult(file, original);
        if (!r.upgraded()) return new Report(file, null, List.of());
        Path backup = freeName(file, r.oldestVersion());
        Path tmp = Files.createTempFile(file.getParent(), "." + backup.getFileName() + "-", ".tmp");
        try {
            Files.write(tmp, original);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, backup); // never over an earlier backup
            tmp = null;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
        ProjectFiles.save(file, r.project());
        return new Report(file, backup, r.upgrades());
    }

    /** {@code project.json.vN.bak}, or {@code project.json.vN-2.bak} and so on when that is taken. */
    private static Path freeName(Path file, int version) {
        String base = file.getFileName() + ".v" + version;
        Path p = file.resolveSibling(base + ".bak");
        for (int i = 2; Files.exists(p); i++) p = file.resolveSibling(base + "-" + i + ".bak");
        return p;
    }
}
