package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

class CueDecoderTest {
    /** Log-probabilities that favour {@code shapes.charAt(t)} at frame t. */
    private static float[][] favour(String shapes) {
        float[][] lp = new float[shapes.length()][9];
        for (int t = 0; t < shapes.length(); t++) {
            for (int s = 0; s < 9; s++) lp[t][s] = (float) Math.log(0.3 / 8);
            lp[t]["ABCDEFGHX".indexOf(shapes.charAt(t))] = (float) Math.log(0.7);
        }
        return lp;
    }

    private static String path(int[] p) {
        StringBuilder sb = new StringBuilder();
        for (int v : p) sb.append("ABCDEFGHX".charAt(v));
        return sb.toString();
    }

    @Test
    void singleFrameFlickerIsRemoved() {
        assertThat(path(new CueDecoder(2, 2).decode(favour("XXXXXDDDDDCDDDDAAAAXXXX")))).isEqualTo("XXXXXDDDDDDDDDDAAAAXXXX");
    }

    @Test
    void realChangesAreKeptWhereTheyHappen() {
        assertThat(path(new CueDecoder(2, 2).decode(favour("XXXXBBBBDDDDDAAAFFFFFXX")))).isEqualTo("XXXXBBBBDDDDDAAAFFFFFXX");
    }

    @Test
    void cuesCoverTheClipContiguouslyAndEndAtItsEnd() {
        long duration = Ticks.ofMillis(225);
        List<MouthCue> cues = CueDecoder.cues(new CueDecoder(0, 1).decode(favour("XXXXBBBBDDDDDAAAFFFFFXXX")), duration);
        assertThat(cues.getFirst().startTicks()).isZero();
        assertThat(cues.getLast().endTicks()).isEqualTo(duration);
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).startTicks()).isEqualTo(cues.get(i - 1).endTicks());
            assertThat(cues.get(i).shape()).isNotEqualTo(cues.get(i - 1).shape());
        }
        assertThat(cues).extracting(MouthCue::shape).containsExactly(MouthShape.X, MouthShape.B, MouthShape.D,
                MouthShape.A, MouthShape.F, MouthShape.X);
    }
}
