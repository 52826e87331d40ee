package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.format.cache.CacheFixtures.frames;
import static org.cuestudio.format.cache.CacheFixtures.key;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SegmentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte budget: least-recently-used eviction after puts, and pins that keep segments in use from it. */
@SuppressWarnings("try") // leases are held for their scope, not called
class SegmentCacheBudgetTest {
    @TempDir
    Path dir;

    private final CacheFixtures.MutableClock clock = new CacheFixtures.MutableClock();
    /** The size of one stored test segment. */
    private long segment;

    @BeforeEach
    void measureOneSegment() throws IOException {
        try (SqliteSegmentCache probe = CacheFixtures.open(dir.resolve("probe"), clock)) {
            probe.put(key(0), FRAMES);
            segment = probe.stats().bytes();
        }
    }

    /** A cache whose budget holds {@code segments} test segments and half of another. */
    private SqliteSegmentCache cacheOf(int segments) throws IOException {
        return SqliteSegmentCache.open(dir.resolve("cache"), segments * segment + segment / 2, clock,
                SqliteSegmentCache.PayloadSink.FILES);
    }

    /** The same frame under every key, so every stored segment has exactly the same size. */
    private static final List<RgbaImage> FRAMES = frames(1, 32, 32, 1000);

    /** Puts segments 1..n, one second apart, so their ages are distinct. */
    private void putAll(SqliteSegmentCache cache, int from, int to) {
        for (int i = from; i <= to; i++) {
            clock.advance();
            cache.put(key(i), FRAMES);
        }
    }

    @Test
    void aPutOverTheBudgetEvictsTheLeastRecentlyUsedDownToNinetyPercent() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(10)) {
            putAll(cache, 1, 10);
            clock.advance();
            cache.get(key(1)); // the oldest becomes the most recently used
            assertThat(cache.stats().segments()).isEqualTo(10);

            putAll(cache, 11, 11);

            // 11 segments against a budget of 10.5: down to 9 (90%), dropping 2 and 3, the least recently used.
            assertThat(cache.stats().segments()).isEqualTo(9);
            assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.maxBytes());
            assertThat(cache.get(key(2))).isEmpty();
            assertThat(cache.get(key(3))).isEmpty();
            assertThat(cache.get(key(1))).isPresent();
            assertThat(cache.get(key(4))).isPresent();
            assertThat(cache.get(key(11))).isPresent();
        }
    }

    @Test
    void putsWithinTheBudgetEvictNothing() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(10)) {
            putAll(cache, 1, 10);

            assertThat(cache.stats().segments()).isEqualTo(10);
        }
    }

    @Test
    void evictedPayloadFilesAreDeleted() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(10)) {
            putAll(cache, 1, 30);

            assertThat(CacheFixtures.bytesUnder(dir.resolve("cache/segments"))).isEqualTo(cache.stats().bytes())
                    .isLessThanOrEqualTo(10 * segment);
        }
    }

    @Test
    void aPinnedSegmentSurvivesEvictionPressure() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(4)) {
            putAll(cache, 1, 1);
            try (SegmentStore.Lease lease = cache.pin(List.of(key(1)))) {
                putAll(cache, 2, 40);

                assertThat(cache.get(key(1))).isPresent();
                assertThat(cache.get(key(2))).isEmpty();
            }
        }
    }

    @Test
    void aPinnedSegmentIsEvictedAfterItsLeaseIsReleased() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(4)) {
            putAll(cache, 1, 1);
            SegmentStore.Lease lease = cache.pin(List.of(key(1)));
            putAll(cache, 2, 40);

            lease.close();
            putAll(cache, 41, 44);

            assertThat(cache.get(key(1))).isEmpty();
            assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.maxBytes());
        }
    }

    @Test
    void releasingALeaseThatHeldTheCacheOverItsBudgetEvictsAtOnce() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(4)) {
            List<String> keys = List.of(key(1), key(2), key(3), key(4), key(5), key(6));
            try (SegmentStore.Lease lease = cache.pin(keys)) {
                putAll(cache, 1, 6);
                assertThat(cache.stats().segments()).isEqualTo(6);
            }

            assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.maxBytes());
        }
    }

    @Test
    void aKeyPinnedBeforeItIsStoredIsProtectedOnceStored() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(4)) {
            try (SegmentStore.Lease lease = cache.pin(List.of(key(1)))) {
                putAll(cache, 1, 20);

                assertThat(cache.get(key(1))).isPresent();
            }
        }
    }

    @Test
    void pinsNestUntilTheLastLeaseIsReleased() throws IOException {
        try (SqliteSegmentCache cache = cacheOf(4)) {
            putAll(cache, 1, 1);
            SegmentStore.Lease playback = cache.pin(List.of(key(1)));
            SegmentStore.Lease export = cache.pin(List.of(key(1)));

            playback.close();
            playback.close(); // closing twice releases once
            putAll(cache, 2, 20);
            assertThat(cache.get(key(1))).isPresent();

            export.close();
            putAll(cache, 21, 24);
            assertThat(cache.get(key(1))).isEmpty();
        }
    }

    @Test
    void explicitEvictionAlsoSparesPinnedSegments() throws IOException {
        try (SqliteSegmentCache cache = CacheFixtures.open(dir.resolve("cache"), clock)) {
            putAll(cache, 1, 5);
            try (SegmentStore.Lease lease = cache.pin(List.of(key(1), key(2)))) {
                int evicted = cache.evictTo(0);

                assertThat(evicted).isEqualTo(3);
                assertThat(cache.stats().segments()).isEqualTo(2);
                assertThat(cache.get(key(1))).isPresent();
            }
        }
    }

    @Test
    void openUsesTheBudgetSetForTheMachine() throws IOException {
        String before = System.getProperty(CacheBudget.PROPERTY);
        System.setProperty(CacheBudget.PROPERTY, "3M");
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir.resolve("cache"))) {
            assertThat(cache.maxBytes()).isEqualTo(3L << 20);
            assertThat(cache.stats().maxBytes()).isEqualTo(3L << 20);
        } finally {
            if (before == null) System.clearProperty(CacheBudget.PROPERTY);
            else System.setProperty(CacheBudget.PROPERTY, before);
        }
    }
}
