package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cuestudio.format.cache.CacheFixtures.frames;
import static org.cuestudio.format.cache.CacheFixtures.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cuestudio.core.render.RgbaImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storing, reading, verifying and rebuilding: the segment cache's basic contract. */
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
            assertThat(cache.stats().segments()).isZero();
            assertThat(cache.stats().bytes()).isZero();
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

            assertThat(cache.stats().segments()).isZero();
            assertThat(cache.stats().bytes()).isZero();
            assertThat(cache.get(key(1))).isEmpty();
            assertThat(payloadBytes()).isZero();
        }
    }

    @Test
    void statsTellTheAgesTheBudgetAndTheFolder() throws IOException {
        CacheFixtures.MutableClock clock = new CacheFixtures.MutableClock();
        Instant first = clock.instant();
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir, 5_000_000, clock,
                SqliteSegmentCache.PayloadSink.FILES)) {
            cache.put(key(1), frames(1, 16, 16, 30));
            clock.advance();
            cache.put(key(2), frames(1, 16, 16, 31));
            clock.advance();
            cache.get(key(1));

            SqliteSegmentCache.Stats stats = cache.stats();

            assertThat(stats.folder()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(stats.maxBytes()).isEqualTo(5_000_000);
            assertThat(stats.oldest()).isEqualTo(first);
            assertThat(stats.newest()).isEqualTo(first.plusSeconds(1));
            assertThat(stats.leastRecentlyUsed()).isEqualTo(first.plusSeconds(1)); // key 2, never read
        }
    }

    @Test
    void statsOfAnEmptyCacheHaveNoAges() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            SqliteSegmentCache.Stats stats = cache.stats();

            assertThat(stats.segments()).isZero();
            assertThat(stats.oldest()).isNull();
            assertThat(stats.newest()).isNull();
            assertThat(stats.leastRecentlyUsed()).isNull();
        }
    }

    @Test
    void clearReportsWhatItFreedAndRemovesBrokenIndexesAndLeftovers() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("index.db.broken"), new byte[1000]);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not the cache's");
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir)) {
            cache.put(key(1), frames(1, 16, 16, 32));
            cache.put(key(2), frames(1, 16, 16, 33));
            Path leftover = Files.write(dir.resolve("segments/00/" + key(3) + ".abc.tmp"), new byte[100]);
            long payloads = payloadBytes();

            cache.get(key(1)); // leaves compiled statements behind, which must not stop the compaction

            SqliteSegmentCache.Cleared cleared = cache.clear();

            assertThat(cache.faults()).isZero();
            assertThat(cleared.segments()).isEqualTo(2);
            assertThat(cleared.bytes()).isGreaterThanOrEqualTo(payloads + 1000);
            assertThat(leftover).doesNotExist();
            assertThat(dir.resolve("index.db.broken")).doesNotExist();
            assertThat(payloadBytes()).isZero();
            cache.put(key(1), frames(1, 16, 16, 32));
            assertThat(cache.get(key(1))).isPresent();
        }
        assertThat(notes).hasContent("not the cache's");
    }

    @Test
    void clearNeverFollowsLinksOutOfTheCache() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path precious = Files.writeString(outside.resolve(key(9) + ".seg"), "work");
        Path cacheFolder = dir.resolve("cache");
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder)) {
            cache.put(key(1), frames(1, 16, 16, 34));
            Files.createSymbolicLink(cacheFolder.resolve("segments/ee"), outside);
            Files.createSymbolicLink(cacheFolder.resolve("segments/00/" + key(9) + ".seg"), precious);

            cache.clear();

            assertThat(cache.stats().segments()).isZero();
        }
        assertThat(precious).hasContent("work");
    }

    @Test
    void evictionDropsTheLeastRecentlyUsedFirst() throws IOException {
        CacheFixtures.MutableClock clock = new CacheFixtures.MutableClock();
        try (SqliteSegmentCache cache = CacheFixtures.open(dir, clock)) {
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

    private long payloadBytes() throws IOException {
        return CacheFixtures.bytesUnder(dir.resolve("segments"));
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
