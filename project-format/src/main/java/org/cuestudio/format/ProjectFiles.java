package org.cuestudio.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.cuestudio.core.model.Project;

/**
 * Opening and saving project bundles. A project is a folder holding {@code project.json}, its media and its
 * disposable {@code cache/}; commands accept the folder or the file. Saves are atomic and keep one backup
 * ({@code project.json.bak}); see docs/project-format.md, "Saving".
 */
public final class ProjectFiles {
    /** The project file's name inside its folder. */
    public static final String PROJECT_FILE = "project.json";
    /** The backup's suffix: {@code project.json.bak} is the version before the last save. */
    public static final String BACKUP_SUFFIX = ".bak";
    /** Largest project file read (bytes). */
    public static final long MAX_FILE_BYTES = FormatLimits.MAX_FILE_BYTES;

    private ProjectFiles() {}

    /** The project.json for a folder or file argument, without reading it. */
    public static Path projectFile(Path folderOrFile) {
        Path p = folderOrFile.toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p.resolve(PROJECT_FILE) : p;
    }

    /** The backup a save keeps of the previous version. */
    public static Path backupFile(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + BACKUP_SUFFIX);
    }

    /** Reads and binds a project (folder or file). Every failure is a {@link ProjectFormatException}. */
    public static LoadedProject open(Path folderOrFile) throws ProjectFormatException {
        Path file = projectFile(folderOrFile);
        ProjectJson.Result r = ProjectJson.readResult(file, readBytes(file, folderOrFile));
        return new LoadedProject(file.getParent(), file, r.project(), r.upgrades());
    }

    /** The bytes of a project file, within the size limit; failures say what to do. */
    static byte[] readBytes(Path file, Path asGiven) throws ProjectFormatException {
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectFormatException(file, "is a folder, not a project file",
                        "name the project folder or its " + PROJECT_FILE);
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ProjectFormatException(file, "the file is " + size + " bytes; project files are limited to "
                        + MAX_FILE_BYTES + " bytes", "this is not a project file, or it is damaged; open "
                        + backupFile(file).getFileName() + " instead");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFormatException(file, "no such file", Files.isDirectory(asGiven)
                    ? "a project folder must contain " + PROJECT_FILE + "; is this the right folder?"
                    : "check the path; a project is a folder with a " + PROJECT_FILE + " in it");
        } catch (AccessDeniedException e) {
            throw new ProjectFormatException(file, "permission denied", "ask for read access to the file");
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read: " + e.getMessage(), "check the disk and the path");
        } catch (OutOfMemoryError e) {
            throw new ProjectFormatException(file, "not enough memory to read a file this large",
                    "start Cue Studio with more memory (-Xmx)");
        }
    }

    /**
     * Saves atomically: writes a temporary file beside the target and forces it to disk, keeps the previous
     * version as {@code project.json.bak} (a hard link, so no copying), then renames the new file over the old one
     * and forces the folder. A crash or a full disk at any point leaves the old file complete or the new one
     * complete, never a mix; the backup is always a complete earlier version. A successful save deletes the
     * autosave side file, which it supersedes.
     *
     * @throws IOException saying what failed, and that the file on disk is unchanged
     */
    public static void save(Path file, Project project) throws IOException {
        save(file, project, UnaryOperator.identity());
    }

    /** {@link #save(Path, Project)} with the output stream passed through {@code through} (for failure tests). */
    static void save(Path file, Project project, UnaryOperator<OutputStream> through) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(dir);
            removeStale(dir, "." + name + ".save-");
            removeStale(dir, "." + name + ".bak-");
        } catch (IOException e) {
            throw failed(target, e);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + name + ".save-", ".tmp");
            writeDurably(tmp, project, through);
            if (Files.exists(target)) keepBackup(target, dir, name);
            moveAtomically(tmp, target);
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw failed(target, e);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
        Autosave.discard(target);
    }

    private static IOException failed(Path target, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException f && f.getReason() != null) reason = f.getReason();
        return new IOException("could not save " + target + ": " + reason + "; the project file on disk is unchanged",
                e);
    }

    /** Writes the project to a file and forces it to disk before returning. */
    static void writeDurably(Path tmp, Project project, UnaryOperator<OutputStream> through) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = through.apply(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
            ProjectJson.write(project, out);
            out.flush();
            ch.force(true);
        }
    }

    /**
     * Makes {@code project.json.bak} the current file: a hard link made under a temporary name and renamed over
     * the old backup, so a backup exists at every moment. The old file is never written to again (saves rename a
     * new file over it), so the link keeps its content. Where links are not supported, a copy.
     */
    private static void keepBackup(Path target, Path dir, String name) throws IOException {
        Path tmpBak = dir.resolve("." + name + ".bak-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            Files.createLink(tmpBak, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.deleteIfExists(tmpBak);
            Files.copy(target, tmpBak);
            try (FileChannel ch = FileChannel.open(tmpBak, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        moveAtomically(tmpBak, backupFile(target));
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes temporary files a crashed save left behind (one process saves a project at a time). */
    static void removeStale(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    static void forceDirectory(Path dir) {
        // Makes the rename durable on Linux; not supported everywhere, and harmless to skip there.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort.
        }
    }
}
