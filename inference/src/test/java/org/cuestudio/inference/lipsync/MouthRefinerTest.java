package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

class MouthRefinerTest {
    private static final int B = MouthShape.B.ordinal(), X = MouthShape.X.ordinal(), A = MouthShape.A.ordinal();
    private final MouthRefiner refiner = new MouthRefiner(Map.of(MouthShape.A, List.of(AnimatorMouth.M),
            MouthShape.B, List.of(AnimatorMouth.S, AnimatorMouth.EE)), 2.0);

    /** Log-probabilities that favour {@code m} by {@code margin} nats over every other class. */
    private static float[] favour(AnimatorMouth m, float margin) {
        float[] lp = new float[AnimatorMouthRules.CLASSES];
        Arrays.fill(lp, -margin);
        lp[AnimatorMouthRules.classOf(m)] = 0;
        return lp;
    }

    @Test
    void aShapeOnlyTakesTheMouthsItAllows() {
        // the head is sure of Aa, but B allows only S and Ee; A only M; rest is Neutral
        int[] shapes = {X, B, B, B, A, A};
        float[][] lp = new float[6][];
        for (int t = 0; t < 6; t++) lp[t] = favour(AnimatorMouth.AA, 5);
        lp[2] = favour(AnimatorMouth.EE, 1);
        int[] mouths = refiner.decode(shapes, lp, null, 0);
        assertThat(mouths[0]).isEqualTo(AnimatorMouthRules.REST);
        for (int t = 1; t <= 3; t++) {
            assertThat(mouths[t]).isIn(AnimatorMouthRules.classOf(AnimatorMouth.S), AnimatorMouthRules.classOf(AnimatorMouth.EE));
        }
        assertThat(mouths[4]).isEqualTo(AnimatorMouthRules.classOf(AnimatorMouth.M));
    }

    @Test
    void aChangeOfMouthWithinAShapeCostsButAClearOneHappens() {
        int[] shapes = new int[20];
        Arrays.fill(shapes, B);
        float[][] lp = new float[20][];
        for (int t = 0; t < 20; t++) lp[t] = favour(t < 10 ? AnimatorMouth.S : AnimatorMouth.EE, 1);
        lp[4] = favour(AnimatorMouth.EE, 1); // one stray frame does not pay for two switches
        int[] mouths = refiner.decode(shapes, lp, null, 0);
        int s = AnimatorMouthRules.classOf(AnimatorMouth.S), ee = AnimatorMouthRules.classOf(AnimatorMouth.EE);
        assertThat(mouths[4]).isEqualTo(s);
        assertThat(mouths[2]).isEqualTo(s);
        assertThat(mouths[15]).isEqualTo(ee);
        List<MouthCue> cues = MouthRefiner.cues(shapes, mouths, Ticks.ofMillis(200));
        assertThat(cues).extracting(MouthCue::mouth).containsExactly(AnimatorMouth.S, AnimatorMouth.EE);
        assertThat(cues).extracting(MouthCue::shape).containsOnly(MouthShape.B);
        assertThat(cues.getLast().endTicks()).isEqualTo(Ticks.ofMillis(200));
    }

    @Test
    void theTextsMouthIsAPrior() {
        int[] shapes = {B, B, B};
        float[][] lp = {favour(AnimatorMouth.S, 1), favour(AnimatorMouth.S, 1), favour(AnimatorMouth.S, 1)};
        int ee = AnimatorMouthRules.classOf(AnimatorMouth.EE);
        assertThat(refiner.decode(shapes, lp, new int[] {ee, ee, ee}, 2.0)).containsOnly(ee);
        assertThat(refiner.decode(shapes, lp, new int[] {-1, -1, -1}, 2.0)).doesNotContain(ee);
    }

    @Test
    void readsItsTableAndRefusesNamesThatAreNoVisemes() {
        Properties p = new Properties();
        p.setProperty("allowed.B", "S, Ee");
        p.setProperty("allowed.C", "Ah");
        p.setProperty("switchCost", "3");
        MouthRefiner r = MouthRefiner.from(p);
        assertThat(r.allowed(MouthShape.B)).containsExactly(AnimatorMouth.S, AnimatorMouth.EE);
        assertThat(r.allowed(MouthShape.C)).containsExactly(AnimatorMouth.AA);
        assertThat(r.allowed(MouthShape.G)).containsExactly(AnimatorMouth.F); // not listed: the shape's own mouth
        assertThat(r.allowed(MouthShape.X)).containsExactly(AnimatorMouth.NEUTRAL);
        p.setProperty("allowed.D", "Aa,Smile");
        assertThatThrownBy(() -> MouthRefiner.from(p)).hasMessageContaining("allowed.D").hasMessageContaining("Smile");
        assertThat(MouthRefiner.describe(Map.of(MouthShape.F, List.of(AnimatorMouth.W_OO, AnimatorMouth.R))))
                .isEqualTo("allowed.F=W-Oo,R\n");
    }
}
