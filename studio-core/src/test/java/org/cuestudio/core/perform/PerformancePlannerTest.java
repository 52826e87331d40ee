package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cuestudio.core.perform.PlannerFixtures.MIRA;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.silence;
import static org.cuestudio.core.perform.PlannerFixtures.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PerformancePlannerTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;

    private static double mean(Performance p, int from, int to, java.util.function.ToDoubleFunction<PerformanceFrame> f) {
        return p.frames().subList(from, to).stream().mapToDouble(f).average().orElseThrow();
    }

    @Test
    void oneFramePerVideoFrameOfTheAudio() {
        Performance p = planner.plan(shot(), MIRA, speech(15.37, 1), 1);
        assertThat(p.frameCount()).isEqualTo(385);
    }

    @Test
    void sameInputsGiveBitIdenticalFramesAcrossThreads() throws Exception {
        Shot s = shot(new EmotionCue("e", seconds(1, 5), Emotion.JOY, 1, Ticks.ofMillis(300), Ticks.ofMillis(300)),
                new GestureCue("g", seconds(2, 4), "wave", 1, Side.RIGHT));
        AudioFeatures a = speech(30, 3);
        Performance reference = planner.plan(s, MIRA, a, 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Performance>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> TestGestures.PLANNER.plan(s, MIRA, a, 7)));
            for (Future<Performance> f : runs) assertThat(f.get().frames()).isEqualTo(reference.frames());
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Emotion.class, names = "NEUTRAL", mode = EnumSource.Mode.EXCLUDE)
    void everyEmotionMovesItsFacsBlendshapes(Emotion emotion) {
        Shot s = shot(new EmotionCue("e", seconds(2, 6), emotion, 1, Ticks.ofMillis(200), Ticks.ofMillis(200)));
        Performance p = planner.plan(s, MIRA, silence(8), 1);
        float[] expected = EmotionMap.face(emotion);
        for (ArkitBlendshape b : ArkitBlendshape.values()) {
            if (expected[b.ordinal()] < 0.3f || b.name().startsWith("eyeLook")) continue;
            double during = mean(p, 75, 125, f -> f.get(b));
            double before = mean(p, 0, 40, f -> f.get(b));
            assertThat(during).as("%s moves %s", emotion, b).isGreaterThan(before + 0.2);
        }
    }

    @Test
    void sadnessLowersTheHeadAndJoyRaisesIt() {
        Performance sad = planner.plan(shot(new EmotionCue("e", seconds(0, 8), Emotion.SADNESS, 1, 0, 0)), MIRA, silence(8), 1);
        Performance joy = planner.plan(shot(new EmotionCue("e", seconds(0, 8), Emotion.JOY, 1, 0, 0)), MIRA, silence(8), 1);
        assertThat(mean(sad, 50, 150, f -> f.get(Channel.HEAD_PITCH)))
                .isLessThan(mean(joy, 50, 150, f -> f.get(Channel.HEAD_PITCH)) - 5);
    }

    @Test
    void blinksLast100To400msAndComeAtAHumanRate() {
        Performance p = planner.plan(shot(), MIRA, speech(600, 5), 11);
        List<Integer> lengths = new ArrayList<>();
        int run = 0;
        for (PerformanceFrame f : p.frames()) {
            if (f.get(ArkitBlendshape.eyeBlinkLeft) > 0.05) run++;
            else if (run > 0) {
                lengths.add(run);
                run = 0;
            }
        }
        double perMinute = lengths.size() / 10.0;
        assertThat(perMinute).isBetween(8.0, 30.0);
        // At 25 fps a 100-400 ms blink covers 1 to 11 frames (partially closed frames at both ends).
        assertThat(lengths).allSatisfy(l -> assertThat(l).isBetween(1, 11));
        assertThat(p.frames().stream().filter(f -> f.get(ArkitBlendshape.eyeBlinkLeft) > 0.99).count())
                .isGreaterThanOrEqualTo(lengths.size());
    }

    @Test
    void blinkRatePersonalityChangesBlinkCount() {
        Character rare = new Character("a", "A", "s", new Personality(.5, .5, 0, .5, .5), Map.of());
        Character often = new Character("b", "B", "s", new Personality(.5, .5, 1, .5, .5), Map.of());
        long rareBlinks = closures(planner.plan(shot(), rare, silence(300), 2));
        long oftenBlinks = closures(planner.plan(shot(), often, silence(300), 2));
        assertThat(oftenBlinks).isGreaterThan(rareBlinks * 3 / 2);
    }

    private static long closures(Performance p) {
        long n = 0;
        float prev = 0;
        for (PerformanceFrame f : p.frames()) {
            float v = f.get(ArkitBlendshape.eyeBlinkLeft);
            if (v > 0.5 && prev <= 0.5) n++;
            prev = v;
        }
        return n;
    }

    @Test
    void gazeLeftTurnsEyesAndHeadLeft() {
        Performance p = planner.plan(shot(new GazeCue("g", seconds(2, 6), GazeTarget.LEFT)), MIRA, silence(8), 1);
        assertThat(mean(p, 90, 140, f -> f.get(Channel.HEAD_YAW))).isLessThan(-8);
        assertThat(mean(p, 90, 140, f -> f.get(Channel.HEAD_YAW) + f.get(Channel.EYE_YAW))).isBetween(-35.0, -20.0);
        assertThat(mean(p, 0, 40, f -> f.get(Channel.HEAD_YAW) + f.get(Channel.EYE_YAW))).isBetween(-5.0, 5.0);
    }

    @Test
    void waveRaisesTheCharactersRightHandOnTheViewersLeft() {
        Performance p = planner.plan(shot(new GestureCue("g", seconds(1, 4), "wave", 1, Side.RIGHT)), MIRA,
                silence(6), 1);
        PerformanceFrame mid = p.frames().get(60);
        assertThat(mid.get(Channel.LEFT_SHOULDER)).isGreaterThan(100);
        assertThat(mid.leftHand()).isEqualTo(HandPose.WAVE);
        assertThat(mid.get(Channel.RIGHT_SHOULDER)).isLessThan(15);
        assertThat(p.frames().get(140).get(Channel.LEFT_SHOULDER)).isLessThan(15);
    }

    @Test
    void holdFreezesTheHeadButBreathingGoesOn() {
        Shot s = shot(new TimingCue("h", seconds(3, 6), TimingCue.Kind.HOLD, 1));
        Performance p = planner.plan(s, MIRA, speech(8, 2), 4);
        double yaw0 = p.frames().get(76).get(Channel.HEAD_YAW);
        for (int f = 76; f < 150; f++) assertThat(p.frames().get(f).get(Channel.HEAD_YAW)).isEqualTo((float) yaw0);
        double minBreath = 1, maxBreath = 0;
        for (int f = 76; f < 150; f++) {
            minBreath = Math.min(minBreath, p.frames().get(f).get(Channel.BREATH));
            maxBreath = Math.max(maxBreath, p.frames().get(f).get(Channel.BREATH));
        }
        assertThat(maxBreath - minBreath).isGreaterThan(0.3);
    }

    @Test
    void reactionAnticipatesThenThrowsTheHeadUp() {
        Performance p = planner.plan(shot(new TimingCue("r", seconds(2, 3), TimingCue.Kind.REACT, 1)), MIRA, silence(5), 1);
        Performance calm = planner.plan(shot(), MIRA, silence(5), 1);
        // The action peaks 0.25 s after the mark; the head, smoothed over 0.2 s, is highest a little later.
        double up = 0;
        for (int f = 56; f <= 64; f++) {
            up = Math.max(up, p.frames().get(f).get(Channel.HEAD_PITCH) - calm.frames().get(f).get(Channel.HEAD_PITCH));
        }
        assertThat(up).isGreaterThan(4);
        assertThat(p.frames().get(58).get(ArkitBlendshape.eyeWideLeft)).isGreaterThan(0.3f);
    }

    @Test
    void mouthRestsInSilenceAndOpensOnLoudSpeech() {
        AudioFeatures a = speech(10, 9);
        Performance p = planner.plan(shot(), MIRA, a, 1);
        for (int f = 0; f < p.frameCount(); f++) {
            PerformanceFrame fr = p.frames().get(f);
            if (!a.speech()[f] && (f < 2 || !a.speech()[f - 1]) && (f < 3 || !a.speech()[f - 2])) {
                assertThat(fr.mouthShape()).isEqualTo(MouthShape.X);
            }
        }
        assertThat(p.frames().stream().filter(f -> f.mouthShape() == MouthShape.D || f.mouthShape() == MouthShape.C)
                .count()).isGreaterThan(40);
    }

    @Test
    void continuousChannelsNeverJumpBetweenFrames() {
        Shot s = shot(new EmotionCue("e", seconds(1, 3), Emotion.ANGER, 1, 0, 0),
                new GazeCue("g", seconds(2, 5), GazeTarget.UP_RIGHT),
                new GestureCue("w", seconds(4, 6), "point", 1, Side.BOTH),
                new TimingCue("h", seconds(6, 7), TimingCue.Kind.HOLD, 1),
                new TimingCue("r", seconds(8, 9), TimingCue.Kind.REACT, 1));
        Performance p = planner.plan(s, MIRA, speech(12, 1), 3);
        // Degrees per frame at 25 fps; documented in docs/performance-planner.md.
        Map<Channel, Double> bound = Map.of(Channel.HEAD_YAW, 3.0, Channel.HEAD_PITCH, 3.0, Channel.HEAD_ROLL, 2.0,
                Channel.BODY_LEAN, 1.0, Channel.BODY_TURN, 1.0, Channel.BODY_FORWARD, 0.1, Channel.LEFT_SHOULDER, 15.0,
                Channel.RIGHT_SHOULDER, 15.0, Channel.LEFT_ELBOW, 15.0, Channel.BREATH, 0.1);
        for (int f = 1; f < p.frameCount(); f++) {
            for (Map.Entry<Channel, Double> e : bound.entrySet()) {
                double jump = Math.abs(p.frames().get(f).get(e.getKey()) - p.frames().get(f - 1).get(e.getKey()));
                assertThat(jump).as("%s at frame %d", e.getKey(), f).isLessThanOrEqualTo(e.getValue());
            }
        }
    }

    @Test
    void seedVariesBlinksButNotTheDirectedEmotion() {
        Shot s = shot(new EmotionCue("e", seconds(1, 9), Emotion.JOY, 1, 0, 0));
        Performance a = planner.plan(s, MIRA, silence(10), 1);
        Performance b = planner.plan(s, MIRA, silence(10), 2);
        assertThat(a.frames()).isNotEqualTo(b.frames());
        for (int f = 40; f < 220; f++) {
            assertThat(a.frames().get(f).get(ArkitBlendshape.mouthSmileLeft))
                    .isEqualTo(b.frames().get(f).get(ArkitBlendshape.mouthSmileLeft));
        }
    }

    @Test
    void aMixedFeelingMovesTheShapesOfEachOfItsEmotions() {
        org.cuestudio.core.model.EmotionPreset bittersweet = new org.cuestudio.core.model.EmotionPreset("bittersweet",
                "Bittersweet", Emotion.JOY, java.util.Map.of(Emotion.SADNESS, 0.6));
        Performance joy = planner.plan(shot(new EmotionCue("e", seconds(0, 8), Emotion.JOY, 1, 0, 0)), MIRA, silence(8), 1);
        Performance mixed = planner.plan(shot(org.cuestudio.core.model.EmotionCue.of("e", seconds(0, 8), bittersweet, 1,
                0, 0)), MIRA, silence(8), 1);
        Performance sad = planner.plan(shot(new EmotionCue("e", seconds(0, 8), Emotion.SADNESS, 0.6, 0, 0)), MIRA,
                silence(8), 1);
        PerformanceFrame j = joy.frames().get(100), m = mixed.frames().get(100), s = sad.frames().get(100);
        // Sadness's inner brow raise and frown join joy's smile.
        assertThat(m.get(ArkitBlendshape.browInnerUp)).isGreaterThan(j.get(ArkitBlendshape.browInnerUp) + 0.2f);
        assertThat(m.get(ArkitBlendshape.mouthSmileLeft)).isGreaterThan(s.get(ArkitBlendshape.mouthSmileLeft) + 0.3f);
        assertThat(m.get(ArkitBlendshape.cheekSquintLeft)).isCloseTo(j.get(ArkitBlendshape.cheekSquintLeft),
                org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void mouthCorrectionsOverrideTheLipSyncTrackExactlyOverTheirRange() {
        AudioFeatures a = speech(6, 3);
        org.cuestudio.core.model.MouthShape[] track = new org.cuestudio.core.model.MouthShape[a.frameCount()];
        java.util.Arrays.fill(track, org.cuestudio.core.model.MouthShape.C);
        AudioFeatures synced = a.withMouth(org.cuestudio.core.audio.MouthTrack.of(track));
        Performance p = planner.plan(shot(new org.cuestudio.core.model.MouthShapeCue("m", seconds(2, 2.08),
                org.cuestudio.core.model.MouthShape.A)), MIRA, synced, 1);
        for (int f = 0; f < p.frameCount(); f++) {
            org.cuestudio.core.model.MouthShape want = f == 50 || f == 51 ? org.cuestudio.core.model.MouthShape.A
                    : org.cuestudio.core.model.MouthShape.C;
            assertThat(p.frames().get(f).mouthShape()).as("frame %d", f).isEqualTo(want);
        }
        // The closed lips close the jaw too.
        assertThat(p.frames().get(50).get(ArkitBlendshape.jawOpen)).isLessThan(p.frames().get(40).get(ArkitBlendshape.jawOpen));
    }

    @Test
    void theLipSyncTracksCharacterAnimatorMouthsReachTheFramesAndShapeTheLips() {
        AudioFeatures a = speech(6, 3);
        int n = a.frameCount();
        org.cuestudio.core.model.MouthShape[] shapes = new org.cuestudio.core.model.MouthShape[n];
        org.cuestudio.core.model.AnimatorMouth[] mouths = new org.cuestudio.core.model.AnimatorMouth[n];
        java.util.Arrays.fill(shapes, org.cuestudio.core.model.MouthShape.B);
        for (int f = 0; f < n; f++) {
            mouths[f] = f < 60 ? org.cuestudio.core.model.AnimatorMouth.S : org.cuestudio.core.model.AnimatorMouth.EE;
        }
        AudioFeatures synced = a.withMouth(new org.cuestudio.core.audio.MouthTrack(shapes, mouths));
        // a correction on the mouth lane shows its shape's own mouth
        Performance p = planner.plan(shot(new org.cuestudio.core.model.MouthShapeCue("m", seconds(4, 4.2),
                org.cuestudio.core.model.MouthShape.D)), MIRA, synced, 1);
        assertThat(p.frames().get(40).animatorMouth()).isEqualTo(org.cuestudio.core.model.AnimatorMouth.S);
        assertThat(p.frames().get(80).animatorMouth()).isEqualTo(org.cuestudio.core.model.AnimatorMouth.EE);
        assertThat(p.frames().get(101).animatorMouth()).isEqualTo(org.cuestudio.core.model.AnimatorMouth.AA);
        assertThat(p.frames().get(80).mouthShape()).isEqualTo(org.cuestudio.core.model.MouthShape.B);
        // Ee spreads the lips that S does not
        assertThat(p.frames().get(80).get(ArkitBlendshape.mouthStretchLeft))
                .isGreaterThan(p.frames().get(40).get(ArkitBlendshape.mouthStretchLeft) + 0.2f);
    }

    @Test
    void aNewMouthShapeCrossFadesFromThePreviousOverFiftyMilliseconds() {
        AudioFeatures a = speech(6, 3);
        org.cuestudio.core.model.MouthShape[] track = new org.cuestudio.core.model.MouthShape[a.frameCount()];
        java.util.Arrays.fill(track, org.cuestudio.core.model.MouthShape.C);
        Performance p = planner.plan(shot(new org.cuestudio.core.model.MouthShapeCue("m", seconds(2, 2.08),
                org.cuestudio.core.model.MouthShape.A)), MIRA, a.withMouth(org.cuestudio.core.audio.MouthTrack.of(track)), 1);
        int c = org.cuestudio.core.model.MouthShape.C.ordinal();
        int closed = org.cuestudio.core.model.MouthShape.A.ordinal();
        // 25 fps: the change to A at frame 50 (2.00 s) shows half and half, 40 ms later 0.1 of C, then A alone.
        float[][] want = { // frame, shape, previous, weight of the previous
            {40, c, org.cuestudio.core.model.MouthShape.X.ordinal(), 0},
            {50, closed, c, 0.5f}, {51, closed, c, 0.1f}, {52, c, closed, 0.5f}, {53, c, closed, 0.1f}, {54, c, closed, 0}};
        for (float[] w : want) {
            PerformanceFrame f = p.frames().get((int) w[0]);
            assertThat(f.get(Channel.MOUTH_SHAPE)).as("shape at %s", w[0]).isEqualTo(w[1]);
            assertThat(f.get(Channel.MOUTH_PREVIOUS)).as("previous at %s", w[0]).isEqualTo(w[2]);
            assertThat(f.get(Channel.MOUTH_PREVIOUS_WEIGHT)).as("weight at %s", w[0])
                    .isCloseTo(w[3], org.assertj.core.data.Offset.offset(1e-6f));
        }
        // The jaw follows the same mix: half open on the change frame, closed 40 ms later, open again after.
        float open = p.frames().get(40).get(ArkitBlendshape.jawOpen);
        float half = p.frames().get(50).get(ArkitBlendshape.jawOpen);
        float shut = p.frames().get(51).get(ArkitBlendshape.jawOpen);
        assertThat(half).isLessThan(open).isGreaterThan(shut);
        assertThat(p.frames().get(50).get(ArkitBlendshape.mouthClose)).isLessThan(p.frames().get(51).get(ArkitBlendshape.mouthClose));
    }
}
