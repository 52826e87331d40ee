package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.format.cache.CacheFixtures.key;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache under the real renderer: an export reading cached segments keeps them while others are stored. */
class SegmentCacheRenderTest {
    private static final int SEGMENT_FRAMES = 10;
    private static final int SHOT_FRAMES = 50; // five segments

    @TempDir
    Path dir;

    private final FakeRender.Backend backend = new FakeRender.Backend();
    private final Performance shot = FakeRender.performance(SHOT_FRAMES);
    private final CacheFixtures.MutableClock clock = new CacheFixtures.MutableClock();

    @Test
    void anExportKeepsItsCachedSegmentsWhileAnotherRenderFillsTheCache() throws IOException {
        long segment = segmentBytes();
        // Room for the shot's five segments and three more: another render storing ten evicts the oldest.
        try (SqliteSegmentCache cache = openWithRoomFor(8 * segment + segment / 2)) {
            ShotRenderer renderer = new ShotRenderer(backend, cache, SEGMENT_FRAMES);
            render(renderer, (i, frame) -> { });
            List<RgbaImage> otherSegment = backend.render(FakeRender.CHARACTER,
                    FakeRender.performance(SEGMENT_FRAMES).frames(), FakeRender.SETTINGS, CancellationToken.NONE);
            clock.advance();

            // While the export has read only its first frame, another shot's render stores ten segments.
            ShotRenderer.Result export = render(renderer, (i, frame) -> {
                if (i == 0) {
                    for (int k = 1; k <= 10; k++) cache.put(key(k), otherSegment);
                }
            });

            assertThat(export.framesReused()).isEqualTo(SHOT_FRAMES);
            assertThat(export.framesRendered()).isZero();
            assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.maxBytes());
        }
    }

    @Test
    void afterTheExportItsSegmentsAreEvictableAgain() throws IOException {
        long segment = segmentBytes();
        try (SqliteSegmentCache cache = openWithRoomFor(8 * segment + segment / 2)) {
            ShotRenderer renderer = new ShotRenderer(backend, cache, SEGMENT_FRAMES);
            render(renderer, (i, frame) -> { });
            List<RgbaImage> otherSegment = backend.render(FakeRender.CHARACTER,
                    FakeRender.performance(SEGMENT_FRAMES).frames(), FakeRender.SETTINGS, CancellationToken.NONE);
            clock.advance();

            for (int k = 1; k <= 10; k++) cache.put(key(k), otherSegment);

            assertThat(render(renderer, (i, frame) -> { }).framesRendered()).isPositive();
        }
    }

    @Test
    void aSecondRenderReusesEverySegmentAndGivesTheSamePixels() throws IOException {
        try (SqliteSegmentCache cache = SqliteSegmentCache.open(dir.resolve("cache"))) {
            ShotRenderer renderer = new ShotRenderer(backend, cache, SEGMENT_FRAMES);
            render(renderer, (i, frame) -> { });

            ShotRenderer.Result again = render(renderer, (i, frame) -> assertThat(frame.pixels())
                    .isEqualTo(FakeRender.imageOf(shot.frames().get(i), FakeRender.SETTINGS).pixels()));

            assertThat(again.framesReused()).isEqualTo(SHOT_FRAMES);
            assertThat(backend.framesRendered.get()).isEqualTo(SHOT_FRAMES);
        }
    }

    private SqliteSegmentCache openWithRoomFor(long bytes) throws IOException {
        return SqliteSegmentCache.open(dir.resolve("cache"), bytes, clock, SqliteSegmentCache.PayloadSink.FILES);
    }

    private ShotRenderer.Result render(ShotRenderer renderer, ShotRenderer.FrameSink sink) throws IOException {
        return renderer.render(shot, FakeRender.CHARACTER, FakeRender.SETTINGS, sink, ProgressListener.NONE,
                CancellationToken.NONE);
    }

    /** The stored size of one of the shot's segments (all are alike in size: same pattern, same length). */
    private long segmentBytes() throws IOException {
        try (SqliteSegmentCache probe = SqliteSegmentCache.open(dir.resolve("probe"))) {
            new ShotRenderer(new FakeRender.Backend(), probe, SEGMENT_FRAMES).render(shot, FakeRender.CHARACTER,
                    FakeRender.SETTINGS, (i, frame) -> { }, ProgressListener.NONE, CancellationToken.NONE);
            return probe.stats().bytes() / (SHOT_FRAMES / SEGMENT_FRAMES);
        }
    }
}
