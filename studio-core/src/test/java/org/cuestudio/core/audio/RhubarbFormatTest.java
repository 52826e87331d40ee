package org.cuestudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
