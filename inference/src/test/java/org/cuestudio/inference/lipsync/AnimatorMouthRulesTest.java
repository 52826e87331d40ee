package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cuestudio.core.model.AnimatorMouth;
import org.junit.jupiter.api.Test;

class AnimatorMouthRulesTest {
    private static int c(AnimatorMouth m) {
        return AnimatorMouthRules.classOf(m);
    }

    @Test
    void theElevenVisemesAndRestAreTheClasses() {
        assertThat(AnimatorMouthRules.VISEMES).hasSize(11).allMatch(AnimatorMouth::isViseme);
        assertThat(AnimatorMouthRules.CLASSES).isEqualTo(12);
        assertThatThrownBy(() -> AnimatorMouthRules.classOf(AnimatorMouth.SMILE)).hasMessageContaining("not a viseme");
    }

    @Test
    void phonesGiveTheirMouthsAndGapsRest() {
        // "bee see": B IY, gap, S IY
        int[] labels = AnimatorMouthRules.frameLabels(List.of(new MouthShapeRules.Phone(10, 15, "B"),
                new MouthShapeRules.Phone(15, 30, "IY"), new MouthShapeRules.Phone(40, 50, "S"),
                new MouthShapeRules.Phone(50, 60, "ER")), 70);
        assertThat(labels[5]).isEqualTo(AnimatorMouthRules.REST);
        assertThat(labels[12]).isEqualTo(c(AnimatorMouth.M));
        assertThat(labels[20]).isEqualTo(c(AnimatorMouth.EE));
        assertThat(labels[35]).isEqualTo(AnimatorMouthRules.REST);
        assertThat(labels[45]).isEqualTo(c(AnimatorMouth.S));
        assertThat(labels[55]).isEqualTo(c(AnimatorMouth.R));
        assertThat(labels[65]).isEqualTo(AnimatorMouthRules.REST);
    }

    @Test
    void diphthongsChangeMouthsPartWay() {
        int[] labels = AnimatorMouthRules.frameLabels(List.of(new MouthShapeRules.Phone(0, 20, "OW"),
                new MouthShapeRules.Phone(20, 40, "AY")), 40);
        assertThat(labels[2]).isEqualTo(c(AnimatorMouth.OH));
        assertThat(labels[18]).isEqualTo(c(AnimatorMouth.W_OO));
        assertThat(labels[22]).isEqualTo(c(AnimatorMouth.AA));
        assertThat(labels[38]).isEqualTo(c(AnimatorMouth.EE));
    }

    @Test
    void everyPhoneOfTheRulesHasAMouthAndUnknownOnesAreRefused() {
        for (String p : List.of("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G",
                "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "Schwa", "T", "TH",
                "UH", "UW", "V", "W", "Y", "Z", "ZH")) {
            assertThat(AnimatorMouthRules.of(p)).as(p).isNotEmpty().allMatch(AnimatorMouth::isViseme);
        }
        assertThatThrownBy(() -> AnimatorMouthRules.of("QQ")).hasMessageContaining("unknown phone QQ");
    }
}
