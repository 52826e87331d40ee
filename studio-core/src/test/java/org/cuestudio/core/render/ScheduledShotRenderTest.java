package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.RenderJob;
import org.cuestudio.core.task.RenderPriority;
import org.cuestudio.core.task.RenderScheduler;
import org.cuestudio.core.task.RenderTicket;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;

/** The scheduler driving the real {@link ShotRenderer} over a fake backend and an in-memory segment store. */
class ScheduledShotRenderTest {
    private static final RenderSettings SETTINGS = new RenderSettings(new Resolution(16, 16), Quality.PREVIEW,
            0xFF000000);
    private static final CharacterModel CHARACTER = BlankBackend.CHARACTER;

    private final RenderScheduler scheduler = new RenderScheduler(() -> 0L);
    private final List<Integer> rendered = new ArrayList<>(); // first frame of each segment the backend rendered
    private final Map<String, List<RgbaImage>> cache = new HashMap<>();
    private Runnable onFrame = () -> { };
    private final ShotRenderer renderer = new ShotRenderer(new CountingBackend(), new MapStore(), 10);

    @Test
    void aPreemptedTakeResumesFromTheSegmentCacheAndRendersEachSegmentOnce() {
        Performance take = performance(35, 0); // segments 0, 10, 20, 30
        Performance scrub = performance(5, 1);
        List<Integer> delivered = new ArrayList<>();
        RenderTicket[] scrubTicket = new RenderTicket[1];
        onFrame = () -> {
            if (rendered.size() == 2 && scrubTicket[0] == null) {
                scrubTicket[0] = scheduler.submit(render("scrub", RenderPriority.SCRUB, scrub, new ArrayList<>()));
            }
        };
        RenderTicket takeTicket = scheduler.submit(render("take", RenderPriority.TAKE, take, delivered));

        scheduler.drain();

        assertThat(takeTicket.state()).isEqualTo(RenderTicket.State.FINISHED);
        assertThat(scrubTicket[0].state()).isEqualTo(RenderTicket.State.FINISHED);
        // take 0 and 10, then the scrub's segment, then the take's 20 and 30: 0 and 10 came from the cache.
        assertThat(rendered).containsExactly(0, 10, 0, 20, 30);
        // the resumed run started its output over and delivered every frame
        assertThat(delivered).hasSize(35).startsWith(0, 1).endsWith(33, 34);
        assertThat(takeTicket.progress().framesDone()).isEqualTo(35);
    }

    @Test
    void cancellingATakeStopsItInsideTheSegmentItIsRendering() {
        Performance take = performance(35, 0);
        RenderTicket[] t = new RenderTicket[1];
        onFrame = () -> {
            if (rendered.size() == 2) t[0].cancel();
        };
        t[0] = scheduler.submit(render("take", RenderPriority.TAKE, take, new ArrayList<>()));

        scheduler.drain();

        assertThat(t[0].state()).isEqualTo(RenderTicket.State.CANCELLED);
        assertThat(rendered).containsExactly(0, 10);
        assertThat(cache).hasSize(1);
    }

    private RenderJob render(String name, RenderPriority p, Performance perf, List<Integer> delivered) {
        return new RenderJob(name, p, ctx -> {
            delivered.clear(); // a run starts its output over
            renderer.render(perf, CHARACTER, SETTINGS, (i, frame) -> delivered.add(i), ctx.progress(),
                    ctx.cancellation());
        });
    }

    private static Performance performance(int frames, float offset) {
        List<PerformanceFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            float[] v = PerformanceFrame.neutral().toArray();
            v[0] = i / 100f + offset;
            list.add(PerformanceFrame.of(v));
        }
        return new Performance(FrameRate.FPS_25, list);
    }

    private final class MapStore implements SegmentStore {
        @Override
        public Optional<List<RgbaImage>> get(String key) {
            return Optional.ofNullable(cache.get(key));
        }

        @Override
        public void put(String key, List<RgbaImage> frames) {
            cache.put(key, frames);
        }
    }

    /** Draws blank frames, checks the token between frames like a real backend, and records each segment. */
    private final class CountingBackend extends BlankBackend {
        @Override
        public List<RgbaImage> render(CharacterModel character, List<PerformanceFrame> frames,
                RenderSettings settings, CancellationToken cancel) {
            rendered.add(Math.round((frames.get(0).toArray()[0] % 1f) * 100));
            return super.render(character, frames, settings, cancel);
        }

        @Override
        protected void frame(PerformanceFrame f) {
            onFrame.run();
        }
    }
}
