package org.cuestudio.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.TestGestures;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

/** The live engine driven by a file on a virtual clock, with a stand-in lip-sync (no model, no microphone). */
class LiveSessionTest {
    static final Character MIRA = new Character("mira", "Mira", "sheet", Personality.DEFAULT, Map.of());

    /** Open (D) on 10 ms frames louder than 0.05, else rest (X), decided {@code delay} frames late. */
    static final class LoudnessLipSync implements LiveLipSync {
        private final int delay;
        private final List<MouthShape> heard = new ArrayList<>();
        private double sum;
        private int n;
        private boolean finished;

        LoudnessLipSync(int delay) {
            this.delay = delay;
        }

        @Override
        public void accept(float[] s, int off, int len) {
            for (int i = off; i < off + len; i++) {
                sum += Math.abs(s[i]);
                if (++n == 160) {
                    heard.add(sum / 160 > 0.05 ? MouthShape.D : MouthShape.X);
                    sum = 0;
                    n = 0;
                }
            }
        }

        @Override
        public void finish() {
            if (n > 0) heard.add(sum / n > 0.05 ? MouthShape.D : MouthShape.X);
            finished = true;
        }

        @Override
        public int decidedFrames() {
            return finished ? heard.size() : Math.max(0, heard.size() - delay);
        }

        @Override
        public MouthShape shape(int frame) {
            return heard.get(frame);
        }

        @Override
        public int delayFrames() {
            return delay;
        }
    }

    static Shot shot(EmotionCue... emotions) {
        List<CueTrack> tracks = new ArrayList<>();
        for (CueLane lane : CueLane.values()) {
            tracks.add(new CueTrack(lane, lane == CueLane.EMOTION ? List.of(emotions) : List.of()));
        }
        return new Shot("s", "S", "a.wav", "mira", FrameRate.FPS_25, Resolution.HD, tracks, List.of(), Map.of());
    }

    /** 2 s: silence, a loud 440 Hz tone from 0.5 s to 1.0 s, silence. */
    static float[] burst() {
        float[] s = new float[32_000];
        for (int i = 8_000; i < 16_000; i++) s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        return s;
    }

    static LiveSession session(Shot shot, float[] audio, List<Trigger> triggers) {
        VirtualClock clock = new VirtualClock();
        return new LiveSession(shot, MIRA, TestGestures.PLANNER, new LoudnessLipSync(12),
                new PacedFileInput(audio, clock, "burst"), clock, 7, triggers).showEveryFrame(true);
    }

    @Test
    void everyFrameOfAFileOnAVirtualClockIsShownOnceInOrderWithTheMouthOfItsAudio() throws Exception {
        List<Integer> shown = new ArrayList<>();
        List<MouthShape> mouths = new ArrayList<>();
        LiveSession.Result r = session(shot(), burst(), List.of()).run((i, f, m) -> {
            shown.add(i);
            mouths.add(m);
        });
        assertThat(shown).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(shown.get(0)).isZero();
        assertThat(r.frames()).isEqualTo(50);
        assertThat(r.dropped()).isZero();
        assertThat(r.droppedSamples()).isZero();
        assertThat(r.audio()).containsExactly(burst());
        assertThat(mouths.subList(13, 25)).containsOnly(MouthShape.D); // 0.52-1.0 s
        assertThat(mouths.subList(0, 12)).containsOnly(MouthShape.X);
        assertThat(mouths.subList(26, 50)).containsOnly(MouthShape.X);
    }

    @Test
    void theSameInputAndSeedGiveTheSameFrames() throws Exception {
        List<PerformanceFrame> a = session(shot(), burst(), List.of()).run((i, f, m) -> {}).liveFrames();
        List<PerformanceFrame> b = session(shot(), burst(), List.of()).run((i, f, m) -> {}).liveFrames();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void anEmotionTriggerIsRecordedAndShowsFromItsTimeOn() throws Exception {
        Trigger joy = new Trigger(Ticks.ofMillis(400), Trigger.Kind.EMOTION, "joy", 1.0);
        LiveSession.Result plain = session(shot(), burst(), List.of()).run((i, f, m) -> {});
        LiveSession.Result happy = session(shot(), burst(), List.of(joy)).run((i, f, m) -> {});
        assertThat(happy.triggers()).containsExactly(joy);
        float before = smile(happy.liveFrames().get(5)), after = smile(happy.liveFrames().get(40));
        assertThat(before).isEqualTo(smile(plain.liveFrames().get(5)));
        assertThat(after).isGreaterThan(smile(plain.liveFrames().get(40)) + 0.1f);
    }

    @Test
    void theShotsDirectedCuesApplyToTheLiveAudio() throws Exception {
        Shot sad = shot(new EmotionCue("e", TimeRange.between(0, Ticks.ofSeconds(2)), Emotion.SADNESS, 1, 0, 0));
        LiveSession.Result r = session(sad, burst(), List.of()).run((i, f, m) -> {});
        LiveSession.Result plain = session(shot(), burst(), List.of()).run((i, f, m) -> {});
        assertThat(r.liveFrames().get(40).get(ArkitBlendshape.mouthFrownLeft))
                .isGreaterThan(plain.liveFrames().get(40).get(ArkitBlendshape.mouthFrownLeft));
    }

    @Test
    void theLastLiveFrameIsTheOfflinePlansFrame() throws Exception {
        // re-planning the prefix is the offline plan: the final frame sees exactly what an offline plan sees
        LiveSession s = session(shot(), burst(), List.of());
        LiveSession.Result r = s.run((i, f, m) -> {});
        var offline = TestGestures.PLANNER.plan(shot(), MIRA, s.features(50), 7).frames();
        assertThat(r.liveFrames().get(49)).isEqualTo(offline.get(49));
    }

    private static float smile(PerformanceFrame f) {
        return f.get(ArkitBlendshape.mouthSmileLeft);
    }
}
