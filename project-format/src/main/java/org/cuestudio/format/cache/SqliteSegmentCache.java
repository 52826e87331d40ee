package org.cuestudio.format.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SegmentStore;
import org.jspecify.annotations.Nullable;

/**
 * The project's render cache on disk: a SQLite index ({@code cache/index.db}) plus one file of losslessly
 * compressed RGBA frames per segment ({@code cache/segments/ab/abcdef...seg}). The layout, formats and rules are
 * described for users and tools in {@code docs/segment-cache.md}.
 *
 * <p>The cache is disposable, so every fault is a miss, never an error: a payload whose SHA-256 does not match the
 * index, a missing or unreadable file, a full disk or a failing query is logged and forgotten, and the segment is
 * rendered again. An index that is not a SQLite database, fails its integrity check or has another schema version is
 * moved aside ({@code index.db.broken}) and rebuilt empty, and the segment files it described are deleted. A cache
 * folder deleted while the cache is open is noticed at the next call and recreated empty.
 *
 * <p>Payloads are kept within a byte budget ({@link CacheBudget}): when a put takes them over it, the least recently
 * used segments are deleted until they take at most 90% of it, so eviction runs once per tenth of the budget rather
 * than after every put. Segments {@linkplain #pin pinned} by running playback or exports are never evicted; a
 * released lease lets eviction catch up.
 *
 * <p>Thread-safe: index queries are short and serialised on one connection (so "database is locked" cannot
 * happen inside one process, and another process waits up to 5 s for its turn), while the large part of the work,
 * compressing, writing, reading and verifying payloads, runs in parallel outside that lock. A payload appears under
 * its final name only complete (written to a temporary file, then renamed), and its index row is written after it.
 */
public final class SqliteSegmentCache implements SegmentStore, AutoCloseable {
    /** Stored in {@code PRAGMA user_version}; any other value makes the index be rebuilt. */
    static final int SCHEMA_VERSION = 1;

    static final String INDEX_FILE = "index.db";
    static final String SEGMENTS_FOLDER = "segments";
    static final String BROKEN_SUFFIX = ".broken";
    private static final String PAYLOAD_SUFFIX = ".seg";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern PAYLOAD_PATH = Pattern.compile("([0-9a-f]{2})/\\1[0-9a-f]{62}\\.seg");
    private static final System.Logger LOG = System.getLogger(SqliteSegmentCache.class.getName());
    /** Last-used times closer than this are not rewritten: LRU to the second is plenty, and reads stay read-only. */
    private static final long TOUCH_GRANULARITY_MS = 1000;
    /** Temporary files older than this at open are leftovers of a crash, not another process's write in flight. */
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    // SQLite primary result codes that mean the file itself is damaged.
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Path folder;
    private final Path indexFile;
    private final Path segments;
    private final long maxBytes;
    private final Clock clock;
    private final PayloadSink sink;
    /** Index and payload faults seen so far; tests assert on it, since faults are otherwise only logged. */
    private final AtomicLong faults = new AtomicLong();
    /**
     * Guards the connection and its {@link #statements}, {@link #closed}, {@link #pins}, {@link #storedBytes} and
     * {@link #indexIdentity}; held for index queries, renames and evictions, never for compressing or reading
     * payloads.
     */
    private final Object lock = new Object();
    /** Null once the index could not even be rebuilt: every call is then a logged miss. */
    private @Nullable Connection connection;
    /** The index file's identity (inode) when opened, to notice the folder being deleted or replaced under us. */
    private @Nullable Object indexIdentity;
    /** The payload bytes the index holds, as this process last knew; other processes may change it meanwhile. */
    private long storedBytes;
    /** The current connection's compiled statements, by their SQL. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Pinned keys and how many leases hold each. */
    private final Map<String, Integer> pins = new HashMap<>();
    private boolean closed;

    /** Where payload bytes are written; a seam so tests can simulate a full disk. */
    @FunctionalInterface
    interface PayloadSink {
        PayloadSink FILES = file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

        OutputStream create(Path file) throws IOException;
    }

    private SqliteSegmentCache(Path folder, long maxBytes, Clock clock, PayloadSink sink) throws IOException {
        if (maxBytes < 0) throw new IllegalArgumentException("the cache budget cannot be negative: " + maxBytes);
        this.folder = folder.toAbsolutePath().normalize();
        this.indexFile = this.folder.resolve(INDEX_FILE);
        this.segments = this.folder.resolve(SEGMENTS_FOLDER);
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.sink = sink;
        Files.createDirectories(segments);
        deleteStaleTempFiles();
        synchronized (lock) {
            openIndex();
        }
    }

