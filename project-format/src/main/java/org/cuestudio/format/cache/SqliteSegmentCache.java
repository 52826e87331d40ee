package org.cuestudio.format.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SegmentStore;
import org.jspecify.annotations.Nullable;

/**
 * The project's render cache on disk: a SQLite index ({@code cache/index.db}) plus one file of losslessly
 * compressed RGBA frames per segment ({@code cache/segments/ab/abcdef...seg}).
 *
 * <p>The cache is disposable, so every fault is a miss, never an error: a payload whose SHA-256 does not match the
 * index, a missing or unreadable file, or a failing query is logged and forgotten, and the segment is rendered
 * again. An index that is not a SQLite database, fails its integrity check or has another schema version is moved
 * aside ({@code index.db.broken}) and rebuilt empty, and the segment files it described are deleted.
 *
 * <p>Thread-safe: index queries are short and serialised on one connection (so "database is locked" cannot
 * happen inside one process), while the large part of the work, compressing, writing, reading and verifying
 * payloads, runs in parallel outside that lock. A payload appears under its final name only complete (written to a
 * temporary file, then renamed), and its index row is written after it.
 */
public final class SqliteSegmentCache implements SegmentStore, AutoCloseable {
    /** Stored in {@code PRAGMA user_version}; any other value makes the index be rebuilt. */
    static final int SCHEMA_VERSION = 1;

    static final String INDEX_FILE = "index.db";
    static final String SEGMENTS_FOLDER = "segments";
    private static final String PAYLOAD_SUFFIX = ".seg";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PAYLOAD_PATH = Pattern.compile("([0-9a-f]{2})/\\1[0-9a-f]{62}\\.seg");
    private static final System.Logger LOG = System.getLogger(SqliteSegmentCache.class.getName());

    // SQLite primary result codes that mean the file itself is damaged.
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Path folder;
    private final Path indexFile;
    private final Path segments;
    private final Clock clock;
    /** Guards {@link #connection} and {@link #closed}; held for index queries and renames, never for payload I/O. */
    private final Object lock = new Object();
    /** Null once the index could not even be rebuilt: every call is then a logged miss. */
    private @Nullable Connection connection;
    private boolean closed;

    private SqliteSegmentCache(Path folder, Clock clock) throws IOException {
        this.folder = folder;
        this.indexFile = folder.resolve(INDEX_FILE);
        this.segments = folder.resolve(SEGMENTS_FOLDER);
        this.clock = clock;
        Files.createDirectories(segments);
        this.connection = openIndex();
    }

