package org.cuestudio.inference.lipsync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link CueDecoder}'s Viterbi pass made incremental: frame by frame, the shape of frame {@code t - lag} is decided
 * by tracing back {@code lag} steps from the best shape at frame {@code t} (fixed-lag smoothing). Then, as offline,
 * a segment shorter than {@code minFrames} is merged into the neighbour the model finds more likely over it; that
 * holds a frame back until its segment is long enough or has ended (at most {@code minFrames - 1} frames more).
 * Not thread-safe.
 */
final class FixedLagDecoder {
    private static final int K = LipSyncNet.SHAPES;

    private final double switchCost;
    private final int minFrames;
    private final int lag;
    private final double[] score = new double[K];
    private final double[] next = new double[K];
    /** Back-pointers of the last {@code lag + 1} frames, ring-indexed by frame. */
    private final int[][] back;
    private int frames;
    private boolean finished;
    // Viterbi decisions not yet released by the short-segment merge, with their log-probabilities
    private final List<float[]> pendingLp = new ArrayList<>();
    private final List<Integer> pendingShape = new ArrayList<>();
    private final List<float[]> lpWindow = new ArrayList<>(); // log-probs of frames not yet Viterbi-decided
    private int[] out = new int[256];
    private int decided;

    FixedLagDecoder(double switchCost, int minFrames, int lag) {
        this.switchCost = switchCost;
        this.minFrames = Math.max(1, minFrames);
        this.lag = lag;
        this.back = new int[lag + 1][K];
    }

    int lag() {
        return lag;
    }

    int decided() {
        return decided;
    }

    int shape(int frame) {
        if (frame < 0 || frame >= decided) throw new IndexOutOfBoundsException("frame " + frame + " is not decided");
        return out[frame];
    }

    void accept(float[] lp) {
        if (finished) throw new IllegalStateException("the decoder has finished");
        int t = frames++;
        int[] bp = back[t % (lag + 1)];
        if (t == 0) {
            for (int s = 0; s < K; s++) score[s] = lp[s];
        } else {
            int best = argmax(score);
            for (int s = 0; s < K; s++) {
                double stay = score[s], jump = score[best] - switchCost;
                if (stay >= jump) {
                    next[s] = stay + lp[s];
                    bp[s] = s;
                } else {
                    next[s] = jump + lp[s];
                    bp[s] = best;
                }
            }
            // only differences between scores matter; keeping the best at 0 keeps doubles exact over hours
            double top = next[argmax(next)];
            for (int s = 0; s < K; s++) score[s] = next[s] - top;
        }
        lpWindow.add(lp);
        if (t >= lag) {
            int s = argmax(score);
            for (int u = t; u > t - lag; u--) s = back[u % (lag + 1)][s];
            viterbiDecided(s);
        }
    }

    /** Decides every remaining frame by tracing back from the best final shape, as the offline pass does. */
    void finish() {
        if (finished) return;
        finished = true;
        int remaining = lpWindow.size();
        if (remaining > 0) {
            int[] path = new int[remaining];
            int s = argmax(score);
            int t = frames - 1;
            for (int i = remaining - 1; i >= 0; i--, t--) {
                path[i] = s;
                if (i > 0) s = back[t % (lag + 1)][s];
            }
            for (int p : path) viterbiDecided(p);
        }
        // the last segment, however short, merges into its left neighbour
        flushPending(true);
    }

    private void viterbiDecided(int shape) {
        float[] lp = lpWindow.remove(0);
        if (pendingShape.isEmpty() && decided > 0 && out[decided - 1] == shape) {
            // the released segment goes on: it is long enough already
            append(shape);
            return;
        }
        if (!pendingShape.isEmpty() && pendingShape.get(pendingShape.size() - 1) != shape) {
            // the pending segment has ended: merge it if short, then release it
            int runLength = pendingShape.size();
            if (runLength < minFrames) {
                int left = decided > 0 ? out[decided - 1] : -1;
                double sl = 0, sr = 0;
                for (float[] p : pendingLp) {
                    if (left >= 0) sl += p[left];
                    sr += p[shape];
                }
                int with = left < 0 || sr > sl ? shape : left;
                if (with == shape) {
                    // it joins the new segment, which stays pending until it is long enough
                    for (int i = 0; i < pendingShape.size(); i++) pendingShape.set(i, shape);
                    pendingShape.add(shape);
                    pendingLp.add(lp);
                    releaseIfLong();
                    return;
                }
                for (int i = 0; i < pendingShape.size(); i++) pendingShape.set(i, with);
            }
            release();
        }
        pendingShape.add(shape);
        pendingLp.add(lp);
        releaseIfLong();
    }

    private void releaseIfLong() {
        if (pendingShape.size() >= minFrames) release();
    }

    private void flushPending(boolean atEnd) {
        if (pendingShape.isEmpty()) return;
        if (atEnd && pendingShape.size() < minFrames && decided > 0) {
            int left = out[decided - 1];
            for (int i = 0; i < pendingShape.size(); i++) pendingShape.set(i, left);
        }
        release();
    }

    private void release() {
        for (int s : pendingShape) append(s);
        pendingShape.clear();
        pendingLp.clear();
    }

    private void append(int s) {
        if (decided == out.length) out = Arrays.copyOf(out, out.length * 2);
        out[decided++] = s;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
