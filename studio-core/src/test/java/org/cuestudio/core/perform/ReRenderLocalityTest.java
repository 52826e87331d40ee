package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.core.perform.PlannerFixtures.MIRA;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.render.BlankBackend;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's re-render target: after moving one emotion cue of a 60 s shot, rendering the take again through the
 * segment cache renders at most 15% of its frames. Measured with the real planner and {@link ShotRenderer} (50-frame
 * segments, keys from the frames) over an in-memory store and a backend that draws nothing, so it counts exactly the
 * frames a real render would redo. The figures are in docs/benchmarks.md ("Re-render after an edit").
 */
class ReRenderLocalityTest {
    /** A 60 s dialogue at 25 fps: 1,500 frames. */
    static final double SECONDS = 60;
    static final int CUES = 7;

    /** Seven 3 s emotion cues, 8.1 s apart from 3.3 s (not on segment bounds), with gestures, gazes and a reaction. */
    static List<Cue> direction() {
        List<Cue> cues = new ArrayList<>();
        Emotion[] feelings = {Emotion.JOY, Emotion.SADNESS, Emotion.ANGER, Emotion.FEAR, Emotion.SURPRISE,
            Emotion.DISGUST, Emotion.CONTEMPT};
        for (int i = 0; i < CUES; i++) {
            double at = 3.3 + 8.1 * i;
            cues.add(new EmotionCue("e" + i, seconds(at, at + 3), feelings[i], 0.8, Ticks.ofMillis(300),
                    Ticks.ofMillis(400)));
            cues.add(new GestureCue("g" + i, seconds(at + 3.4, at + 5), i % 2 == 0 ? "beat" : "open-palms", 0.8,
                    Side.RIGHT));
            cues.add(new GazeCue("z" + i, seconds(at + 5.2, at + 6.4), GazeTarget.DOWN_LEFT));
        }
        cues.add(new TimingCue("react", seconds(30.5, 31.5), TimingCue.Kind.REACT, 0.8));
        return cues;
    }

    /** What a re-render after the edit renders, as a share of the shot's frames. */
    record Measure(int frames, int rendered) {
        double share() {
            return (double) rendered / frames;
        }
    }

    static Measure reRenderAfter(List<Cue> before, List<Cue> after, AudioFeatures voice, long seed) throws IOException {
        MemoryStore store = new MemoryStore();
        ShotRenderer renderer = new ShotRenderer(new BlankBackend(), store);
        Performance first = TestGestures.PLANNER.plan(PlannerFixtures.shot(before.toArray(Cue[]::new)), MIRA, voice,
                seed);
        renderer.render(first, BlankBackend.CHARACTER, SETTINGS, (i, f) -> { }, ProgressListener.NONE,
                CancellationToken.NONE);
        Performance edited = TestGestures.PLANNER.plan(PlannerFixtures.shot(after.toArray(Cue[]::new)), MIRA, voice,
                seed);
        ShotRenderer.Result again = renderer.render(edited, BlankBackend.CHARACTER, SETTINGS, (i, f) -> { },
                ProgressListener.NONE, CancellationToken.NONE);
        return new Measure(again.frames(), again.framesRendered());
    }

    static List<Cue> replaced(List<Cue> cues, int index, Cue with) {
        List<Cue> out = new ArrayList<>(cues);
        out.set(index, with);
        return out;
    }

    @Test
    void movingOneEmotionCueOfASixtySecondShotReRendersAtMostFifteenPercent() throws IOException {
        List<Cue> cues = direction();
        List<Double> shares = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            AudioFeatures voice = PlannerFixtures.speech(SECONDS, seed);
            for (int i = 0; i < CUES; i++) {
                EmotionCue e = (EmotionCue) cues.get(3 * i);
                for (double by : new double[] {1, -0.5}) {
                    Cue moved = e.withRange(e.range().shiftedTo(e.range().start() + Ticks.ofSeconds(by)));
                    Measure m = reRenderAfter(cues, replaced(cues, 3 * i, moved), voice, seed);
                    assertThat(m.frames()).isEqualTo(1500);
                    assertThat(m.share()).as("moving %s by %+.1f s (seed %d) re-renders %d of %d frames", e.id(), by,
                            seed, m.rendered(), m.frames()).isLessThanOrEqualTo(0.15);
                    shares.add(m.share());
                }
            }
        }
        System.out.printf(Locale.ROOT, "re-render after moving one 3 s emotion cue of a 60 s shot (%d moves): "
                + "mean %.1f%%, worst %.1f%% of 1500 frames%n", shares.size(),
                100 * shares.stream().mapToDouble(d -> d).average().orElseThrow(),
                100 * shares.stream().mapToDouble(d -> d).max().orElseThrow());
    }

    @Test
    void changingAnEmotionsIntensityReRendersOnlyAroundIt() throws IOException {
        List<Cue> cues = direction();
        AudioFeatures voice = PlannerFixtures.speech(SECONDS, 1);
        EmotionCue e = (EmotionCue) cues.get(3 * 3);
        EmotionCue stronger = new EmotionCue(e.id(), e.range(), e.emotion(), 1.0, e.easeIn(), e.easeOut());
        Measure m = reRenderAfter(cues, replaced(cues, 9, stronger), voice, 1);
        System.out.printf(Locale.ROOT, "re-render after changing one emotion cue's intensity: %d of %d frames%n",
                m.rendered(), m.frames());
        assertThat(m.share()).isLessThanOrEqualTo(0.15);
    }

    @Test
    void theSameDirectionReRendersNothing() throws IOException {
        List<Cue> cues = direction();
        Measure m = reRenderAfter(cues, cues, PlannerFixtures.speech(SECONDS, 1), 1);
        assertThat(m.rendered()).isZero();
    }

    private static final RenderSettings SETTINGS = new RenderSettings(new Resolution(16, 16), Quality.PREVIEW,
            0xFF000000);

    /** Keeps segments in memory. */
    private static final class MemoryStore implements SegmentStore {
        final Map<String, List<RgbaImage>> stored = new HashMap<>();

        @Override
        public Optional<List<RgbaImage>> get(String key) {
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void put(String key, List<RgbaImage> frames) {
            stored.put(key, frames);
        }
    }
}