    /**
     * Opens (or creates) the cache in a project's {@code cache/} folder.
     *
     * @throws IOException only if the folder cannot be created or no index can be created in it at all (a
     *                     read-only disk); a damaged index is rebuilt instead
     */
    public static SqliteSegmentCache open(Path cacheFolder) throws IOException {
        return new SqliteSegmentCache(cacheFolder, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps created and last-used times (for tests). */
    static SqliteSegmentCache open(Path cacheFolder, Clock clock) throws IOException {
        return new SqliteSegmentCache(cacheFolder, clock);
    }

    /** How many segments the cache holds and the bytes their files take. */
    public record Stats(long segments, long bytes) {}

    @Override
    public Optional<List<RgbaImage>> get(String key) {
        Entry entry;
        synchronized (lock) {
            ensureOpen();
            entry = findEntry(key);
        }
        if (entry == null) return Optional.empty();
        Path file = payloadPath(entry);
        try {
            List<RgbaImage> frames = readVerified(file, entry);
            touch(key);
            return Optional.of(frames);
        } catch (NoSuchFileException e) {
            LOG.log(Level.INFO, "segment cache: payload of {0} is missing; it will be rendered again", key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "segment cache: payload {0} is unusable ({1}); it will be rendered again", file,
                    e.getMessage());
        }
        forget(key, entry);
        return Optional.empty();
    }

    /**
     * Stores a segment's frames under its key, replacing any older entry. Failures (a full disk) are logged and
     * leave the cache without the entry.
     *
     * @throws IllegalArgumentException if the frames are not all the same size
     */
    @Override
    public void put(String key, List<RgbaImage> frames) {
        SegmentPayload.Shape shape = SegmentPayload.shapeOf(frames);
        String name = fileNameFor(key);
        String relative = name.substring(0, 2) + "/" + name + PAYLOAD_SUFFIX;
        Path target = segments.resolve(relative);
        Path temp = target.resolveSibling(name + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = sha256();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp),
                    1 << 16), sha)) {
                SegmentPayload.write(frames, out);
            }
            long size = Files.size(temp);
            String checksum = HexFormat.of().formatHex(sha.digest());
            long now = clock.millis();
            synchronized (lock) {
                ensureOpen();
                // Rename and row together, so that a concurrent put of the same key cannot pair one's file with
                // the other's checksum.
                moveReplacing(temp, target);
                try (PreparedStatement s = db().prepareStatement("""
                        INSERT OR REPLACE INTO segment
                            (key, file, size, sha256, frame_count, width, height, created_ms, last_used_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    s.setString(1, key);
                    s.setString(2, relative);
                    s.setLong(3, size);
                    s.setString(4, checksum);
                    s.setInt(5, shape.frameCount());
                    s.setInt(6, shape.width());
                    s.setInt(7, shape.height());
                    s.setLong(8, now);
                    s.setLong(9, now);
                    s.executeUpdate();
                } catch (SQLException e) {
                    Files.deleteIfExists(target);
                    indexFailed("storing segment " + key, e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "segment cache: cannot store segment {0} ({1}); it will be rendered again",
                    key, e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The number of cached segments and the bytes of their payload files. */
    public Stats stats() {
        synchronized (lock) {
            ensureOpen();
            try (Statement s = db().createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(size), 0) FROM segment")) {
                r.next();
                return new Stats(r.getLong(1), r.getLong(2));
            } catch (SQLException e) {
                indexFailed("counting segments", e);
                return new Stats(0, 0);
            }
        }
    }

    /** Forgets every segment and deletes the payload files. */
    public void clear() {
        synchronized (lock) {
            ensureOpen();
            try (Statement s = db().createStatement()) {
                s.executeUpdate("DELETE FROM segment");
            } catch (SQLException e) {
                indexFailed("clearing the cache", e);
            }
            deletePayloadFiles();
        }
    }

    /**
     * Deletes the least recently used segments until the payloads take at most {@code maxBytes}.
     *
     * @return the number of segments deleted
     */
    public int evictTo(long maxBytes) {
        List<Entry> victims = new ArrayList<>();
        synchronized (lock) {
            ensureOpen();
            try (Statement s = db().createStatement();
                    ResultSet r = s.executeQuery("SELECT coalesce(sum(size), 0) FROM segment")) {
                long total = r.next() ? r.getLong(1) : 0;
                if (total <= maxBytes) return 0;
                try (ResultSet rows = s.executeQuery(
                        "SELECT key, file, size, sha256, frame_count, width, height FROM segment "
                                + "ORDER BY last_used_ms, created_ms")) {
                    while (total > maxBytes && rows.next()) {
                        Entry e = entry(rows);
                        victims.add(e);
                        total -= e.size();
                    }
                }
                try (PreparedStatement delete = db().prepareStatement("DELETE FROM segment WHERE key = ?")) {
                    for (Entry e : victims) {
                        delete.setString(1, e.key());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            } catch (SQLException e) {
                indexFailed("evicting segments", e);
                return 0;
            }
            for (Entry e : victims) deleteQuietly(payloadPath(e));
        }
        return victims.size();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            closeQuietly(connection);
        }
    }

    // ---- index ----

    /** One row of the index. */
    private record Entry(String key, String file, long size, String sha256, SegmentPayload.Shape shape) {}

    private @Nullable Entry findEntry(String key) {
        try (PreparedStatement s = db().prepareStatement(
                "SELECT key, file, size, sha256, frame_count, width, height FROM segment WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? entry(r) : null;
            }
        } catch (SQLException e) {
            indexFailed("looking up segment " + key, e);
            return null;
        }
    }

    private static Entry entry(ResultSet r) throws SQLException {
        return new Entry(r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                new SegmentPayload.Shape(r.getInt(5), r.getInt(6), r.getInt(7)));
    }

    private void touch(String key) {
        long now = clock.millis();
        synchronized (lock) {
            if (closed) return;
            try (PreparedStatement s = db().prepareStatement(
                    "UPDATE segment SET last_used_ms = ? WHERE key = ? AND last_used_ms < ?")) {
                s.setLong(1, now);
                s.setString(2, key);
                s.setLong(3, now);
                s.executeUpdate();
            } catch (SQLException e) {
                indexFailed("updating segment " + key, e);
            }
        }
    }

    /** Drops a damaged entry, unless a concurrent put has replaced it with a good one meanwhile. */
    private void forget(String key, Entry damaged) {
        synchronized (lock) {
            if (closed) return;
            try (PreparedStatement s = db().prepareStatement(
                    "DELETE FROM segment WHERE key = ? AND sha256 = ?")) {
                s.setString(1, key);
                s.setString(2, damaged.sha256());
                if (s.executeUpdate() > 0) deleteQuietly(payloadPath(damaged));
            } catch (SQLException e) {
                indexFailed("forgetting segment " + key, e);
            }
        }
    }

    /**
     * Logs a failed query; if SQLite says the file is damaged, replaces the index with an empty one so the next
     * call works again. Called with the lock held.
     */
    private void indexFailed(String action, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            LOG.log(Level.WARNING, "segment cache: index {0} is damaged while {1} ({2}); rebuilding it", indexFile,
                    action, e.getMessage());
            closeQuietly(connection);
            connection = null;
            try {
                connection = rebuild(e.getMessage());
            } catch (IOException fatal) {
                LOG.log(Level.ERROR, "segment cache: disabled until the project is opened again ({0})",
                        fatal.getMessage());
            }
        } else {
            LOG.log(Level.WARNING, "segment cache: {0} failed ({1})", action, e.getMessage());
        }
    }

    private Connection openIndex() throws IOException {
        try {
            return connectAndCheck();
        } catch (SQLException | IndexMismatch e) {
            return rebuild(e.getMessage());
        }
    }

    private Connection rebuild(@Nullable String reason) throws IOException {
        LOG.log(Level.WARNING, "segment cache: index {0} is unusable ({1}); moving it aside as {2} and starting an "
                + "empty cache", indexFile, reason, INDEX_FILE + ".broken");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = folder.resolve(INDEX_FILE + suffix);
            if (Files.exists(file)) {
                Files.move(file, folder.resolve(INDEX_FILE + ".broken" + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Without their index the payloads cannot be matched to keys or verified; they would only take space.
        deletePayloadFiles();
        try {
            return connectAndCheck();
        } catch (SQLException | IndexMismatch e) {
            throw new IOException("cannot create the segment cache index " + indexFile + ": " + e.getMessage(), e);
        }
    }

    /** Opens the index, creating the schema in an empty database and checking it in an existing one. */
    private Connection connectAndCheck() throws SQLException, IndexMismatch {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexFile.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            // Another studio process on the same project waits for the lock instead of failing at once.
            s.execute("PRAGMA busy_timeout = 5000");
            String mode = queryString(s, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) throw new IndexMismatch("journal mode stays " + mode);
            // In WAL mode NORMAL is still crash-safe for the database; it only skips an fsync per commit.
            s.execute("PRAGMA synchronous = NORMAL");
            String check = queryString(s, "PRAGMA quick_check");
            if (!"ok".equalsIgnoreCase(check)) throw new IndexMismatch("integrity check says: " + check);
            int version = Integer.parseInt(queryString(s, "PRAGMA user_version"));
            if (version == 0) {
                if (Integer.parseInt(queryString(s, "SELECT count(*) FROM sqlite_master")) != 0) {
                    throw new IndexMismatch("it holds tables but no schema version");
                }
                createSchema(c);
            } else if (version != SCHEMA_VERSION) {
                throw new IndexMismatch("schema version " + version + ", expected " + SCHEMA_VERSION);
            }
            return c;
        } catch (SQLException | IndexMismatch | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void createSchema(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE segment (
                        key          TEXT PRIMARY KEY,
                        file         TEXT NOT NULL,
                        size         INTEGER NOT NULL,
                        sha256       TEXT NOT NULL,
                        frame_count  INTEGER NOT NULL,
                        width        INTEGER NOT NULL,
                        height       INTEGER NOT NULL,
                        created_ms   INTEGER NOT NULL,
                        last_used_ms INTEGER NOT NULL
                    ) WITHOUT ROWID""");
            s.execute("CREATE INDEX segment_last_used ON segment (last_used_ms)");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String queryString(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? String.valueOf(r.getString(1)) : "";
        }
    }

    /** The index exists but is not one this version can use. */
    private static final class IndexMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        IndexMismatch(String message) {
            super(message);
        }
    }

