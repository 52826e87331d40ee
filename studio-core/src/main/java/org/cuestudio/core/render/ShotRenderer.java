package org.cuestudio.core.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;

/**
 * Renders a performance in fixed-length segments through a backend, reusing every segment whose inputs are
 * already in the {@link SegmentStore}, and hands the frames in order to a {@link FrameSink}.
 */
public final class ShotRenderer {
    /** Frames per segment: two seconds at 25 fps. Short enough that an edit re-renders little. */
    public static final int SEGMENT_FRAMES = 50;

    private final RenderBackend backend;
    private final SegmentStore store;
    private final int segmentFrames;

    public ShotRenderer(RenderBackend backend, SegmentStore store) {
        this(backend, store, SEGMENT_FRAMES);
    }

    public ShotRenderer(RenderBackend backend, SegmentStore store, int segmentFrames) {
        if (segmentFrames <= 0) throw new IllegalArgumentException("segment length must be positive");
        this.backend = backend;
        this.store = store;
        this.segmentFrames = segmentFrames;
    }

    /** Receives rendered frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(int frameIndex, RgbaImage frame) throws IOException;
    }

    /** How much of a render was new work and how much came from the cache. */
    public record Result(int framesRendered, int framesReused, int segments) {
        public int frames() {
            return framesRendered + framesReused;
        }
    }

    /**
     * Renders frames {@code [from, to)} of the performance of one character alone ({@link Scene#of}). The segments
     * of the range are pinned in the store for the whole call, so that the store's eviction (made necessary by this
     * very render's new segments, say) cannot drop a cached segment before it is read.
     */
    public Result render(Performance performance, CharacterModel character, RenderSettings settings, int from, int to,
            FrameSink sink, ProgressListener progress, CancellationToken cancel) throws IOException {
        return render(List.of(performance), Scene.of(character), settings, from, to, sink, progress, cancel);
    }

    /**
     * Renders frames {@code [from, to)} of a scene: {@code performances.get(i)} is the performance of
     * {@code scene.actors().get(i)}, all of the same length. The segments of the range are pinned in the store for
     * the whole call, so that the store's eviction (made necessary by this very render's new segments, say) cannot
     * drop a cached segment before it is read.
     */
    @SuppressWarnings("try") // the lease is held for its scope, not called
    public Result render(List<Performance> performances, Scene scene, RenderSettings settings, int from, int to,
            FrameSink sink, ProgressListener progress, CancellationToken cancel) throws IOException {
        int frameCount = frameCount(performances, scene);
        if (from < 0 || to > frameCount || from > to) {
            throw new IllegalArgumentException("frame range " + from + "-" + to + " is outside the shot's 0-"
                    + frameCount);
        }
        List<String> keys = segmentKeys(performances, scene, settings, from, to);
        int rendered = 0, reused = 0, segments = 0;
        try (SegmentStore.Lease lease = store.pin(keys)) {
            for (int s = 0; s < keys.size(); s++) {
                cancel.throwIfCancelled();
                int segStart = firstSegmentStart(from) + s * segmentFrames;
                int segEnd = Math.min(segStart + segmentFrames, frameCount);
                String key = keys.get(s);
                Optional<List<RgbaImage>> cached = store.get(key);
                List<RgbaImage> images;
                if (cached.isPresent() && cached.get().size() == segEnd - segStart) {
                    images = cached.get();
                    reused += overlap(segStart, segEnd, from, to);
                } else {
                    images = backend.render(scene, frames(performances, segStart, segEnd), settings, cancel);
                    store.put(key, images);
                    rendered += overlap(segStart, segEnd, from, to);
                }
                segments++;
                for (int f = Math.max(from, segStart); f < Math.min(to, segEnd); f++) {
                    sink.accept(f, images.get(f - segStart));
                }
                progress.progress(Math.min(to, segEnd) - from, to - from, "rendered " + (rendered + reused) + " of "
                        + (to - from) + " frames");
            }
        }
        return new Result(rendered, reused, segments);
    }

    /**
     * The store keys of the segments that cover frames {@code [from, to)}, in order: what a player pins and reads
     * to show that range from the cache.
     */
    public List<String> segmentKeys(Performance performance, CharacterModel character, RenderSettings settings,
            int from, int to) {
        return segmentKeys(List.of(performance), Scene.of(character), settings, from, to);
    }

    /** The store keys of the segments of a scene that cover frames {@code [from, to)}, in order. */
    public List<String> segmentKeys(List<Performance> performances, Scene scene, RenderSettings settings, int from,
            int to) {
        int frameCount = frameCount(performances, scene);
        List<String> keys = new ArrayList<>();
        for (int segStart = firstSegmentStart(from); segStart < to; segStart += segmentFrames) {
            int segEnd = Math.min(segStart + segmentFrames, frameCount);
            keys.add(SegmentKey.of(scene, frames(performances, segStart, segEnd), backend.id(), backend.version(),
                    settings));
        }
        return keys;
    }

    private static int frameCount(List<Performance> performances, Scene scene) {
        if (performances.size() != scene.actors().size()) {
            throw new IllegalArgumentException("a scene of " + scene.actors().size() + " characters needs as many "
                    + "performances, got " + performances.size());
        }
        int n = performances.get(0).frameCount();
        for (Performance p : performances) {
            if (p.frameCount() != n) {
                throw new IllegalArgumentException("the performances of a scene differ in length: "
                        + performances.stream().map(Performance::frameCount).toList());
            }
        }
        return n;
    }

    private static List<List<PerformanceFrame>> frames(List<Performance> performances, int from, int to) {
        List<List<PerformanceFrame>> out = new ArrayList<>(performances.size());
        for (Performance p : performances) out.add(p.frames().subList(from, to));
        return out;
    }

    /** Segments are aligned to multiples of the segment length so a partial range hits the same keys. */
    private int firstSegmentStart(int from) {
        return from - from % segmentFrames;
    }

    /** Renders the whole performance. */
    public Result render(Performance performance, CharacterModel character, RenderSettings settings, FrameSink sink,
            ProgressListener progress, CancellationToken cancel) throws IOException {
        return render(performance, character, settings, 0, performance.frameCount(), sink, progress, cancel);
    }

    /** Renders one frame straight from the backend, for the preview while scrubbing (single frames skip the cache). */
    public RgbaImage renderFrame(Performance performance, CharacterModel character, RenderSettings settings,
            int frame) {
        return renderFrame(List.of(performance), Scene.of(character), settings, frame);
    }

    /** Renders one frame of a scene straight from the backend (single frames skip the cache). */
    public RgbaImage renderFrame(List<Performance> performances, Scene scene, RenderSettings settings, int frame) {
        frameCount(performances, scene);
        List<List<PerformanceFrame>> frames = new ArrayList<>();
        for (Performance p : performances) frames.add(List.of(p.frames().get(frame)));
        return backend.render(scene, frames, settings, CancellationToken.NONE).get(0);
    }

    private static int overlap(int a0, int a1, int b0, int b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
}
