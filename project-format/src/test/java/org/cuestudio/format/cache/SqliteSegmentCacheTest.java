package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cuestudio.core.render.RgbaImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSegmentCacheTest {
    private static final String KEY = "ab" + "0123456789abcdef".repeat(3) + "0123456789abcd";

    @TempDir
    Path dir;

    @Test
    void returnsTheSameBytesIncludingAlpha() throws IOException {
        List<RgbaImage> frames = frames(3, 64, 48, 1);
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames);

            List<RgbaImage> back = cache.get(KEY).orElseThrow();

            assertThat(back).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(back.get(i).width()).isEqualTo(64);
                assertThat(back.get(i).height()).isEqualTo(48);
                assertThat(back.get(i).pixels()).isEqualTo(frames.get(i).pixels());
            }
        }
    }

    @Test
    void unknownKeyIsAMiss() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            assertThat(cache.get(KEY)).isEmpty();
        }
    }

    @Test
    void keepsSegmentsAcrossReopening() throws IOException {
        List<RgbaImage> frames = frames(2, 16, 16, 2);
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames);
        }
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            assertThat(cache.get(KEY)).hasValueSatisfying(
                    back -> assertThat(back.get(1).pixels()).isEqualTo(frames.get(1).pixels()));
        }
    }

    @Test
    void storesThePayloadUnderAShardedFileNamedByTheKey() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 3));
        }

        assertThat(dir.resolve("segments/ab/" + KEY + ".seg")).isRegularFile();
        assertThat(dir.resolve("index.db")).isRegularFile();
    }

    @Test
    void keysThatAreNotHashesCannotEscapeTheCacheFolder() throws IOException {
        String key = "../../outside";
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir.resolve("cache"))) {
            cache.put(key, frames(1, 16, 16, 4));

            assertThat(cache.get(key)).isPresent();
        }
        assertThat(SqliteSegmentCache.fileNameFor(key)).matches("[0-9a-f]{64}");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).allSatisfy(p -> assertThat(p).startsWith(dir.resolve("cache")));
        }
    }

    @Test
    void payloadPathsFromTheIndexCannotPointOutsideTheCache() throws Exception {
        Path victim = Files.writeString(dir.resolve("precious.txt"), "work");
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir.resolve("cache"))) {
            cache.put(KEY, frames(1, 16, 16, 18));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache/index.db"));
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE segment SET file = '../../precious.txt'");
            }

            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats().segments()).isZero();
        }
        assertThat(victim).hasContent("work");
    }

    @Test
    void indexIsSqliteInWalModeWithASchemaVersion() throws Exception {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 5));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
                    Statement s = c.createStatement()) {
                assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
                assertThat(single(s, "PRAGMA user_version")).isEqualTo("1");
                assertThat(single(s, "SELECT sha256 FROM segment")).isEqualTo(HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(
                                Files.readAllBytes(dir.resolve("segments/ab/" + KEY + ".seg")))));
            }
        }
    }

    @Test
    void corruptedPayloadIsAMissAndIsForgotten() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(2, 32, 32, 6));
            Path payload = dir.resolve("segments/ab/" + KEY + ".seg");
            byte[] bytes = Files.readAllBytes(payload);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(payload, bytes);

            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats().segments()).isZero();
            assertThat(payload).doesNotExist();
        }
    }

    @Test
    void payloadThatDoesNotMatchItsChecksumIsAMiss() throws Exception {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 17));
            // A well-formed payload that is not the one the index recorded, as after a half-finished overwrite.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE segment SET sha256 = '" + "0".repeat(64) + "'");
            }

            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats().segments()).isZero();
        }
    }

    @Test
    void truncatedPayloadIsAMiss() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(2, 32, 32, 7));
            Path payload = dir.resolve("segments/ab/" + KEY + ".seg");
            Files.write(payload, java.util.Arrays.copyOf(Files.readAllBytes(payload), 30));

            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats().segments()).isZero();
        }
    }

    @Test
    void deletedPayloadIsAMissAndIsForgotten() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 8));
            Files.delete(dir.resolve("segments/ab/" + KEY + ".seg"));

            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats().segments()).isZero();
        }
    }

    @Test
    void corruptIndexIsMovedAsideAndRebuilt() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 9));
        }
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        Files.write(dir.resolve("index.db"), junk);

        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            assertThat(cache.get(KEY)).isEmpty();
            assertThat(cache.stats()).isEqualTo(new SqliteSegmentCache.Stats(0, 0));
            cache.put(KEY, frames(1, 16, 16, 10));
            assertThat(cache.get(KEY)).isPresent();
        }
        assertThat(dir.resolve("index.db.broken")).hasBinaryContent(junk);
    }

    @Test
    void indexWithAnotherSchemaVersionIsRebuilt() throws Exception {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 11));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }

        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            assertThat(cache.get(KEY)).isEmpty();
            cache.put(KEY, frames(1, 16, 16, 12));
            assertThat(cache.get(KEY)).isPresent();
        }
        // The old payload went with its index; only the new one remains.
        try (Stream<Path> payloads = Files.walk(dir.resolve("segments"))) {
            assertThat(payloads.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void putReplacesAnOlderEntry() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, frames(1, 16, 16, 13));
            List<RgbaImage> newer = frames(2, 16, 16, 14);
            cache.put(KEY, newer);

            assertThat(cache.get(KEY).orElseThrow().get(1).pixels()).isEqualTo(newer.get(1).pixels());
            assertThat(cache.stats().segments()).isEqualTo(1);
        }
    }

    @Test
    void emptySegmentRoundTrips() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(KEY, List.of());

            assertThat(cache.get(KEY)).hasValue(List.of());
        }
    }

    @Test
    void framesOfDifferentSizesAreRejected() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            List<RgbaImage> mixed = List.of(frames(1, 16, 16, 1).get(0), frames(1, 32, 16, 1).get(0));

            assertThatThrownBy(() -> cache.put(KEY, mixed)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void statsCountSegmentsAndBytesAndClearRemovesThem() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(key(1), frames(1, 16, 16, 15));
            cache.put(key(2), frames(2, 16, 16, 16));

            SqliteSegmentCache.Stats stats = cache.stats();
            assertThat(stats.segments()).isEqualTo(2);
            assertThat(stats.bytes()).isEqualTo(payloadBytes());

            cache.clear();

            assertThat(cache.stats()).isEqualTo(new SqliteSegmentCache.Stats(0, 0));
            assertThat(cache.get(key(1))).isEmpty();
            assertThat(payloadBytes()).isZero();
        }
    }

    @Test
    void evictionDropsTheLeastRecentlyUsedFirst() throws IOException {
        MutableClock clock = new MutableClock();
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir, clock)) {
            for (int i = 1; i <= 3; i++) {
                clock.advance();
                cache.put(key(i), frames(1, 32, 32, 20 + i));
            }
            clock.advance();
            cache.get(key(1)); // now the most recently used
            long oneSegment = cache.stats().bytes() / 3;

            int evicted = cache.evictTo(oneSegment * 2);

            assertThat(evicted).isEqualTo(1);
            assertThat(cache.get(key(2))).isEmpty();
            assertThat(cache.get(key(1))).isPresent();
            assertThat(cache.get(key(3))).isPresent();
        }
    }

    @Test
    void closedCacheRefusesUse() throws IOException {
        SqliteSegmentCache cache = SqliteSegmentCache.open(dir);
        cache.close();

        assertThatThrownBy(() -> cache.get(KEY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneWriterAndSeveralReadersWorkConcurrently() throws Exception {
        int segments = 40;
        List<List<RgbaImage>> expected = new ArrayList<>();
        for (int i = 0; i < segments; i++) expected.add(frames(2, 48, 32, 100 + i));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger hits = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(() -> {
                await(start);
                try {
                    for (int i = 0; i < segments; i++) cache.put(key(i), expected.get(i));
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    writing.set(false);
                }
            }));
            for (int r = 0; r < 4; r++) {
                int seed = r;
                tasks.add(pool.submit(() -> {
                    await(start);
                    Random random = new Random(seed);
                    try {
                        while (writing.get()) {
                            int i = random.nextInt(segments);
                            Optional<List<RgbaImage>> got = cache.get(key(i));
                            if (got.isPresent()) {
                                hits.incrementAndGet();
                                assertThat(got.get().get(1).pixels()).isEqualTo(expected.get(i).get(1).pixels());
                            }
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            start.countDown();
            for (Future<?> task : tasks) task.get(60, TimeUnit.SECONDS);

            assertThat(failures).isEmpty();
            assertThat(hits.get()).isPositive();
            assertThat(cache.stats().segments()).isEqualTo(segments);
            for (int i = 0; i < segments; i++) assertThat(cache.get(key(i))).as("segment %d", i).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    private long payloadBytes() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("segments"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String key(int i) {
        return String.format("%064x", i);
    }

    /** Frames of random bytes: incompressible, with every alpha value, so nothing can hide in a lucky pattern. */
    private static List<RgbaImage> frames(int count, int width, int height, long seed) {
        Random random = new Random(seed);
        List<RgbaImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] px = new byte[width * height * 4];
            random.nextBytes(px);
            frames.add(new RgbaImage(width, height, px));
        }
        return frames;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves forward by a second at a time. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance() {
            now = now.plusSeconds(1);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
