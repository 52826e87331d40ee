package org.cuestudio.format.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cuestudio.core.render.RgbaImage;

/** Keys, frames and a clock shared by the segment cache tests. */
final class CacheFixtures {
    private CacheFixtures() {}

    /** A well-formed render key (a lowercase SHA-256 in hex) for a small number. */
    static String key(int i) {
        return String.format("%064x", i);
    }

    /** Frames of random bytes: incompressible, with every alpha value, so nothing can hide in a lucky pattern. */
    static List<RgbaImage> frames(int count, int width, int height, long seed) {
        Random random = new Random(seed);
        List<RgbaImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] px = new byte[width * height * 4];
            random.nextBytes(px);
            frames.add(new RgbaImage(width, height, px));
        }
        return frames;
    }

    /** The bytes of every regular file under a folder (0 if it does not exist). */
    static long bytesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) return 0;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A cache with no budget pressure and a test clock. */
    static SqliteSegmentCache open(Path folder, Clock clock) throws IOException {
        return SqliteSegmentCache.open(folder, Long.MAX_VALUE, clock, SqliteSegmentCache.PayloadSink.FILES);
    }

    /** A clock the test moves forward by a second at a time. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance() {
            now = now.plusSeconds(1);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }
}
