package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.cache.CacheBudget;
import org.cuestudio.format.cache.SqliteSegmentCache;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue cache stats|clear PROJECT}: looks at or empties a project's segment cache. Neither reads
 * {@code project.json}, so both work on a project whose file is broken.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Shows or clears a project's segment cache (cache/ in the project folder). The cache only "
                + "saves render time: clearing it never loses work.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
public final class CacheCommand implements Callable<Integer> {
    /** The cache folder's name in a project bundle, as {@link LoadedProject#cacheFolder()} has it. */
    static final String CACHE_FOLDER = "cache";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do with the cache: stats or clear");
    }

    /**
     * The cache folder of a project given as its folder or its {@code project.json}, without reading the project.
     * Refuses a folder that holds no project (so {@code clear} cannot empty some other program's {@code cache}) and a
     * cache folder that is a link leading out of the project.
     *
     * @throws IllegalArgumentException saying which of the two it is
     */
    static Path cacheFolderOf(Path project) {
        Path file = ProjectFiles.projectFile(project);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(project + " is not a project: there is no " + file);
        }
        Path cache = LoadedProject.resolveInside(file.getParent(), CACHE_FOLDER);
        if (Files.exists(cache, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(cache)) {
            throw new IllegalArgumentException(cache + " is not a folder; it is not a segment cache");
        }
        return cache;
    }

    /** {@code cue cache stats PROJECT}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Shows the segments in PROJECT's cache, their size against the budget, their ages and "
                    + "where the cache is.")
    static final class Stats implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
        Path project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path cache = cacheFolderOf(project);
            long budget = CacheBudget.configured();
            if (!Files.isDirectory(cache)) {
                row(out, "cache", cache + " (none yet: the first render makes it)");
                row(out, "entries", "0");
                row(out, "budget", budgetText(budget, 0));
                return 0;
            }
            SqliteSegmentCache.Stats s;
            try (SqliteSegmentCache c = SqliteSegmentCache.open(cache)) {
                s = c.stats();
            }
            row(out, "cache", s.folder().toString());
            row(out, "entries", s.segments() + (s.segments() == 1 ? " segment" : " segments"));
            row(out, "size", CacheBudget.format(s.bytes()) + " (" + s.bytes() + " bytes; " + CacheBudget.format(
                    diskUsage(cache)) + " on disk with the index)");
            row(out, "budget", budgetText(s.maxBytes(), s.bytes()));
            row(out, "oldest", time(s.oldest(), "stored"));
            row(out, "newest", time(s.newest(), "stored"));
            row(out, "next out", time(s.leastRecentlyUsed(), "last used; the least recently used goes first"));
            return 0;
        }

        private static String budgetText(long budget, long used) {
            String source = budget == CacheBudget.DEFAULT_MAX_BYTES && System.getProperty(CacheBudget.PROPERTY) == null
                    ? "the default; set it with -D" + CacheBudget.PROPERTY + "=SIZE, e.g. in CUE_JAVA_OPTS"
                    : "from -D" + CacheBudget.PROPERTY;
            long percent = budget == 0 ? 100 : Math.round(100.0 * used / budget);
            return CacheBudget.format(budget) + ", " + percent + "% used (" + source + ")";
        }

        private static String time(@Nullable Instant t, String what) {
            return t == null ? "-" : TIME.format(t) + " (" + what + ")";
        }

        private static void row(PrintWriter out, String label, String value) {
            out.printf(Locale.ROOT, "%-9s %s%n", label, value);
        }
    }

    /** {@code cue cache clear PROJECT}. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Deletes the segments in PROJECT's cache and says how much space that freed. Only files "
                    + "the cache made are deleted, and links are not followed.")
    static final class Clear implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
        Path project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path cache = cacheFolderOf(project);
            if (!Files.isDirectory(cache)) {
                out.println("nothing to clear: " + cache + " does not exist");
                return 0;
            }
            long before = diskUsage(cache);
            SqliteSegmentCache.Cleared cleared;
            try (SqliteSegmentCache c = SqliteSegmentCache.open(cache)) {
                cleared = c.clear();
            }
            // Measured after closing, when SQLite has folded its write-ahead log back into the index.
            long freed = Math.max(0, before - diskUsage(cache));
            out.printf(Locale.ROOT, "cleared %s: %d %s, %s freed%n", cache.toAbsolutePath(), cleared.segments(),
                    cleared.segments() == 1 ? "segment" : "segments", CacheBudget.format(freed));
            return 0;
        }
    }

    /** The bytes of the regular files under a folder, not following links. */
    static long diskUsage(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // deleted while we looked
                }
            }).sum();
        }
    }
}
