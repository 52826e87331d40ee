package org.cuestudio.format.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cuestudio.core.render.RgbaImage;
import org.jspecify.annotations.Nullable;

/**
 * Measures the segment cache on this machine, for {@code ./cue bench cache} and {@code docs/benchmarks.md}: storing
 * and reading two-second 1080p segments of render-like frames, how fast cached frames decode for playback, and index
 * lookups among 100,000 entries. A benchmark, not a test: it asserts nothing and its figures depend on the machine.
 */
public final class CacheBenchmark {
    private static final long MB = 1_000_000;

    private CacheBenchmark() {}

    /**
     * What to measure.
     *
     * @param segments      segments stored and read back (each generated before its put, untimed)
     * @param frames        frames per segment (50: two seconds at 25 fps, as {@code ShotRenderer} makes them)
     * @param indexEntries  index rows for the lookup part (their payloads are not written)
     * @param lookups       timed lookups of each kind
     * @param workFolder    where the caches go (a new folder inside it, deleted afterwards); null for the temp folder
     */
    public record Options(int segments, int frames, int width, int height, int indexEntries, int lookups,
            @Nullable Path workFolder) {
        public Options {
            if (segments < 1 || frames < 1 || width < 1 || height < 1 || indexEntries < 1 || lookups < 1) {
                throw new IllegalArgumentException("benchmark sizes must be positive");
            }
        }

        /** Eight 1080p segments of 50 frames, 100,000 index entries, 20,000 lookups of each kind. */
        public static Options defaults() {
            return new Options(8, 50, 1920, 1080, 100_000, 20_000, null);
        }
    }

    /** Storing and reading whole segments (MB are 10^6 bytes of raw RGBA, before compression). */
    public record SegmentFigures(double putMBps, double putSegmentsPerSecond, double getMBps,
            double getSegmentsPerSecond, double verifyMillisPerSegment, long storedBytesPerSegment,
            double compressionRatio) {}

    /** Frames per second decoded from the cache, on one thread and on every core. */
    public record PlaybackFigures(double framesPerSecond, double framesPerSecondParallel, int threads) {}

    /** The index with many entries: times per call in microseconds, and building and evicting. */
    public record IndexFigures(int entries, double populateSeconds, double lookupHitMicros, double lookupMissMicros,
            double getHitMicros, double putSmallMicros, int evicted, double evictMillis) {}

    /** Everything measured, with the machine it ran on. */
    public record Report(String machine, Options options, SegmentFigures segments, PlaybackFigures playback,
            IndexFigures index) {
        /** The report as one JSON object, for scripts and for comparing machines. */
        public String toJson() {
            return String.format(Locale.ROOT, """
                    {
                      "machine": "%s",
                      "segment": {"frames": %d, "width": %d, "height": %d, "count": %d},
                      "put": {"mb_per_s": %.1f, "segments_per_s": %.2f, "stored_bytes_per_segment": %d, \
                    "compression_ratio": %.1f},
                      "get": {"mb_per_s": %.1f, "segments_per_s": %.2f, "verify_ms_per_segment": %.1f},
                      "playback": {"fps_one_thread": %.1f, "fps_parallel": %.1f, "threads": %d},
                      "index": {"entries": %d, "populate_s": %.2f, "lookup_hit_us": %.1f, "lookup_miss_us": %.1f, \
                    "get_hit_us": %.1f, "put_small_us": %.1f, "evicted": %d, "evict_ms": %.1f}
                    }""", machine.replace("\\", "\\\\").replace("\"", "\\\""), options.frames(), options.width(),
                    options.height(), options.segments(), segments.putMBps(), segments.putSegmentsPerSecond(),
                    segments.storedBytesPerSegment(), segments.compressionRatio(), segments.getMBps(),
                    segments.getSegmentsPerSecond(), segments.verifyMillisPerSegment(), playback.framesPerSecond(),
                    playback.framesPerSecondParallel(), playback.threads(), index.entries(), index.populateSeconds(),
                    index.lookupHitMicros(), index.lookupMissMicros(), index.getHitMicros(), index.putSmallMicros(),
                    index.evicted(), index.evictMillis());
        }

        /** The report as a few lines for people. */
        public String toText() {
            return String.format(Locale.ROOT, """
                    machine: %s
                    segments: %d x %d frames of %dx%d RGBA, stored %s each (%.1fx smaller)
                      put   %7.1f MB/s  %6.2f segments/s
                      get   %7.1f MB/s  %6.2f segments/s  (read + SHA-256 check: %.1f ms a segment)
                    playback from the cache: %.1f fps on one thread, %.1f fps on %d threads
                    index with %,d entries (built in %.2f s):
                      lookup hit %.1f us, miss %.1f us; get of a small segment %.1f us; put of a small segment %.1f us
                      evicting %,d entries: %.1f ms""", machine, options.segments(), options.frames(),
                    options.width(), options.height(), CacheBudget.format(segments.storedBytesPerSegment()),
                    segments.compressionRatio(), segments.putMBps(), segments.putSegmentsPerSecond(),
                    segments.getMBps(), segments.getSegmentsPerSecond(), segments.verifyMillisPerSegment(),
                    playback.framesPerSecond(), playback.framesPerSecondParallel(), playback.threads(),
                    index.entries(), index.populateSeconds(), index.lookupHitMicros(), index.lookupMissMicros(),
                    index.getHitMicros(), index.putSmallMicros(), index.evicted(), index.evictMillis());
        }
    }

