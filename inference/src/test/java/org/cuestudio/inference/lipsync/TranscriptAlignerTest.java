package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptAlignerTest {
    /** Log-probabilities that favour {@code shapes.charAt(t)} at frame t, weakly. */
    private static float[][] favour(String shapes, double p) {
        float[][] lp = new float[shapes.length()][9];
        for (int t = 0; t < shapes.length(); t++) {
            for (int s = 0; s < 9; s++) lp[t][s] = (float) Math.log((1 - p) / 8);
            lp[t]["ABCDEFGHX".indexOf(shapes.charAt(t))] = (float) Math.log(p);
        }
        return lp;
    }

    private static String str(int[] p) {
        StringBuilder sb = new StringBuilder();
        for (int v : p) sb.append("ABCDEFGHX".charAt(v));
        return sb.toString();
    }

    @Test
    void dictionaryGivesArpabetPhonesIncludingContractions() {
        assertThat(Pronouncer.phones("bob")).containsExactly("B", "AA", "B");
        assertThat(Pronouncer.phones("hello")).containsExactly("HH", "Schwa", "L", "OW");
        assertThat(Pronouncer.phones("xqzzy")).isNull();
        assertThat(Pronouncer.words("Don't stop, Bob!")).containsExactly("don't", "stop", "bob");
        assertThat(Pronouncer.phones("don't")).isNotNull().last().isEqualTo("T");
    }

    @Test
    void theTextClosesTheLipsOnEveryBilabialTheModelBlurred() {
        // the model sees an open vowel but misses the closures of "bob": the text restores them
        String model = "XXXXXXXXXXBDDDDDDDDDDDDDBXXXXXXXXXX";
        int[] modelPath = new CueDecoder(0, 1).decode(favour(model, 0.6));
        int[] path = TranscriptAligner.align(favour(model, 0.6), "Bob.", modelPath);
        String s = str(path);
        assertThat(s).startsWith("XXXXXXXXX").endsWith("XXXXXXXX");
        assertThat(s).contains("AD").contains("DA");
        assertThat(s.replaceAll("X", "")).matches("A+D+A+");
    }

    @Test
    void textThatDoesNotFitTheAudioLeavesTheModelsResult() {
        String model = "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
        int[] modelPath = new CueDecoder(0, 1).decode(favour(model, 0.98));
        int[] path = TranscriptAligner.align(favour(model, 0.98),
                "a very long sentence that nobody said in this silence at all", modelPath);
        assertThat(path).isEqualTo(modelPath);
    }
}