    // ---- payload files ----

    /**
     * Where an entry's payload lives. The path comes from the index, which travels with a shared project, so it is
     * checked: a crafted index must not make the studio read or delete files outside the cache.
     */
    private Path payloadPath(Entry entry) {
        if (!PAYLOAD_PATH.matcher(entry.file()).matches()) {
            return segments.resolve("invalid-path-in-index" + PAYLOAD_SUFFIX); // never exists, so reads miss
        }
        return segments.resolve(entry.file());
    }

    private static List<RgbaImage> readVerified(Path file, Entry entry) throws IOException {
        long size = Files.size(file);
        if (size != entry.size()) {
            throw new IOException("size is " + size + " bytes, the index says " + entry.size());
        }
        MessageDigest sha = sha256();
        List<RgbaImage> frames;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                sha)) {
            frames = SegmentPayload.read(in, entry.shape(), size);
        }
        // Frames are decoded while hashing; they are handed out only if the whole file matches its checksum.
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(entry.sha256())) throw new IOException("checksum mismatch");
        return frames;
    }

    /**
     * The payload's file name: the key itself when it is already a lowercase SHA-256 (as render keys are), so files
     * can be matched by eye; otherwise a hash of it, so no key can name a path outside the cache.
     */
    static String fileNameFor(String key) {
        if (HEX_KEY.matcher(key).matches()) return key;
        return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private void deletePayloadFiles() {
        if (!Files.isDirectory(segments)) return;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(segments)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) continue;
                try (Stream<Path> files = Files.list(shard)) {
                    files.filter(p -> p.toString().endsWith(PAYLOAD_SUFFIX) || p.toString().endsWith(TEMP_SUFFIX))
                            .forEach(SqliteSegmentCache::deleteQuietly);
                }
                deleteQuietly(shard); // only succeeds when empty
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "segment cache: cannot delete old payloads in {0} ({1})", segments,
                    e.getMessage());
        }
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Leftovers are harmless: unreferenced payloads are never read, and clear() retries.
        }
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            // Nothing left to release that the caller could act on.
        }
    }

    private Connection db() throws SQLException {
        Connection c = connection;
        if (c == null) throw new SQLException("the segment cache index " + indexFile + " could not be rebuilt");
        return c;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the segment cache in " + folder + " is closed");
    }
}