    /**
     * Runs the benchmark, reporting what it is doing to {@code progress}, and deletes everything it wrote.
     *
     * @throws IOException if the work folder cannot be made
     */
    public static Report run(Options options, Consumer<String> progress) throws IOException {
        Path work = options.workFolder() == null ? Files.createTempDirectory("cue-bench-cache")
                : Files.createTempDirectory(Files.createDirectories(options.workFolder()), "cue-bench-cache");
        try {
            progress.accept("segments: storing and reading " + options.segments() + " segments of "
                    + options.frames() + " frames at " + options.width() + "x" + options.height());
            SegmentResult seg = segments(options, work.resolve("segments"));
            progress.accept("index: " + options.indexEntries() + " entries, " + options.lookups() + " lookups");
            IndexFigures index = index(options, work.resolve("index"));
            return new Report(machine(), options, seg.figures(), seg.playback(), index);
        } finally {
            deleteTree(work);
        }
    }

    private record SegmentResult(SegmentFigures figures, PlaybackFigures playback) {}

    private static SegmentResult segments(Options o, Path folder) throws IOException {
        long rawPerSegment = (long) o.frames() * o.width() * o.height() * 4;
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(folder, Long.MAX_VALUE)) {
            // Warm-up, so that the figures are the steady state of a studio that has been running a while: the
            // first calls load classes, and SHA-256 runs several times slower until the JIT has compiled it.
            List<RgbaImage> warm = RenderLikeFrames.segment(0, Math.min(5, o.frames()), o.width(), o.height(), false);
            for (int i = 0; i < 3; i++) cache.put(key(-1), warm);
            for (int i = 0; i < 5; i++) decodeAll(cache.get(key(-1)).orElseThrow());

            long putNanos = 0;
            for (int s = 0; s < o.segments(); s++) {
                // Every other segment has a transparent backdrop, as renders for ProRes 4444 with alpha have.
                List<RgbaImage> frames = RenderLikeFrames.segment(s * o.frames(), o.frames(), o.width(), o.height(),
                        s % 2 == 1);
                long t0 = System.nanoTime();
                cache.put(key(s), frames);
                putNanos += System.nanoTime() - t0;
            }
            long stored = cache.stats().bytes() - storedSize(cache, key(-1));
            if (cache.faults() > 0) throw new IOException("the cache reported faults; see the log");

            for (int s = 0; s < o.segments(); s++) decodeAll(cache.get(key(s)).orElseThrow()); // warm-up pass
            long verifyNanos = 0, decodeNanos = 0;
            for (int s = 0; s < o.segments(); s++) {
                long t0 = System.nanoTime();
                List<RgbaImage> frames = cache.get(key(s)).orElseThrow(() -> new IOException("segment missing"));
                long t1 = System.nanoTime();
                decodeAll(frames);
                verifyNanos += t1 - t0;
                decodeNanos += System.nanoTime() - t1;
            }
            int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
            long parallelNanos = 0;
            for (int s = 0; s < o.segments(); s++) {
                long t0 = System.nanoTime();
                List<RgbaImage> frames = cache.get(key(s)).orElseThrow(() -> new IOException("segment missing"));
                IntStream.range(0, frames.size()).parallel().forEach(i -> touch(frames.get(i)));
                parallelNanos += System.nanoTime() - t0;
            }
            double putSeconds = putNanos / 1e9;
            double getSeconds = (verifyNanos + decodeNanos) / 1e9;
            long framesTotal = (long) o.segments() * o.frames();
            SegmentFigures figures = new SegmentFigures(rawPerSegment * o.segments() / putSeconds / MB,
                    o.segments() / putSeconds, rawPerSegment * o.segments() / getSeconds / MB,
                    o.segments() / getSeconds, verifyNanos / 1e6 / o.segments(), stored / o.segments(),
                    (double) rawPerSegment * o.segments() / stored);
            PlaybackFigures playback = new PlaybackFigures(framesTotal / getSeconds,
                    framesTotal / (parallelNanos / 1e9), threads);
            return new SegmentResult(figures, playback);
        }
    }

    private static IndexFigures index(Options o, Path folder) throws IOException {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>(o.indexEntries());
        for (int i = 0; i < o.indexEntries(); i++) keys.add(randomKey(random));
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(folder, Long.MAX_VALUE)) {
            long t0 = System.nanoTime();
            cache.insertRowsWithoutPayloads(keys, 1_000_000);
            double populate = (System.nanoTime() - t0) / 1e9;

            // Small real segments among the many rows, for gets that read a payload and puts that write one.
            int small = Math.min(1000, o.lookups());
            List<String> smallKeys = new ArrayList<>(small);
            List<RgbaImage> tiny = List.of(new RgbaImage(16, 16, new byte[16 * 16 * 4]));
            for (int i = 0; i < 200; i++) cache.put(randomKey(random), tiny); // warm-up
            long putNanos = 0;
            for (int i = 0; i < small; i++) {
                String k = randomKey(random);
                smallKeys.add(k);
                long p0 = System.nanoTime();
                cache.put(k, tiny);
                putNanos += System.nanoTime() - p0;
            }

            List<String> present = new ArrayList<>(o.lookups());
            List<String> absent = new ArrayList<>(o.lookups());
            for (int i = 0; i < o.lookups(); i++) {
                present.add(keys.get(random.nextInt(keys.size())));
                absent.add(randomKey(random));
            }
            double hit = timeLookups(cache, present);
            double miss = timeLookups(cache, absent);
            int warmGets = Math.min(200, small);
            for (int i = 0; i < warmGets; i++) cache.get(smallKeys.get(i));
            long g0 = System.nanoTime();
            for (int i = 0; i < o.lookups(); i++) {
                if (cache.get(smallKeys.get(random.nextInt(small))).isEmpty()) throw new IOException("missing");
            }
            double getHit = (System.nanoTime() - g0) / 1e3 / o.lookups();

            long total = cache.stats().bytes();
            long e0 = System.nanoTime();
            int evicted = cache.evictTo(total - (long) (o.indexEntries() / 100) * 1_000_000);
            double evictMillis = (System.nanoTime() - e0) / 1e6;
            return new IndexFigures(o.indexEntries(), populate, hit, miss, getHit, putNanos / 1e3 / small, evicted,
                    evictMillis);
        }
    }

    /** Microseconds per index lookup of the keys, after looking them all up once untimed to warm up. */
    private static double timeLookups(SqliteSegmentCache cache, List<String> keys) {
        int found = 0;
        for (String k : keys) found += cache.contains(k) ? 1 : 0;
        long t0 = System.nanoTime();
        for (String k : keys) found += cache.contains(k) ? 1 : 0;
        double micros = (System.nanoTime() - t0) / 1e3 / keys.size();
        return found < 0 ? -1 : micros; // uses the count, so the loop cannot be dropped
    }

    private static void decodeAll(List<RgbaImage> frames) {
        for (RgbaImage frame : frames) touch(frame);
    }

    /** Reads a byte of the frame, as a player would copy it out, so the decode cannot be optimised away. */
    private static int touch(RgbaImage frame) {
        return frame.pixels()[frame.pixels().length - 1];
    }

    private static long storedSize(SqliteSegmentCache cache, String key) throws IOException {
        String name = SqliteSegmentCache.fileNameFor(key);
        return Files.size(cache.folder().resolve(SqliteSegmentCache.SEGMENTS_FOLDER).resolve(name.substring(0, 2))
                .resolve(name + ".seg"));
    }

    private static String key(int i) {
        return String.format("%064x", i & 0xffffffffL);
    }

    private static String randomKey(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The machine in one line: processor, cores, memory for Java, operating system, Java version. */
    static String machine() {
        String cpu = "unknown processor";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the processor name is a nicety.
        }
        return String.format(Locale.ROOT, "%s, %d cores, Java heap %s, %s %s, Java %s", cpu,
                Runtime.getRuntime().availableProcessors(), CacheBudget.format(Runtime.getRuntime().maxMemory()),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary folder; the system cleans it in the end.
        }
    }
}