    /**
     * Opens (or creates) the cache in a project's {@code cache/} folder, with the budget this machine is configured
     * for ({@link CacheBudget#configured()}).
     *
     * @throws IOException only if the folder cannot be created or no index can be created in it at all (a
     *                     read-only disk); a damaged index is rebuilt instead
     */
    public static SqliteSegmentCache open(Path cacheFolder) throws IOException {
        return open(cacheFolder, CacheBudget.configured());
    }

    /** As {@link #open(Path)}, keeping the payloads within {@code maxBytes}. */
    public static SqliteSegmentCache open(Path cacheFolder, long maxBytes) throws IOException {
        return new SqliteSegmentCache(cacheFolder, maxBytes, Clock.systemUTC(), PayloadSink.FILES);
    }

    /** As {@link #open(Path, long)}, with the clock that stamps times and the sink payloads go to (for tests). */
    static SqliteSegmentCache open(Path cacheFolder, long maxBytes, Clock clock, PayloadSink sink) throws IOException {
        return new SqliteSegmentCache(cacheFolder, maxBytes, clock, sink);
    }

    /**
     * What the cache holds: the segments, the bytes their payload files take, the budget, and when the oldest and
     * newest segments were stored and the least recently used one was last read (null when empty).
     */
    public record Stats(Path folder, long segments, long bytes, long maxBytes, @Nullable Instant oldest,
            @Nullable Instant newest, @Nullable Instant leastRecentlyUsed) {}

    /** What {@link #clear()} removed: the segments, and the bytes of every file it deleted. */
    public record Cleared(long segments, long bytes) {}

    /** The folder this cache lives in. */
    public Path folder() {
        return folder;
    }

    /** The byte budget of the payloads. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The frames stored under a key, after checking the payload against its checksum. The returned list inflates
     * each frame when it is read (on any thread), so holding a segment costs its compressed size.
     */
    @Override
    public Optional<List<RgbaImage>> get(String key) {
        Entry entry;
        synchronized (lock) {
            ensureOpen();
            recoverIfFolderWasDeleted();
            entry = findEntry(key);
        }
        if (entry == null) return Optional.empty();
        Path file = payloadPath(entry);
        // What was read, so that a failed read forgets only that file, not one a concurrent put has just renamed in.
        @Nullable Object seen = identityOf(file);
        try {
            List<RgbaImage> frames = readVerified(file, entry);
            touch(entry);
            return Optional.of(frames);
        } catch (NoSuchFileException e) {
            LOG.log(Level.INFO, "segment cache: payload of {0} is missing; it will be rendered again", key);
        } catch (IOException | RuntimeException e) {
            faults.incrementAndGet();
            LOG.log(Level.WARNING, "segment cache: payload {0} is unusable ({1}); it will be rendered again", file,
                    e.getMessage());
        }
        forget(key, entry, file, seen);
        return Optional.empty();
    }

