package org.cuestudio.format.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.time.FrameRate;

/** A tiny deterministic render backend, so cache behaviour can be tested through the real {@code ShotRenderer}. */
final class FakeRender {
    static final RenderSettings SETTINGS = new RenderSettings(new Resolution(32, 16), Quality.PREVIEW, 0xFF000000);
    static final CharacterModel CHARACTER = new CharacterModel() {
        @Override
        public String name() {
            return "Test";
        }

        @Override
        public String contentHash() {
            return "0".repeat(64);
        }
    };

    private FakeRender() {}

    /** A performance whose every frame differs, so every segment has its own key. */
    static Performance performance(int frames) {
        List<PerformanceFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            float[] v = PerformanceFrame.neutral().toArray();
            v[0] = i / 1000f;
            list.add(PerformanceFrame.of(v));
        }
        return new Performance(FrameRate.FPS_25, list);
    }

    /** The picture the backend draws for a frame: every byte derived from the frame's first value. */
    static RgbaImage imageOf(PerformanceFrame frame, RenderSettings settings) {
        int w = settings.resolution().width(), h = settings.resolution().height();
        byte[] px = new byte[w * h * 4];
        int seed = Math.round(frame.toArray()[0] * 1000);
        for (int i = 0; i < px.length; i++) px[i] = (byte) (seed * 31 + i * 7);
        return new RgbaImage(w, h, px);
    }

    /** Counts the frames it renders. */
    static final class Backend implements RenderBackend {
        final AtomicInteger framesRendered = new AtomicInteger();

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String device() {
            return "cpu()";
        }

        @Override
        public CharacterModel loadCharacter(Path sheetFolder) {
            return CHARACTER;
        }

        @Override
        public List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames, RenderSettings settings,
                CancellationToken cancel) {
            framesRendered.addAndGet(frames.size());
            return frames.stream().map(f -> imageOf(f, settings)).toList();
        }

        @Override
        public void close() {}
    }
}
