package org.cuestudio.inference.lipsync;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.Ticks;

/**
 * Turns per-frame shape probabilities (100 fps) into mouth cues: a Viterbi pass over the nine shapes where every
 * change of shape costs {@code switchCost} (in nats), which removes flicker without delaying real changes; then
 * segments shorter than {@code minFrames} are merged into the neighbour the model finds more likely there.
 */
public final class CueDecoder {
    private static final MouthShape[] SHAPES = MouthShape.values(); // A..H, X: the model's class order

    private final double switchCost;
    private final int minFrames;

    public CueDecoder(double switchCost, int minFrames) {
        this.switchCost = switchCost;
        this.minFrames = minFrames;
    }

    /** Best shape index per frame. {@code logProbs[frame][shape]}. */
    public int[] decode(float[][] logProbs) {
        int n = logProbs.length, k = LipSyncNet.SHAPES;
        if (n == 0) return new int[0];
        double[] score = new double[k];
        int[][] back = new int[n][k];
        for (int s = 0; s < k; s++) score[s] = logProbs[0][s];
        double[] next = new double[k];
        for (int t = 1; t < n; t++) {
            int best = 0;
            for (int s = 1; s < k; s++) if (score[s] > score[best]) best = s;
            for (int s = 0; s < k; s++) {
                double stay = score[s], jump = score[best] - switchCost;
                if (stay >= jump) {
                    next[s] = stay + logProbs[t][s];
                    back[t][s] = s;
                } else {
                    next[s] = jump + logProbs[t][s];
                    back[t][s] = best;
                }
            }
            System.arraycopy(next, 0, score, 0, k);
        }
        int[] path = new int[n];
        int s = 0;
        for (int i = 1; i < k; i++) if (score[i] > score[s]) s = i;
        for (int t = n - 1; t >= 0; t--) {
            path[t] = s;
            s = back[t][s];
        }
        mergeShort(path, logProbs);
        return path;
    }

    private void mergeShort(int[] path, float[][] logProbs) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int start = 0;
            for (int t = 1; t <= path.length; t++) {
                if (t < path.length && path[t] == path[start]) continue;
                if (t - start < minFrames && (start > 0 || t < path.length)) {
                    int left = start > 0 ? path[start - 1] : -1, right = t < path.length ? path[t] : -1;
                    double sl = 0, sr = 0;
                    for (int i = start; i < t; i++) {
                        if (left >= 0) sl += logProbs[i][left];
                        if (right >= 0) sr += logProbs[i][right];
                    }
                    int with = left < 0 ? right : right < 0 ? left : sl >= sr ? left : right;
                    for (int i = start; i < t; i++) path[i] = with;
                    changed = true;
                }
                start = t;
            }
        }
    }

    /** Cues from a frame path (frame k = [k/100, (k+1)/100) s), the last one ending at the clip's end. */
    public static List<MouthCue> cues(int[] path, long durationTicks) {
        List<MouthCue> out = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= path.length; t++) {
            if (t < path.length && path[t] == path[start]) continue;
            long a = Ticks.ofMillis(start * 10L);
            long b = t == path.length ? durationTicks : Ticks.ofMillis(t * 10L);
            if (a >= durationTicks) break;
            if (b > a) out.add(new MouthCue(a, Math.min(b, durationTicks), SHAPES[path[start]]));
            start = t;
        }
        if (out.isEmpty() && durationTicks > 0) out.add(new MouthCue(0, durationTicks, MouthShape.X));
        return out;
    }
}
