package org.cuestudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

class RhubarbFormatTest {
    private static MouthCue cue(int fromMs, int toMs, MouthShape s) {
        return new MouthCue(Ticks.ofMillis(fromMs), Ticks.ofMillis(toMs), s);
    }

    private static final List<MouthCue> CUES = List.of(cue(0, 440, MouthShape.X), cue(440, 520, MouthShape.B),
            cue(520, 590, MouthShape.A), cue(590, 1234, MouthShape.F), cue(1234, 1500, MouthShape.X));

    @Test
    void tsvHasOneLinePerChangeWithTwoDecimalsAndEndsWithTheAudioEndAsX() {
        assertThat(RhubarbFormat.tsv(CUES, Ticks.ofMillis(1500)))
                .isEqualTo("0.00\tX\n0.44\tB\n0.52\tA\n0.59\tF\n1.23\tX\n1.50\tX\n");
    }

    @Test
    void tsvDropsACueShorterThanItsPrintedResolutionAndMergesEqualNeighbours() {
        List<MouthCue> cues = List.of(cue(0, 100, MouthShape.B), cue(100, 103, MouthShape.C), cue(103, 200, MouthShape.B),
                cue(200, 300, MouthShape.D));
        assertThat(RhubarbFormat.tsv(cues, Ticks.ofMillis(300))).isEqualTo("0.00\tB\n0.20\tD\n0.30\tX\n");
    }

    @Test
    void jsonFollowsRhubarbsMouthCuesLayout() {
        String json = RhubarbFormat.json(CUES.subList(0, 2), "dir/say \"hi\".wav", Ticks.ofMillis(520));
        assertThat(json).isEqualTo("""
                {
                  "metadata": {
                    "soundFile": "dir/say \\"hi\\".wav",
                    "duration": 0.52
                  },
                  "mouthCues": [
                    { "start": 0.00, "end": 0.44, "value": "X" },
                    { "start": 0.44, "end": 0.52, "value": "B" }
                  ]
                }
                """);
    }

    @Test
    void perFrameSamplingTakesTheShapeCoveringMostOfEachFrame() {
        MouthShape[] frames = LipSync.sample(CUES, FrameRate.FPS_25, 40);
        assertThat(frames[0]).isEqualTo(MouthShape.X);   // 0 ms
        assertThat(frames[11]).isEqualTo(MouthShape.B);  // 440 ms
        assertThat(frames[13]).isEqualTo(MouthShape.A);  // 520 ms
        assertThat(frames[15]).isEqualTo(MouthShape.F);  // 600 ms
        assertThat(frames[39]).isEqualTo(MouthShape.X);  // past the end
    }

    @Test
    void aShortLipClosureIsNeverLostBetweenFrames() {
        // a 30 ms "b" straddling two 40 ms frames: neither frame is mostly A, but the closure must show
        List<MouthCue> cues = List.of(cue(0, 1000, MouthShape.X), cue(1000, 1065, MouthShape.C),
                cue(1065, 1095, MouthShape.A), cue(1095, 1200, MouthShape.C));
        MouthShape[] frames = LipSync.sample(cues, FrameRate.FPS_25, 30);
        assertThat(frames[26]).isEqualTo(MouthShape.A); // 1040-1080 and 1080-1120 hold 15 ms each: the first wins
        assertThat(frames[27]).isEqualTo(MouthShape.C);
        assertThat(frames[25]).isEqualTo(MouthShape.C);
    }

    private static MouthCue cue(int fromMs, int toMs, MouthShape s, AnimatorMouth m) {
        return new MouthCue(Ticks.ofMillis(fromMs), Ticks.ofMillis(toMs), s, m);
    }

    /** "see bee": S then Ee on one B, the closure, Ee again. */
    private static final List<MouthCue> REFINED = List.of(cue(0, 100, MouthShape.X), cue(100, 180, MouthShape.B,
            AnimatorMouth.S), cue(180, 300, MouthShape.B, AnimatorMouth.EE), cue(300, 360, MouthShape.A),
            cue(360, 500, MouthShape.B, AnimatorMouth.EE), cue(500, 600, MouthShape.X));

    @Test
    void animatorNamingWritesCharacterAnimatorsMouthsWhileRhubarbNamingMergesThem() {
        assertThat(RhubarbFormat.tsv(REFINED, Ticks.ofMillis(600), RhubarbFormat.Naming.ANIMATOR))
                .isEqualTo("0.00\tNeutral\n0.10\tS\n0.18\tEe\n0.30\tM\n0.36\tEe\n0.50\tNeutral\n0.60\tNeutral\n");
        assertThat(RhubarbFormat.tsv(REFINED, Ticks.ofMillis(600)))
                .isEqualTo("0.00\tX\n0.10\tB\n0.30\tA\n0.36\tB\n0.50\tX\n0.60\tX\n");
        String json = RhubarbFormat.json(REFINED, "a.wav", Ticks.ofMillis(600));
        assertThat(json).contains("{ \"start\": 0.10, \"end\": 0.30, \"value\": \"B\" }");
        assertThat(RhubarbFormat.json(REFINED, "a.wav", Ticks.ofMillis(600), RhubarbFormat.Naming.ANIMATOR))
                .contains("{ \"start\": 0.10, \"end\": 0.18, \"value\": \"S\" }")
                .contains("{ \"start\": 0.18, \"end\": 0.30, \"value\": \"Ee\" }");
    }

    @Test
    void perFrameTracksCarryEachFramesMouth() {
        MouthTrack t = LipSync.track(REFINED, new FrameRate(100, 1), 60);
        assertThat(t.shapes()[15]).isEqualTo(MouthShape.B);
        assertThat(t.mouths()[15]).isEqualTo(AnimatorMouth.S);
        assertThat(t.mouths()[20]).isEqualTo(AnimatorMouth.EE);
        assertThat(t.mouths()[33]).isEqualTo(AnimatorMouth.M);
        assertThat(t.mouths()[5]).isEqualTo(AnimatorMouth.NEUTRAL);
        MouthTrack plain = MouthTrack.of(new MouthShape[] {MouthShape.D, MouthShape.X});
        assertThat(plain.mouths()).containsExactly(AnimatorMouth.AA, AnimatorMouth.NEUTRAL);
    }

    @Test
    void aCueRefusesAMouthThatDoesNotGoWithItsShape() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cue(0, 10, MouthShape.X, AnimatorMouth.EE))
                .hasMessageContaining("Ee").hasMessageContaining("X");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cue(0, 10, MouthShape.B, AnimatorMouth.SMILE))
                .hasMessageContaining("Smile");
        assertThat(cue(0, 10, MouthShape.C).mouth()).isEqualTo(AnimatorMouth.D);
    }
}
