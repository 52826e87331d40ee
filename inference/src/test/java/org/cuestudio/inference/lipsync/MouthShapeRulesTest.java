package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cuestudio.inference.lipsync.MouthShapeRules.Phone;
import org.cuestudio.inference.lipsync.MouthShapeRules.Segment;
import org.junit.jupiter.api.Test;

class MouthShapeRulesTest {
    private static String frames(List<Segment> segs, int total) {
        int[] l = MouthShapeRules.frameLabels(segs, total);
        StringBuilder sb = new StringBuilder();
        for (int v : l) sb.append("ABCDEFGHX".charAt(v));
        return sb.toString();
    }

    @Test
    void lipsAreClosedWhileBilabialsAreHeld() {
        // "bob": B AA B, then silence
        List<Segment> s = MouthShapeRules.animate(List.of(new Phone(10, 18, "B"), new Phone(18, 40, "AA"),
                new Phone(40, 48, "B")), 100);
        String f = frames(s, 100);
        assertThat(f.substring(10, 18)).isEqualTo("AAAAAAAA");
        assertThat(f.substring(18, 40)).matches("D+");
        assertThat(f.substring(40, 48)).isEqualTo("AAAAAAAA");
        assertThat(f.substring(0, 10)).matches("X+");
        assertThat(f.substring(60)).matches("X+");
    }

    @Test
    void roundedVowelsAndWArePuckered() {
        List<Segment> s = MouthShapeRules.animate(List.of(new Phone(0, 8, "W"), new Phone(8, 30, "UW")), 30);
        assertThat(frames(s, 30)).matches("F+");
    }

    @Test
    void shortPausesHoldTheMouthAndLongOnesRest() {
        List<Segment> s = MouthShapeRules.animate(List.of(new Phone(0, 20, "AA"), new Phone(25, 45, "AA"),
                new Phone(100, 120, "AA")), 130);
        String f = frames(s, 130);
        assertThat(f.substring(20, 25)).matches("D+");     // < 12 cs: hold
        assertThat(f.substring(50, 95)).matches("X+");     // > 35 cs: rest
    }

    @Test
    void vowelsAreAnticipatedOverFlexibleConsonants() {
        // "so": S is B or F; the following OW (E then F) pulls it towards E's neighbourhood
        List<Segment> s = MouthShapeRules.animate(List.of(new Phone(0, 10, "S"), new Phone(10, 40, "OW")), 40);
        String f = frames(s, 40);
        assertThat(f.substring(10, 28)).matches("E+");
        assertThat(f.substring(28, 40)).matches("F+");
    }
}
