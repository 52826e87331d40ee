package org.cuestudio.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.cuestudio.core.model.Project;
import org.jspecify.annotations.Nullable;

/**
 * Autosave: while a project has unsaved changes, the studio writes it every few seconds to a side file beside
 * {@code project.json} ({@code project.json.autosave}), never over the project itself; a save deletes the side
 * file. A side file newer than the project at the next open means the studio stopped with unsaved work: {@link
 * #check} turns it into a {@link Recovery} the user can accept or discard. {@code cue validate} ignores it.
 */
public final class Autosave {
    /** The side file's suffix. */
    public static final String SUFFIX = ".autosave";
    /** How often the studio autosaves unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** System property that sets the interval in seconds (0 turns autosave off). */
    public static final String INTERVAL_PROPERTY = "cue.autosave.seconds";

    private Autosave() {}

    /** The side file of a project file. */
    public static Path sideFile(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + SUFFIX);
    }

    /** The configured interval: {@value #INTERVAL_PROPERTY} seconds if set and valid, else 30 s; zero means off. */
    public static Duration interval() {
        String v = System.getProperty(INTERVAL_PROPERTY);
        if (v == null) return DEFAULT_INTERVAL;
        try {
            long s = Long.parseLong(v.trim());
            return s >= 0 ? Duration.ofSeconds(s) : DEFAULT_INTERVAL;
        } catch (NumberFormatException e) {
            return DEFAULT_INTERVAL;
        }
    }

    /** Writes the side file atomically (temporary file, fsync, rename); the project file is not touched. */
    public static void write(Path projectFile, Project project) throws IOException {
        write(projectFile, project, UnaryOperator.identity());
    }

    static void write(Path projectFile, Project project, UnaryOperator<java.io.OutputStream> through)
            throws IOException {
        Path side = sideFile(projectFile.toAbsolutePath().normalize());
        Path dir = side.getParent();
        String prefix = "." + side.getFileName() + "-";
        ProjectFiles.removeStale(dir, prefix);
        Path tmp = Files.createTempFile(dir, prefix, ".tmp");
        try {
            ProjectFiles.writeDurably(tmp, project, through);
            ProjectFiles.moveAtomically(tmp, side);
            tmp = null;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the side file, if any. */
    public static void discard(Path projectFile) throws IOException {
        Files.deleteIfExists(sideFile(projectFile.toAbsolutePath().normalize()));
    }

    /**
     * The recovery offer for a project (folder or file): present when its side file is newer than the project
     * file (or the project file is gone), reads without problems, and differs from the project file. A side file
     * that cannot be read gives no offer; it is replaced by the next autosave.
     */
    public static Optional<Recovery> check(Path folderOrFile) {
        Path file = ProjectFiles.projectFile(folderOrFile);
        Path side = sideFile(file);
        try {
            FileTime autosaved = Files.getLastModifiedTime(side);
            FileTime saved = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (saved != null && saved.compareTo(autosaved) > 0) return Optional.empty();
            byte[] bytes = ProjectFiles.readBytes(side, side);
            if (saved != null && Arrays.equals(bytes, Files.readAllBytes(file))) return Optional.empty();
            Project p = ProjectJson.read(side, bytes);
            return Optional.of(new Recovery(file, side, autosaved, saved, p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ProjectFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Unsaved work found at open: the autosaved project, and the times of both files for the prompt.
     *
     * @param projectFile the project file
     * @param sideFile the autosave side file
     * @param autosavedAt when the side file was written
     * @param savedAt when the project file was last saved, or null when it is missing
     * @param project the autosaved project
     */
    public record Recovery(Path projectFile, Path sideFile, FileTime autosavedAt, @Nullable FileTime savedAt,
            Project project) {
        /** Makes the autosaved project the project file (the file on disk becomes the backup); the side file goes. */
        public void accept() throws IOException {
            ProjectFiles.save(projectFile, project);
        }

        /** Throws the autosaved work away: deletes the side file. */
        public void discard() throws IOException {
            Autosave.discard(projectFile);
        }
    }

    /**
     * Writes the side file on a schedule while there are unsaved changes. {@code unsaved} returns the project as
     * it is now if it has unsaved changes, else null; it is called on the scheduler's thread, so it must return an
     * immutable snapshot (model records are). A project already autosaved is not written again.
     */
    public static final class Autosaver implements AutoCloseable {
        private final Path projectFile;
        private final Supplier<@Nullable Project> unsaved;
        private @Nullable ScheduledFuture<?> task;
        private @Nullable Project lastWritten;
        private @Nullable IOException lastFailure;

        public Autosaver(Path projectFile, Supplier<@Nullable Project> unsaved) {
            this.projectFile = projectFile;
            this.unsaved = unsaved;
        }

        /** Starts autosaving every {@code every} on the scheduler (nothing happens for a zero interval). */
        public synchronized Autosaver start(ScheduledExecutorService scheduler, Duration every) {
            if (task != null) throw new IllegalStateException("already started");
            if (!every.isZero()) {
                long ms = every.toMillis();
                task = scheduler.scheduleWithFixedDelay(this::runQuietly, ms, ms, TimeUnit.MILLISECONDS);
            }
            return this;
        }

        /** Writes the side file now if there are unsaved changes not yet autosaved; returns whether it wrote. */
        public synchronized boolean runOnce() throws IOException {
            Project p = unsaved.get();
            if (p == null || p == lastWritten) return false;
            write(projectFile, p);
            lastWritten = p;
            return true;
        }

        private void runQuietly() {
            try {
                runOnce();
                lastFailure = null;
            } catch (IOException e) {
                // The next tick tries again; the studio shows lastFailure() (a full disk must not stop editing).
                lastFailure = e;
            } catch (RuntimeException e) {
                lastFailure = new IOException(e);
            }
        }

        /** Why the last scheduled autosave failed, or null when it worked. */
        public @Nullable IOException lastFailure() {
            return lastFailure;
        }

        /** Stops the schedule (a write in progress finishes). */
        @Override
        public synchronized void close() {
            if (task != null) task.cancel(false);
            task = null;
        }
    }
}
