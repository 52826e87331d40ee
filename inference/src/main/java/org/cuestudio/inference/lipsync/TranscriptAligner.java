package org.cuestudio.inference.lipsync;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Uses the dialog text to sharpen the model's result: the transcript's phones (bundled dictionary, see
 * {@link Pronouncer}) are force-aligned to the model's per-frame shape probabilities with a left-to-right Viterbi
 * pass (each phone may only show the shapes the rules allow it, and lasts at least 20 ms; silences between words
 * are optional), and the aligned phone timeline goes through the same rules as the training truth
 * ({@link MouthShapeRules}). Words the dictionary lacks become free segments where the model's own decoding is
 * kept. If the text does not fit the audio (the aligned path is far less likely than the unconstrained one), the
 * model's decoding is returned unchanged.
 */
public final class TranscriptAligner {
    private static final String ALL_OPEN = "ABCDEFGH";
    /** Frames x states above which alignment is skipped (memory for back-pointers). */
    private static final long MAX_CELLS = 60_000_000L;
    /** Mean log-likelihood loss per speech frame beyond which the transcript is judged not to fit. */
    private static final double MISFIT = 1.2;

    private TranscriptAligner() {}

    private enum Kind { PHONE, SILENCE, FREE }

    /** One alignment unit: a phone (or half of a diphthong), an optional silence, or a free (unknown word) span. */
    private record Unit(Kind kind, String options, int minFrames, boolean optional, int phoneId, @Nullable String phone) {}

    /** Allowed shapes over a whole phone of any length (the union of its duration-dependent options). */
    private static List<String> phoneParts(String p) {
        return switch (p) {
            case "AH" -> List.of("CD");
            case "ER" -> List.of("BCE");
            case "L" -> List.of("BEFH");
            case "EY" -> List.of("C", "B");
            case "AY" -> List.of("CD", "B");
            case "OW" -> List.of("E", "F");
            case "AW" -> List.of("CD", "E");
            case "OY" -> List.of("E", "B");
            default -> {
                var sets = MouthShapeRules.shapeSets(p, 10);
                yield List.of(sets.getFirst().options());
            }
        };
    }

    /**
     * The aligned text: a shape index per frame, and the mouth class per frame that its phones give
     * ({@link AnimatorMouthRules}; -1 where no phone of the text was aligned), or null when the text does not fit.
     */
    public record Alignment(int[] shapes, int @Nullable [] mouths) {}

    /** Frame path (shape index per frame) for the text, or {@code modelPath} when the text does not fit. */
    public static int[] align(float[][] logProbs, String text, int[] modelPath) {
        return alignment(logProbs, text, modelPath).shapes();
    }

    /** The alignment of the text; shapes {@code modelPath} and no mouths when the text does not fit. */
    public static Alignment alignment(float[][] logProbs, String text, int[] modelPath) {
        Alignment none = new Alignment(modelPath, null);
        int n = logProbs.length;
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(Kind.SILENCE, "X", 1, true, -1, null));
        int phoneId = 0;
        for (String w : Pronouncer.words(text)) {
            List<String> phones = Pronouncer.phones(w);
            if (phones == null || phones.isEmpty()) {
                units.add(new Unit(Kind.FREE, ALL_OPEN, 4, false, -1, null));
            } else {
                for (String p : phones) {
                    List<String> parts = phoneParts(p);
                    for (String opt : parts) units.add(new Unit(Kind.PHONE, opt, parts.size() == 1 ? 2 : 1, false, phoneId, p));
                    phoneId++;
                }
            }
            units.add(new Unit(Kind.SILENCE, "X", 1, true, -1, null));
        }
        // states: each unit expands to minFrames chained states; the last one loops
        List<Integer> stateUnit = new ArrayList<>();
        int[] firstState = new int[units.size()];
        int[] lastState = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            firstState[u] = stateUnit.size();
            for (int k = 0; k < units.get(u).minFrames(); k++) stateUnit.add(u);
            lastState[u] = stateUnit.size() - 1;
        }
        int s = stateUnit.size();
        if (n == 0 || (long) n * s > MAX_CELLS) return none;
        int[] unitOf = stateUnit.stream().mapToInt(Integer::intValue).toArray();
        int[][] optIdx = new int[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            String o = units.get(u).options();
            optIdx[u] = o.chars().map("ABCDEFGHX"::indexOf).toArray();
        }
        double neg = Double.NEGATIVE_INFINITY;
        double[] score = new double[s], next = new double[s];
        int[][] back = new int[n][s];
        java.util.Arrays.fill(score, neg);
        score[firstState[0]] = emit(logProbs[0], optIdx[0]);
        score[firstState[1]] = emit(logProbs[0], optIdx[1]);
        for (int t = 1; t < n; t++) {
            float[] lp = logProbs[t];
            for (int j = 0; j < s; j++) {
                int u = unitOf[j];
                double best = neg;
                int arg = -1;
                if (j == lastState[u] && score[j] > best) { best = score[j]; arg = j; } // stay
                if (j == firstState[u]) {
                    if (u > 0 && score[lastState[u - 1]] > best) { best = score[lastState[u - 1]]; arg = lastState[u - 1]; }
                    if (u > 1 && units.get(u - 1).optional() && score[lastState[u - 2]] > best) {
                        best = score[lastState[u - 2]];
                        arg = lastState[u - 2];
                    }
                } else if (score[j - 1] > best) {
                    best = score[j - 1];
                    arg = j - 1;
                }
                next[j] = arg < 0 ? neg : best + emit(lp, optIdx[u]);
                back[t][j] = arg;
            }
            double[] tmp = score;
            score = next;
            next = tmp;
        }
        int endU = units.size() - 1;
        int end = score[lastState[endU]] >= score[lastState[endU - 1]] ? lastState[endU] : lastState[endU - 1];
        if (score[end] == neg) return none;
        double modelScore = 0;
        for (int t = 0; t < n; t++) modelScore += logProbs[t][modelPath[t]];
        int speech = 0;
        for (int v : modelPath) if (v != 8) speech++;
        if ((modelScore - score[end]) / Math.max(1, speech) > MISFIT) return none;

        int[] stateAt = new int[n];
        for (int t = n - 1, j = end; t >= 0; t--) {
            stateAt[t] = j;
            j = back[t][j];
        }
        List<MouthShapeRules.Phone> phones = new ArrayList<>();
        boolean[] free = new boolean[n];
        int t = 0;
        while (t < n) {
            Unit u = units.get(unitOf[stateAt[t]]);
            int t2 = t;
            if (u.kind() == Kind.PHONE) {
                while (t2 < n && units.get(unitOf[stateAt[t2]]).phoneId() == u.phoneId()) t2++;
                phones.add(new MouthShapeRules.Phone(t, t2, u.phone()));
            } else {
                while (t2 < n && unitOf[stateAt[t2]] == unitOf[stateAt[t]]) t2++;
                if (u.kind() == Kind.FREE) for (int i = t; i < t2; i++) free[i] = true;
            }
            t = t2;
        }
        int[] path = MouthShapeRules.frameLabels(MouthShapeRules.animate(phones, n), n);
        int[] mouths = AnimatorMouthRules.frameLabels(phones, n);
        for (int i = 0; i < n; i++) {
            if (free[i]) {
                path[i] = modelPath[i];
                mouths[i] = -1;
            }
        }
        return new Alignment(path, mouths);
    }

    private static double emit(float[] lp, int[] options) {
        double best = Double.NEGATIVE_INFINITY;
        for (int o : options) best = Math.max(best, lp[o]);
        return best;
    }
}