    /**
     * Stores a segment's frames under its key, replacing any older entry, then evicts if the budget is exceeded.
     * Storage failures (a full disk, a deleted folder) are logged and leave the cache without the entry; they never
     * reach the caller, whose render goes on.
     *
     * @throws IllegalArgumentException if the frames are not all the same size
     * @throws IllegalStateException if the cache is closed
     */
    @Override
    public void put(String key, List<RgbaImage> frames) {
        SegmentPayload.Shape shape = SegmentPayload.shapeOf(frames);
        synchronized (lock) {
            ensureOpen();
            recoverIfFolderWasDeleted();
        }
        String name = fileNameFor(key);
        String relative = name.substring(0, 2) + "/" + name + PAYLOAD_SUFFIX;
        Path target = segments.resolve(relative);
        Path temp = target.resolveSibling(name + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = sha256();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(sink.create(temp), 1 << 16), sha)) {
                SegmentPayload.write(frames, out);
            }
            long size = Files.size(temp);
            String checksum = HexFormat.of().formatHex(sha.digest());
            long now = clock.millis();
            synchronized (lock) {
                if (closed) return;
                // Rename and row together, so that a concurrent put of the same key cannot pair one's file with
                // the other's checksum, and eviction never sees a file without its row.
                moveReplacing(temp, target);
                try {
                    long replaced = storedSize(key);
                    PreparedStatement s = statement("""
                            INSERT OR REPLACE INTO segment
                                (key, file, size, sha256, frame_count, width, height, created_ms, last_used_ms)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
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
                    storedBytes += size - replaced;
                } catch (SQLException e) {
                    deleteQuietly(target);
                    indexFailed("storing segment " + key, e);
                    return;
                }
                if (storedBytes > maxBytes) evictLocked(lowWater());
            }
        } catch (IOException | RuntimeException e) {
            faults.incrementAndGet();
            LOG.log(Level.WARNING, "segment cache: cannot store segment {0} ({1}); it will be rendered again",
                    key, e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Protects the segments stored (now or later) under {@code keys} from eviction until the lease is closed. Pins
     * live in this process: another process sharing the project cannot see them, and at worst makes a pinned
     * segment a miss, which is rendered again.
     */
    @Override
    public Lease pin(Collection<String> keys) {
        List<String> pinned = List.copyOf(keys);
        synchronized (lock) {
            ensureOpen();
            for (String k : pinned) pins.merge(k, 1, Integer::sum);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (!released.compareAndSet(false, true)) return;
            synchronized (lock) {
                for (String k : pinned) pins.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1);
                // The pins may have held the cache over its budget; catch up now that they are gone.
                if (!closed && storedBytes > maxBytes) evictLocked(lowWater());
            }
        };
    }

    /** The number of segments, their bytes and their ages. */
    public Stats stats() {
        synchronized (lock) {
            ensureOpen();
            recoverIfFolderWasDeleted();
            try (Statement s = db().createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(size), 0), min(created_ms), "
                            + "max(created_ms), min(last_used_ms) FROM segment")) {
                r.next();
                long count = r.getLong(1);
                return new Stats(folder, count, r.getLong(2), maxBytes, count == 0 ? null : instant(r, 3),
                        count == 0 ? null : instant(r, 4), count == 0 ? null : instant(r, 5));
            } catch (SQLException e) {
                indexFailed("counting segments", e);
                return new Stats(folder, 0, 0, maxBytes, null, null, null);
            }
        }
    }

    /**
     * Forgets every segment, pinned or not (a reader that loses one renders it again), and deletes the payload
     * files, temporary files and moved-aside broken indexes; then compacts the index. Files in the cache folder that
     * the cache did not make are left alone, and links are never followed.
     */
    public Cleared clear() {
        synchronized (lock) {
            ensureOpen();
            recoverIfFolderWasDeleted();
            long count = 0;
            try (Statement s = db().createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM segment")) {
                    count = r.next() ? r.getLong(1) : 0;
                }
                s.executeUpdate("DELETE FROM segment");
                storedBytes = 0;
            } catch (SQLException e) {
                indexFailed("clearing the cache", e);
            }
            long bytes = deletePayloadFiles(true);
            bytes += deleteBrokenIndexes();
            long indexBefore = indexBytes();
            closeStatements(); // VACUUM refuses to run beside prepared statements
            try (Statement s = db().createStatement()) {
                s.execute("VACUUM");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                indexFailed("compacting the index", e);
            }
            bytes += Math.max(0, indexBefore - indexBytes());
            return new Cleared(count, bytes);
        }
    }

    /**
     * Deletes the least recently used segments that are not pinned until the payloads take at most
     * {@code maxBytes}. Puts call this on their own when the budget is exceeded.
     *
     * @return the number of segments deleted
     */
    public int evictTo(long maxBytes) {
        synchronized (lock) {
            ensureOpen();
            return evictLocked(maxBytes);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            dropConnection();
        }
    }

    /** Index and payload faults so far (all of them logged and turned into misses). */
    long faults() {
        return faults.get();
    }

    /** The index row of a key, without reading its payload: what the index lookup benchmark measures. */
    boolean contains(String key) {
        synchronized (lock) {
            ensureOpen();
            recoverIfFolderWasDeleted();
            return findEntry(key) != null;
        }
    }

    /**
     * Adds index rows without payload files, in one transaction: a cheap way for the benchmark to give the index a
     * realistic number of entries. Their payloads read as missing.
     */
    void insertRowsWithoutPayloads(List<String> keys, long sizeEach) {
        synchronized (lock) {
            ensureOpen();
            try {
                Connection c = db();
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT OR REPLACE INTO segment
                            (key, file, size, sha256, frame_count, width, height, created_ms, last_used_ms)
                        VALUES (?, ?, ?, ?, 1, 16, 16, ?, ?)""")) {
                    long now = clock.millis();
                    for (String key : keys) {
                        String name = fileNameFor(key);
                        s.setString(1, key);
                        s.setString(2, name.substring(0, 2) + "/" + name + PAYLOAD_SUFFIX);
                        s.setLong(3, sizeEach);
                        s.setString(4, "0".repeat(64));
                        s.setLong(5, now);
                        s.setLong(6, now);
                        s.addBatch();
                    }
                    s.executeBatch();
                    c.commit();
                    storedBytes += sizeEach * keys.size();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                indexFailed("inserting rows", e);
            }
        }
    }

    // ---- eviction ----

    /** Where eviction stops once started: 90% of the budget, so that it does not run again at the very next put. */
    private long lowWater() {
        return maxBytes - maxBytes / 10;
    }

    /** Evicts unpinned segments, least recently used first, down to {@code target} bytes. Called with the lock. */
    private int evictLocked(long target) {
        List<Entry> victims = new ArrayList<>();
        long total;
        try {
            total = storedBytesFromIndex();
            storedBytes = total;
            if (total <= target) return 0;
            // Walks the last-used index from its oldest end and stops as soon as enough is found; ordering by any
            // second column too would make SQLite sort the whole table first.
            try (Statement s = db().createStatement();
                    ResultSet rows = s.executeQuery("SELECT " + ENTRY_COLUMNS + " FROM segment ORDER BY last_used_ms")) {
                while (total > target && rows.next()) {
                    Entry e = entry(rows);
                    if (pins.containsKey(e.key())) continue;
                    victims.add(e);
                    total -= e.size();
                }
            }
            if (victims.isEmpty()) return 0;
            Connection c = db();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM segment WHERE key = ?")) {
                for (Entry e : victims) {
                    delete.setString(1, e.key());
                    delete.addBatch();
                }
                delete.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            indexFailed("evicting segments", e);
            return 0;
        }
        // Files go while the lock is still held, so a pin or put of the same key cannot slip in between.
        for (Entry e : victims) deleteQuietly(payloadPath(e));
        storedBytes = total;
        LOG.log(Level.DEBUG, "segment cache: evicted {0} segments to stay within {1}", victims.size(),
                CacheBudget.format(maxBytes));
        if (total > target) {
            LOG.log(Level.INFO, "segment cache: {0} in use by playback or export keeps the cache over its budget "
                    + "for now", CacheBudget.format(total));
        }
        return victims.size();
    }

    // ---- index ----

    private static final String ENTRY_COLUMNS = "key, file, size, sha256, frame_count, width, height, last_used_ms";

    /** One row of the index. */
    private record Entry(String key, String file, long size, String sha256, SegmentPayload.Shape shape,
            long lastUsedMs) {}

    private @Nullable Entry findEntry(String key) {
        try {
            PreparedStatement s = statement("SELECT " + ENTRY_COLUMNS + " FROM segment WHERE key = ?");
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
                new SegmentPayload.Shape(r.getInt(5), r.getInt(6), r.getInt(7)), r.getLong(8));
    }

    private long storedSize(String key) throws SQLException {
        PreparedStatement s = statement("SELECT size FROM segment WHERE key = ?");
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private long storedBytesFromIndex() throws SQLException {
        try (Statement s = db().createStatement();
                ResultSet r = s.executeQuery("SELECT coalesce(sum(size), 0) FROM segment")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static @Nullable Instant instant(ResultSet r, int column) throws SQLException {
        long ms = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    /** Marks a segment as just used, for LRU eviction. */
    private void touch(Entry entry) {
        long now = clock.millis();
        if (now - entry.lastUsedMs() < TOUCH_GRANULARITY_MS) return;
        synchronized (lock) {
            if (closed) return;
            try {
                PreparedStatement s = statement("UPDATE segment SET last_used_ms = ? WHERE key = ? AND last_used_ms < ?");
                s.setLong(1, now);
                s.setString(2, entry.key());
                s.setLong(3, now);
                s.executeUpdate();
            } catch (SQLException e) {
                indexFailed("updating segment " + entry.key(), e);
            }
        }
    }

    /**
     * Drops a damaged or missing entry, unless a concurrent put has replaced its file meanwhile (the file is then not
     * the one that failed).
     */
    private void forget(String key, Entry damaged, Path file, @Nullable Object failedFile) {
        synchronized (lock) {
            if (closed || !Objects.equals(identityOf(file), failedFile)) return;
            try {
                PreparedStatement s = statement("DELETE FROM segment WHERE key = ? AND sha256 = ?");
                s.setString(1, key);
                s.setString(2, damaged.sha256());
                if (s.executeUpdate() > 0) {
                    storedBytes -= damaged.size();
                    deleteQuietly(payloadPath(damaged));
                }
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
        faults.incrementAndGet();
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            LOG.log(Level.WARNING, "segment cache: index {0} is damaged while {1} ({2}); rebuilding it", indexFile,
                    action, e.getMessage());
            dropConnection();
            try {
                adopt(rebuild(e.getMessage()));
            } catch (IOException fatal) {
                LOG.log(Level.ERROR, "segment cache: disabled until the project is opened again ({0})",
                        fatal.getMessage());
            }
        } else {
            LOG.log(Level.WARNING, "segment cache: {0} failed ({1})", action, e.getMessage());
        }
    }

    /**
     * Starts a new, empty index if the cache folder or its index was deleted (or replaced) while open: SQLite would
     * otherwise go on writing into the deleted file, and every segment stored from then on would be lost at the next
     * open. Called with the lock held; costs one file-status call.
     */
    private void recoverIfFolderWasDeleted() {
        if (connection == null || Objects.equals(identityOf(indexFile), indexIdentity)) return;
        LOG.log(Level.WARNING, "segment cache: {0} was deleted or replaced while in use; starting an empty cache "
                + "(segments are rendered again)", indexFile);
        dropConnection();
        try {
            Files.createDirectories(segments);
            openIndex();
        } catch (IOException e) {
            faults.incrementAndGet();
            LOG.log(Level.ERROR, "segment cache: disabled until the project is opened again ({0})", e.getMessage());
        }
    }

    private static @Nullable Object identityOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // Without inode numbers (some file systems) the creation time tells a recreated file apart.
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** Opens the index (rebuilding it if unusable) and learns its identity and size. Called with the lock held. */
    private void openIndex() throws IOException {
        Connection c;
        try {
            c = connectAndCheck();
        } catch (SQLException | IndexMismatch e) {
            c = rebuild(e.getMessage());
        }
        adopt(c);
    }

    /** Makes a freshly opened index the one in use. Called with the lock held. */
    private void adopt(Connection c) {
        connection = c;
        indexIdentity = identityOf(indexFile);
        try {
            storedBytes = storedBytesFromIndex();
        } catch (SQLException e) {
            storedBytes = 0; // the next eviction counts again
        }
    }

    private Connection rebuild(@Nullable String reason) throws IOException {
        LOG.log(Level.WARNING, "segment cache: index {0} is unusable ({1}); moving it aside as {2} and starting an "
                + "empty cache", indexFile, reason, INDEX_FILE + BROKEN_SUFFIX);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = folder.resolve(INDEX_FILE + suffix);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(file, folder.resolve(INDEX_FILE + BROKEN_SUFFIX + suffix),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            return connectAndCheck();
        } catch (SQLException | IndexMismatch e) {
            throw new IOException("cannot create the segment cache index " + indexFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the index, creating the schema in an empty database and checking it in an existing one. When it creates
     * the schema it deletes the payload files already there: without their index they cannot be matched to keys or
     * verified, and would only take space outside the budget.
     */
    private Connection connectAndCheck() throws SQLException, IndexMismatch {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexFile);
        try (Statement s = c.createStatement()) {
            // Another studio process on the same project waits for the lock instead of failing at once.
            s.execute("PRAGMA busy_timeout = 5000");
            String mode = queryString(s, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) throw new IndexMismatch("journal mode stays " + mode);
            // In WAL mode NORMAL is still crash-safe for the database; it only skips an fsync per commit.
            s.execute("PRAGMA synchronous = NORMAL");
            String check = queryString(s, "PRAGMA quick_check");
            if (!"ok".equalsIgnoreCase(check)) throw new IndexMismatch("integrity check says: " + check);
            if (createSchemaIfEmpty(c)) deletePayloadFiles(false);
            return c;
        } catch (SQLException | IndexMismatch | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Creates the schema in a new database, or checks the version of an existing one. The check and the creation
     * share one write transaction, so two processes opening a new cache at once cannot both create it.
     *
     * @return whether the schema was created
     */
    private static boolean createSchemaIfEmpty(Connection c) throws SQLException, IndexMismatch {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = Integer.parseInt(queryString(s, "PRAGMA user_version"));
                boolean created = false;
                if (version == 0) {
                    if (Integer.parseInt(queryString(s, "SELECT count(*) FROM sqlite_master")) != 0) {
                        throw new IndexMismatch("it holds tables but no schema version");
                    }
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
                    created = true;
                } else if (version != SCHEMA_VERSION) {
                    throw new IndexMismatch("schema version " + version + ", expected " + SCHEMA_VERSION);
                }
                s.execute("COMMIT");
                return created;
            } catch (SQLException | IndexMismatch | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
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

    /** Reads a whole payload, checks its size and SHA-256 against the index, and parses its frame table. */
    private static List<RgbaImage> readVerified(Path file, Entry entry) throws IOException {
        long size = Files.size(file);
        if (size != entry.size()) {
            throw new IOException("size is " + size + " bytes, the index says " + entry.size());
        }
        if (size > Integer.MAX_VALUE - 16) throw new IOException("payload of " + size + " bytes is too large");
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) throw new IOException("size changed while reading");
        String actual = HexFormat.of().formatHex(sha256().digest(bytes));
        if (!actual.equals(entry.sha256())) throw new IOException("checksum mismatch");
        return SegmentPayload.decode(bytes, entry.shape());
    }

    /**
     * The payload's file name: the key itself when it is already a lowercase SHA-256 (as render keys are), so files
     * can be matched by eye; otherwise a hash of it, so no key can name a path outside the cache.
     */
    static String fileNameFor(String key) {
        if (HEX_KEY.matcher(key).matches()) return key;
        return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Deletes payload files (and, with {@code withTemps}, temporary files) in the shard folders, then the emptied
     * shards. Only names the cache makes are touched, and links are neither followed nor deleted.
     *
     * @return the bytes deleted
     */
    private long deletePayloadFiles(boolean withTemps) {
        long bytes = 0;
        if (!Files.isDirectory(segments, LinkOption.NOFOLLOW_LINKS)) return 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(segments)) {
            for (Path shard : shards) {
                if (!SHARD.matcher(shard.getFileName().toString()).matches()
                        || !Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path f : files) {
                        String n = f.getFileName().toString();
                        if ((n.endsWith(PAYLOAD_SUFFIX) || withTemps && n.endsWith(TEMP_SUFFIX))
                                && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            bytes += sizeQuietly(f);
                            deleteQuietly(f);
                        }
                    }
                }
                deleteQuietly(shard); // only succeeds when empty
            }
        } catch (IOException e) {
            faults.incrementAndGet();
            LOG.log(Level.WARNING, "segment cache: cannot delete payloads in {0} ({1})", segments, e.getMessage());
        }
        return bytes;
    }

    /** Deletes temporary payload files left by a crash; younger ones may be another process's write in flight. */
    private void deleteStaleTempFiles() {
        Instant staleBefore = clock.instant().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(segments)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) continue;
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(shard, "*" + TEMP_SUFFIX)) {
                    for (Path t : temps) {
                        if (Files.getLastModifiedTime(t, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(staleBefore)) {
                            deleteQuietly(t);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "segment cache: cannot look for leftover temporary files ({0})", e.getMessage());
        }
    }

    private long deleteBrokenIndexes() {
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path f = folder.resolve(INDEX_FILE + BROKEN_SUFFIX + suffix);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                bytes += sizeQuietly(f);
                deleteQuietly(f);
            }
        }
        return bytes;
    }

    private long indexBytes() {
        return sizeQuietly(indexFile) + sizeQuietly(folder.resolve(INDEX_FILE + "-wal"));
    }

    private static long sizeQuietly(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
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

    /**
     * A prepared statement of the current connection, compiled once: compiling costs more than running a lookup.
     * Used with the lock held; the statements are closed with their connection.
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = db().prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** Closes the connection and its statements. Called with the lock held. */
    private void dropConnection() {
        closeStatements();
        closeQuietly(connection);
        connection = null;
    }

    private void closeStatements() {
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                // Closing the connection releases it anyway.
            }
        }
        statements.clear();
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
