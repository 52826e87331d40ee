package org.cuestudio.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.cuestudio.core.model.Project;

/**
 * Opening and saving project bundles. A project is a folder holding {@code project.json}, its media and its
 * disposable {@code cache/}; commands accept the folder or the file. Saves are atomic and keep one backup.
 */
public final class ProjectFiles {
    /** The project file's name inside its folder. */
    public static final String PROJECT_FILE = "project.json";
    /** Largest project file read (bytes). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private ProjectFiles() {}

    /** The project.json for a folder or file argument, without reading it. */
    public static Path projectFile(Path folderOrFile) {
        Path p = folderOrFile.toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p.resolve(PROJECT_FILE) : p;
    }

    /** Reads and binds a project (folder or file). Every failure is a {@link ProjectFormatException}. */
    public static LoadedProject open(Path folderOrFile) throws ProjectFormatException {
        Path file = projectFile(folderOrFile);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new ProjectFormatException(file, "is a folder, not a project file");
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ProjectFormatException(file, "is " + size + " bytes; project files are limited to "
                        + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFormatException(file, Files.isDirectory(folderOrFile)
                    ? "no such file: a project folder must contain " + PROJECT_FILE
                    : "no such file");
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read: " + e.getMessage());
        }
        Project project = ProjectJson.read(file, bytes);
        return new LoadedProject(file.getParent(), file, project);
    }

    /**
     * Saves atomically: writes a temporary file beside the target, forces it to disk, keeps the previous version
     * as {@code project.json.bak}, then renames the new file over the old one. A crash at any point leaves either
     * the old or the new file complete.
     */
    public static void save(Path file, Project project) throws IOException {
        byte[] bytes = ProjectJson.write(project);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            if (Files.exists(file)) {
                Path bak = file.resolveSibling(file.getFileName() + ".bak");
                Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename durable on Linux; not supported everywhere, and harmless to skip there.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort.
        }
    }
}
