package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.format.cache.CacheFixtures.frames;
import static org.cuestudio.format.cache.CacheFixtures.key;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SegmentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playback readers, a renderer writing, an evictor and a second process's connection all at once: no "database is
 * locked", no damaged frame handed out, no pinned segment lost, and an index that matches the files at the end. The
 * loops are bounded by counts, not time, so the test does the same work on any machine.
 */
@SuppressWarnings("try") // leases are held for their scope, not called
class SegmentCacheConcurrencyTest {
    private static final int KEYS = 30;
    private static final int WRITER_ROUNDS = 10;
    private static final int READS_PER_READER = 400;
    private static final int READERS = 4;
    private static final int EVICTIONS = 150;
    private static final int INDEX_QUERIES = 300;

    @TempDir
    Path dir;

    @Test
    void readersAWriterAnEvictorAndAnotherConnectionWorkTogether() throws Exception {
        List<List<RgbaImage>> expected = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) expected.add(frames(2, 48, 32, 100 + i));
        long oneSegment = probeSize(expected.get(0));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger hits = new AtomicInteger();
        AtomicInteger pinnedRereads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        // Readers and the evictor start once the writer has stored every key once; from then on at least a sixth of
        // the keys are always stored (the evictor keeps that much), so readers find segments on any machine.
        CountDownLatch firstRound = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 3);
        Path folder = dir.resolve("cache");
        // A budget of a third of the segments keeps the writer's puts evicting all the time.
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(folder, KEYS / 3 * oneSegment);
                SqliteSegmentCache otherProcess = SqliteSegmentCache.open(folder, KEYS / 3 * oneSegment)) {
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(task(start, failures, () -> {
                try {
                    for (int round = 0; round < WRITER_ROUNDS; round++) {
                        for (int i = 0; i < KEYS; i++) cache.put(key(i), expected.get(i));
                        firstRound.countDown();
                    }
                } finally {
                    firstRound.countDown(); // never leave the others waiting
                }
                return null;
            })));
            tasks.add(pool.submit(task(start, failures, () -> {
                firstRound.await();
                Random random = new Random(7);
                for (int n = 0; n < EVICTIONS; n++) {
                    cache.evictTo((KEYS / 6 + random.nextInt(KEYS / 6 + 1)) * oneSegment);
                    Thread.yield();
                }
                return null;
            })));
            tasks.add(pool.submit(task(start, failures, () -> {
                // Another studio process (say `cue cache stats`) queries the same index through its own connection.
                Random random = new Random(8);
                for (int n = 0; n < INDEX_QUERIES; n++) {
                    otherProcess.stats();
                    otherProcess.contains(key(random.nextInt(KEYS)));
                }
                return null;
            })));
            for (int r = 0; r < READERS; r++) {
                int seed = r;
                tasks.add(pool.submit(task(start, failures, () -> {
                    firstRound.await();
                    Random random = new Random(seed);
                    for (int n = 0; n < READS_PER_READER; n++) {
                        int i = random.nextInt(KEYS);
                        try (SegmentStore.Lease lease = cache.pin(List.of(key(i)))) {
                            Optional<List<RgbaImage>> got = cache.get(key(i));
                            if (got.isEmpty()) continue;
                            hits.incrementAndGet();
                            assertSameFrames(got.get(), expected.get(i));
                            // Pinned: eviction cannot take it between two reads of the same playback.
                            Optional<List<RgbaImage>> again = cache.get(key(i));
                            assertThat(again).as("pinned segment %d read again", i).isPresent();
                            assertSameFrames(again.get(), expected.get(i));
                            pinnedRereads.incrementAndGet();
                        }
                    }
                    return null;
                })));
            }
            start.countDown();
            for (Future<?> task : tasks) task.get(120, TimeUnit.SECONDS);

            assertThat(failures).isEmpty();
            assertThat(cache.faults()).as("index or payload faults (e.g. database is locked)").isZero();
            assertThat(otherProcess.faults()).as("faults seen by the other connection").isZero();
            assertThat(hits.get()).isPositive();
            assertThat(pinnedRereads.get()).isPositive();
            SqliteSegmentCache.Stats stats = cache.stats();
            assertThat(stats.bytes()).isLessThanOrEqualTo(cache.maxBytes());
            assertThat(CacheFixtures.bytesUnder(folder.resolve("segments")))
                    .as("payload files on disk match the index: none orphaned, none missing").isEqualTo(stats.bytes());
            for (int i = 0; i < KEYS; i++) {
                if (cache.contains(key(i))) assertSameFrames(cache.get(key(i)).orElseThrow(), expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesWritingTheSameCacheWaitForEachOtherInsteadOfFailing() throws Exception {
        int perWriter = 40;
        List<List<RgbaImage>> expected = new ArrayList<>();
        for (int i = 0; i < 2 * perWriter; i++) expected.add(frames(1, 32, 32, 500 + i));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Path folder = dir.resolve("cache");
        // Two connections, as two studio processes (the window and `cue render`) on one project would have.
        try (SqliteSegmentCache a = SqliteSegmentCache.open(folder, Long.MAX_VALUE);
                SqliteSegmentCache b = SqliteSegmentCache.open(folder, Long.MAX_VALUE)) {
            List<Future<?>> tasks = new ArrayList<>();
            for (SqliteSegmentCache[] pair : List.of(new SqliteSegmentCache[] {a, b}, new SqliteSegmentCache[] {b, a})) {
                int first = pair[0] == a ? 0 : perWriter;
                tasks.add(pool.submit(task(start, failures, () -> {
                    for (int i = first; i < first + perWriter; i++) {
                        pair[0].put(key(i), expected.get(i));
                        pair[1].get(key(i)); // the other process reads what was just written
                        pair[0].stats();
                    }
                    return null;
                })));
            }
            start.countDown();
            for (Future<?> task : tasks) task.get(120, TimeUnit.SECONDS);

            assertThat(failures).isEmpty();
            assertThat(a.faults() + b.faults()).as("faults such as database is locked").isZero();
            for (int i = 0; i < 2 * perWriter; i++) {
                assertSameFrames(a.get(key(i)).orElseThrow(), expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long probeSize(List<RgbaImage> frames) throws Exception {
        try (SqliteSegmentCache probe = SqliteSegmentCache.open(dir.resolve("probe"))) {
            probe.put(key(0), frames);
            return probe.stats().bytes();
        }
    }

    private static void assertSameFrames(List<RgbaImage> actual, List<RgbaImage> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int f = 0; f < expected.size(); f++) {
            assertThat(actual.get(f).pixels()).isEqualTo(expected.get(f).pixels());
        }
    }

    /** Waits for the start signal, runs the work, and records any failure instead of losing it in a pool thread. */
    private static Callable<Void> task(CountDownLatch start, ConcurrentLinkedQueue<Throwable> failures,
            Callable<Void> work) {
        return () -> {
            start.await();
            try {
                work.call();
            } catch (Throwable t) {
                failures.add(t);
            }
            return null;
        };
    }
}
