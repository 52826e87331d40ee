package org.cuestudio.inference.lipsync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.Ticks;

/**
 * Gives every decoded shape its Character Animator mouth: a Viterbi pass over the mouth head's per-frame
 * log-probabilities where each frame may only take the mouths its shape allows (B may be S, D, Ee or R, never
 * Aa; the table is learned from the training truth, {@code allowed.<shape>} in {@code animator.properties}) and
 * every change of mouth within a shape costs {@code switchCost} nats. A change of shape is free (the shape path
 * already paid for it). The shapes are never changed, so the nine-shape results stay exactly as they were.
 */
public final class MouthRefiner {
    private static final MouthShape[] SHAPES = MouthShape.values();

    private final Map<MouthShape, int[]> allowed;
    private final double switchCost;

    public MouthRefiner(Map<MouthShape, List<AnimatorMouth>> allowed, double switchCost) {
        this.allowed = new EnumMap<>(MouthShape.class);
        for (MouthShape s : MouthShape.values()) {
            List<AnimatorMouth> list = allowed.get(s);
            if (s == MouthShape.X) {
                this.allowed.put(s, new int[] {AnimatorMouthRules.REST});
            } else if (list == null || list.isEmpty()) {
                this.allowed.put(s, new int[] {AnimatorMouthRules.classOf(AnimatorMouth.of(s))});
            } else {
                this.allowed.put(s, list.stream().mapToInt(AnimatorMouthRules::classOf).toArray());
            }
        }
        this.switchCost = switchCost;
    }

    /** Reads {@code allowed.A=M}, {@code allowed.B=S,D,Ee,R}, ... and {@code switchCost} (layer names). */
    public static MouthRefiner from(Properties p) {
        Map<MouthShape, List<AnimatorMouth>> allowed = new EnumMap<>(MouthShape.class);
        for (MouthShape s : MouthShape.values()) {
            String v = p.getProperty("allowed." + s.name());
            if (v == null || v.isBlank()) continue;
            List<AnimatorMouth> list = new ArrayList<>();
            for (String name : v.split(",")) {
                AnimatorMouth m = AnimatorMouth.byLayerName(name).filter(AnimatorMouth::isViseme)
                        .orElseThrow(() -> new IllegalArgumentException("animator.properties: allowed." + s.name()
                                + " names \"" + name.trim() + "\", which is not a Character Animator viseme"));
                list.add(m);
            }
            allowed.put(s, list);
        }
        return new MouthRefiner(allowed, Double.parseDouble(p.getProperty("switchCost", "2")));
    }

    /** The table as properties lines (for {@code animator.properties}). */
    public static String describe(Map<MouthShape, List<AnimatorMouth>> allowed) {
        StringBuilder b = new StringBuilder();
        for (var e : allowed.entrySet()) {
            b.append("allowed.").append(e.getKey().name()).append('=');
            b.append(String.join(",", e.getValue().stream().map(AnimatorMouth::layerName).toList())).append('\n');
        }
        return b.toString();
    }

    /** The mouths a shape may take. */
    public List<AnimatorMouth> allowed(MouthShape s) {
        List<AnimatorMouth> out = new ArrayList<>();
        for (int c : allowed.get(s)) out.add(c == AnimatorMouthRules.REST ? AnimatorMouth.NEUTRAL : AnimatorMouthRules.VISEMES.get(c));
        return out;
    }

    /**
     * Mouth class per frame for a shape path ({@code shapePath[t]} indexes A..H, X) and the head's
     * {@code logProbs[frame][class]}; {@code bonus}, when not null, adds to the class it names at a frame (the dialog
     * text's aligned mouth; -1 for none).
     */
    public int[] decode(int[] shapePath, float[][] logProbs, int[] bonus, double bonusNats) {
        int n = shapePath.length, k = AnimatorMouthRules.CLASSES;
        if (n == 0) return new int[0];
        double[] score = new double[k], next = new double[k];
        int[][] back = new int[n][k];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        for (int c : allowed.get(SHAPES[shapePath[0]])) score[c] = emit(logProbs, bonus, bonusNats, 0, c);
        for (int t = 1; t < n; t++) {
            boolean newShape = shapePath[t] != shapePath[t - 1];
            int best = -1;
            for (int c = 0; c < k; c++) if (score[c] > Double.NEGATIVE_INFINITY && (best < 0 || score[c] > score[best])) best = c;
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int c : allowed.get(SHAPES[shapePath[t]])) {
                double jump = score[best] - (newShape ? 0 : switchCost);
                double stay = score[c];
                if (stay >= jump) {
                    next[c] = stay + emit(logProbs, bonus, bonusNats, t, c);
                    back[t][c] = c;
                } else {
                    next[c] = jump + emit(logProbs, bonus, bonusNats, t, c);
                    back[t][c] = best;
                }
            }
            double[] swap = score;
            score = next;
            next = swap;
        }
        int[] path = new int[n];
        int c = -1;
        for (int i = 0; i < k; i++) if (score[i] > Double.NEGATIVE_INFINITY && (c < 0 || score[i] > score[c])) c = i;
        for (int t = n - 1; t >= 0; t--) {
            path[t] = c;
            c = back[t][c];
        }
        return path;
    }

    private static double emit(float[][] logProbs, int[] bonus, double nats, int t, int c) {
        return logProbs[t][c] + (bonus != null && bonus[t] == c ? nats : 0);
    }

    /**
     * Cues from a shape path and a mouth path (frame k = [k/100, (k+1)/100) s): a new cue wherever either changes,
     * the last one ending at the clip's end.
     */
    public static List<MouthCue> cues(int[] shapePath, int[] mouthPath, long durationTicks) {
        List<MouthCue> out = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= shapePath.length; t++) {
            if (t < shapePath.length && shapePath[t] == shapePath[start] && mouthPath[t] == mouthPath[start]) continue;
            long a = Ticks.ofMillis(start * 10L);
            long b = t == shapePath.length ? durationTicks : Ticks.ofMillis(t * 10L);
            if (a >= durationTicks) break;
            int m = mouthPath[start];
            AnimatorMouth mouth = m == AnimatorMouthRules.REST ? AnimatorMouth.NEUTRAL : AnimatorMouthRules.VISEMES.get(m);
            if (b > a) out.add(new MouthCue(a, Math.min(b, durationTicks), SHAPES[shapePath[start]], mouth));
            start = t;
        }
        if (out.isEmpty() && durationTicks > 0) out.add(new MouthCue(0, durationTicks, MouthShape.X));
        return out;
    }
}
