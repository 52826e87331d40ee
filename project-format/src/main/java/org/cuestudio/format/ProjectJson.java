package org.cuestudio.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.Project;

/**
 * The JSON form of a project (docs/project-format.md): every object carries a {@code "type": "Name.version"} tag,
 * times are integer ticks, enum values are lower case. Reading upgrades objects written by older releases, keeps
 * objects of unknown types for writing back, and collects every problem with its line, column and a fix hint.
 */
public final class ProjectJson {
    private ProjectJson() {}

    /**
     * What reading a file gave.
     *
     * @param project the project, in the current shape
     * @param upgrades one line per kind of upgrade applied (empty when the file was current), e.g.
     *     {@code "Shot.0 -> Shot.1 (2 objects): ..."}
     * @param oldestVersion the oldest type version upgraded from, or -1 when nothing was upgraded
     */
    public record Result(Project project, List<String> upgrades, int oldestVersion) {
        public Result {
            upgrades = List.copyOf(upgrades);
        }

        /** Whether the file held objects of older versions, so that saving will rewrite them. */
        public boolean upgraded() {
            return !upgrades.isEmpty();
        }
    }

    /** Parses and binds a project; {@code file} only names it in problems. */
    public static Project read(Path file, byte[] json) throws ProjectFormatException {
        return readResult(file, json).project();
    }

    /** Parses and binds a project, saying which upgrades were applied; {@code file} only names it in problems. */
    public static Result readResult(Path file, byte[] json) throws ProjectFormatException {
        return ProjectReader.read(file, json);
    }

    /** The project as UTF-8 JSON in the canonical layout, ending in a newline. */
    public static byte[] write(Project project) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ProjectWriter.write(project, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** Writes the project to a stream (flushed, not closed), exactly as {@link #write(Project)}. */
    public static void write(Project project, OutputStream out) throws IOException {
        ProjectWriter.write(project, out);
    }
}
