package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.cuestudio.format.cache.CacheFixtures.frames;
import static org.cuestudio.format.cache.CacheFixtures.key;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user can do to a cache in use (delete it) and what a machine can (run out of disk): never an error. */
class SegmentCacheFaultTest {
    @TempDir
    Path dir;

    private Path cacheFolder() {
        return dir.resolve("cache");
    }

    @Test
    void cacheFolderDeletedWhileOpenIsRecreatedAndItsSegmentsAreMisses() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            cache.put(key(1), frames(1, 16, 16, 1));
            deleteTree(cacheFolder());

            assertThat(cache.get(key(1))).isEmpty();
            cache.put(key(2), frames(1, 16, 16, 2));

            assertThat(cache.get(key(2))).isPresent();
            assertThat(cacheFolder().resolve("index.db")).isRegularFile();
            assertThat(cache.stats().segments()).isEqualTo(1);
        }
        // What was stored after the deletion went into the new index on disk, not into the deleted one.
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            assertThat(cache.get(key(2))).isPresent();
        }
    }

    @Test
    void cacheFolderDeletedBeforeAPutIsRecreatedByThePut() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            deleteTree(cacheFolder());

            cache.put(key(1), frames(1, 16, 16, 3));

            assertThat(cacheFolder().resolve("segments/00/" + key(1) + ".seg")).isRegularFile();
        }
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            assertThat(cache.get(key(1))).isPresent();
            assertThat(cache.faults()).isZero();
        }
    }

    @Test
    void deletedIndexIsReplacedAndTheUnmatchedPayloadsGo() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            cache.put(key(1), frames(1, 16, 16, 4));
            for (String f : new String[] {"index.db", "index.db-wal", "index.db-shm"}) {
                Files.deleteIfExists(cacheFolder().resolve(f));
            }

            assertThat(cache.get(key(1))).isEmpty();
            assertThat(CacheFixtures.bytesUnder(cacheFolder().resolve("segments"))).isZero();
            cache.put(key(2), frames(1, 16, 16, 5));
        }
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            assertThat(cache.get(key(2))).isPresent();
        }
    }

    @Test
    void deletedSegmentsFolderMakesMissesAndIsRecreated() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            cache.put(key(1), frames(1, 16, 16, 6));
            deleteTree(cacheFolder().resolve("segments"));

            assertThat(cache.get(key(1))).isEmpty();
            assertThat(cache.stats().segments()).isZero();
            cache.put(key(1), frames(1, 16, 16, 6));
            assertThat(cache.get(key(1))).isPresent();
        }
    }

    @Test
    void framesAlreadyHandedToPlaybackSurviveTheFolderBeingDeleted() throws IOException {
        List<RgbaImage> stored = frames(3, 16, 16, 7);
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(cacheFolder())) {
            cache.put(key(1), stored);
            List<RgbaImage> playing = cache.get(key(1)).orElseThrow();

            deleteTree(cacheFolder());

            for (int i = 0; i < stored.size(); i++) {
                assertThat(playing.get(i).pixels()).isEqualTo(stored.get(i).pixels());
            }
        }
    }

    @Test
    void aFullDiskWhileWritingAPayloadIsNotThrownAndLeavesNothingBehind() throws IOException {
        DiskFull disk = new DiskFull(2_000);
        try (SqliteSegmentCache cache = openWith(disk)) {
            assertThatCode(() -> cache.put(key(1), frames(2, 32, 32, 8))).doesNotThrowAnyException();

            assertThat(disk.failures).isPositive();
            assertThat(cache.faults()).isEqualTo(1);
            assertThat(cache.get(key(1))).isEmpty();
            assertThat(cache.stats().segments()).isZero();
            assertThat(CacheFixtures.bytesUnder(cacheFolder().resolve("segments"))).isZero();
        }
    }

    @Test
    void theCacheWorksAgainOnceSpaceIsFreed() throws IOException {
        DiskFull disk = new DiskFull(2_000);
        try (SqliteSegmentCache cache = openWith(disk)) {
            cache.put(key(1), frames(2, 32, 32, 9));
            disk.full.set(false);

            cache.put(key(1), frames(2, 32, 32, 9));

            assertThat(cache.get(key(1))).isPresent();
        }
    }

    @Test
    void aRenderSucceedsWhenTheCacheDiskIsFull() throws IOException {
        DiskFull disk = new DiskFull(100);
        FakeRender.Backend backend = new FakeRender.Backend();
        Performance perf = FakeRender.performance(25);
        List<RgbaImage> out = new ArrayList<>();
        try (SqliteSegmentCache cache = openWith(disk)) {
            ShotRenderer renderer = new ShotRenderer(backend, cache, 10);

            ShotRenderer.Result result = renderer.render(perf, FakeRender.CHARACTER, FakeRender.SETTINGS,
                    (i, frame) -> out.add(frame), ProgressListener.NONE, CancellationToken.NONE);

            assertThat(result.framesRendered()).isEqualTo(25);
            assertThat(cache.stats().segments()).isZero();
            assertThat(disk.failures).isPositive();
            assertThat(cache.faults()).as("one failed put per segment").isEqualTo(3);
        }
        assertThat(out).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(out.get(i).pixels()).isEqualTo(FakeRender.imageOf(perf.frames().get(i), FakeRender.SETTINGS)
                    .pixels());
        }
    }

    private SqliteSegmentCache openWith(DiskFull disk) throws IOException {
        return SqliteSegmentCache.open(cacheFolder(), Long.MAX_VALUE, Clock.systemUTC(), disk);
    }

    /** A disk that takes a number of bytes per file and then fails as a full one does, while {@link #full}. */
    private static final class DiskFull implements SqliteSegmentCache.PayloadSink {
        final AtomicBoolean full = new AtomicBoolean(true);
        final int room;
        int failures;

        DiskFull(int room) {
            this.room = room;
        }

        @Override
        public OutputStream create(Path file) throws IOException {
            OutputStream real = SqliteSegmentCache.PayloadSink.FILES.create(file);
            if (!full.get()) return real;
            return new FilterOutputStream(real) {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written + len > room) {
                        failures++;
                        throw new IOException("No space left on device");
                    }
                    written += len;
                    out.write(b, off, len);
                }
            };
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
