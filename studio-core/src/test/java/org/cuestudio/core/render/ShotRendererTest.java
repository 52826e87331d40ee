package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;

class ShotRendererTest {
    private static final RenderSettings SETTINGS = new RenderSettings(new Resolution(16, 16), Quality.PREVIEW,
            0xFF000000);
    private static final CharacterModel CHARACTER = BlankBackend.CHARACTER;

    private final RecordingStore store = new RecordingStore();
    private final ShotRenderer renderer = new ShotRenderer(new BlankBackend(), store, 10);
    private final Performance shot = performance(35); // segments 0-9, 10-19, 20-29, 30-34

    @Test
    void pinsEverySegmentOfTheRangeBeforeReadingAndReleasesThemAfterTheLastFrame() throws IOException {
        List<String> keys = renderer.segmentKeys(shot, CHARACTER, SETTINGS, 0, 35);

        renderer.render(shot, CHARACTER, SETTINGS, (i, frame) -> store.events.add("frame " + i), ProgressListener.NONE,
                CancellationToken.NONE);

        assertThat(keys).hasSize(4).doesNotHaveDuplicates();
        assertThat(store.events.get(0)).isEqualTo("pin " + keys);
        assertThat(store.events.get(store.events.size() - 1)).isEqualTo("release " + keys);
        assertThat(store.events.subList(1, store.events.size() - 1)).noneMatch(e -> e.startsWith("release"))
                .contains("frame 34");
    }

    @Test
    void aPartialRangePinsOnlyTheSegmentsItCovers() throws IOException {
        renderer.render(shot, CHARACTER, SETTINGS, 12, 25, (i, frame) -> { }, ProgressListener.NONE,
                CancellationToken.NONE);

        List<String> all = renderer.segmentKeys(shot, CHARACTER, SETTINGS, 0, 35);
        assertThat(store.events.get(0)).isEqualTo("pin " + all.subList(1, 3));
    }

    @Test
    void thePinIsReleasedWhenTheRenderFails() {
        assertThatThrownBy(() -> renderer.render(shot, CHARACTER, SETTINGS, (i, frame) -> {
            if (i == 15) throw new IOException("encoder stopped");
        }, ProgressListener.NONE, CancellationToken.NONE)).isInstanceOf(IOException.class);

        assertThat(store.events.get(store.events.size() - 1)).startsWith("release ");
    }

    @Test
    void segmentsAreReadAndStoredUnderThePinnedKeys() throws IOException {
        List<String> keys = renderer.segmentKeys(shot, CHARACTER, SETTINGS, 0, 35);

        renderer.render(shot, CHARACTER, SETTINGS, (i, frame) -> { }, ProgressListener.NONE, CancellationToken.NONE);
        ShotRenderer.Result again = renderer.render(shot, CHARACTER, SETTINGS, (i, frame) -> { },
                ProgressListener.NONE, CancellationToken.NONE);

        assertThat(store.stored.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(again.framesReused()).isEqualTo(35);
    }

    @Test
    void aSceneRendersEachSegmentWithEveryCharactersFramesAndCachesUnderItsOwnKeys() throws IOException {
        CharacterModel partner = SceneTest.model("Partner", "beef");
        Scene duo = Scene.staged(List.of(CHARACTER, partner));
        List<List<List<PerformanceFrame>>> calls = new ArrayList<>();
        ShotRenderer scenes = new ShotRenderer(new BlankBackend() {
            @Override
            public List<RgbaImage> render(Scene scene, List<List<PerformanceFrame>> frames, RenderSettings settings,
                    CancellationToken cancel) {
                calls.add(frames);
                return super.render(CHARACTER, frames.get(0), settings, cancel);
            }
        }, store, 10);
        Performance other = performance(35, 0.5f);
        List<Integer> seen = new ArrayList<>();

        ShotRenderer.Result r = scenes.render(List.of(shot, other), duo, SETTINGS, 5, 25, (i, f) -> seen.add(i),
                ProgressListener.NONE, CancellationToken.NONE);

        assertThat(r.frames()).isEqualTo(20);
        assertThat(seen).hasSize(20).startsWith(5).endsWith(24);
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(2));
        assertThat(calls.get(1).get(0)).isEqualTo(shot.frames().subList(10, 20));
        assertThat(calls.get(1).get(1)).isEqualTo(other.frames().subList(10, 20));
        assertThat(scenes.segmentKeys(List.of(shot, other), duo, SETTINGS, 0, 35))
                .doesNotContainAnyElementsOf(scenes.segmentKeys(List.of(shot, shot), duo, SETTINGS, 0, 35));
        assertThat(store.stored.keySet()).containsAll(scenes.segmentKeys(List.of(shot, other), duo, SETTINGS, 5, 25));
    }

    @Test
    void aBackendThatDrawsOneCharacterRefusesTwoAndPerformancesMustMatchTheScene() {
        Scene duo = Scene.staged(List.of(CHARACTER, SceneTest.model("Partner", "beef")));
        assertThatThrownBy(() -> renderer.render(List.of(shot, shot), duo, SETTINGS, 0, 35, (i, f) -> { },
                ProgressListener.NONE, CancellationToken.NONE)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> renderer.segmentKeys(List.of(shot), duo, SETTINGS, 0, 35))
                .hasMessageContaining("2 characters");
        assertThatThrownBy(() -> renderer.segmentKeys(List.of(shot, performance(30)), duo, SETTINGS, 0, 30))
                .hasMessageContaining("differ in length");
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

    private static Performance performance(int frames) {
        List<PerformanceFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            float[] v = PerformanceFrame.neutral().toArray();
            v[0] = i / 100f;
            list.add(PerformanceFrame.of(v));
        }
        return new Performance(FrameRate.FPS_25, list);
    }

    /** Keeps segments in memory and records pins, releases, reads and writes in order. */
    private static final class RecordingStore implements SegmentStore {
        final List<String> events = new ArrayList<>();
        final Map<String, List<RgbaImage>> stored = new HashMap<>();

        @Override
        public Optional<List<RgbaImage>> get(String key) {
            events.add("get " + key);
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void put(String key, List<RgbaImage> frames) {
            events.add("put " + key);
            stored.put(key, frames);
        }

        @Override
        public Lease pin(Collection<String> keys) {
            List<String> pinned = List.copyOf(keys);
            events.add("pin " + pinned);
            return () -> events.add("release " + pinned);
        }
    }
}
