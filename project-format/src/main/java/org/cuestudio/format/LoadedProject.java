package org.cuestudio.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.cuestudio.core.model.Project;

/**
 * A project read from disk, with the folder its relative paths are resolved against and the upgrades reading it
 * took (empty when the file was in the current format; saving then rewrites it in the current format).
 */
public record LoadedProject(Path folder, Path file, Project project, List<String> upgrades) {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    public LoadedProject {
        upgrades = List.copyOf(upgrades);
    }

    /** A project that needed no upgrade. */
    public LoadedProject(Path folder, Path file, Project project) {
        this(folder, file, project, List.of());
    }

    /** The same bundle holding another version of the project. */
    public LoadedProject with(Project p) {
        return new LoadedProject(folder, file, p, upgrades);
    }

    /** The project's disposable cache folder. */
    public Path cacheFolder() {
        return folder.resolve("cache");
    }

    /**
     * Resolves a path stored in the project. It must be relative and stay inside the project folder, also after
     * following symbolic links, so that a project moved or copied elsewhere keeps working and a hostile project
     * cannot read outside its folder.
     *
     * @throws IllegalArgumentException naming the path and why it is refused
     */
    public Path resolve(String relative) {
        return resolveInside(folder, relative);
    }

    /** Resolves {@code relative} against {@code folder}, refusing absolute paths and escapes (also via links). */
    public static Path resolveInside(Path folder, String relative) {
        if (relative.isBlank()) throw new IllegalArgumentException("the path is empty");
        if (relative.indexOf('\0') >= 0) throw new IllegalArgumentException("the path contains a NUL character");
        if (relative.startsWith("/") || relative.startsWith("\\") || DRIVE.matcher(relative).matches()) {
            throw new IllegalArgumentException("'" + relative + "' is absolute; paths in a project must be relative "
                    + "to the project folder");
        }
        Path rel;
        try {
            rel = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + relative + "' is not a valid path: " + e.getReason());
        }
        if (rel.isAbsolute()) {
            throw new IllegalArgumentException("'" + relative + "' is absolute; paths in a project must be relative "
                    + "to the project folder");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(rel).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("'" + relative + "' leads outside the project folder " + base);
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(base.toRealPath())) {
                    throw new IllegalArgumentException("'" + relative + "' is a link to " + real
                            + ", outside the project folder " + base);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("'" + relative + "' cannot be resolved: " + e.getMessage());
            }
        }
        return resolved;
    }
}
