package org.cuestudio.core.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/**
 * Computes the {@link Prosody} of a clip from 10 ms analysis hops: pitch and voicing from {@link PitchTrack};
 * pauses and phrases from the full-band level relative to the recording's loud speech (its 95th percentile);
 * accents from the peaks of a 300-2000 Hz band envelope (where the vowels of syllable nuclei carry their energy),
 * at least 120 ms apart and standing at least 3 dB above the dips around them, weighted by loudness and pitch
 * excursion.
 */
final class ProsodyAnalysis {
    /** Analysis hops per second (the same as {@link PitchTrack#FPS}). */
    static final int HOPS = PitchTrack.FPS;
    /** A hop this far below loud speech is silent (pauses). */
    private static final double SILENCE_DB = 30;
    /** A hop below this level (dB re full scale) is silent however quiet the whole recording is. */
    private static final double FLOOR_DB = -80;
    /** A hop this far below loud speech is low-energy (phrase boundaries). */
    private static final double LOW_DB = 22;
    /** Accent candidates must be at most this far below the band envelope's loud speech. */
    private static final double ACCENT_FLOOR_DB = 25;
    private static final double PROMINENCE_DB = 3;
    private static final int MIN_ACCENT_GAP_HOPS = 12; // 120 ms
    private static final int DIP_SEARCH_HOPS = 15; // 150 ms either side
    private static final int SMOOTH_HOPS = 2; // +-20 ms moving average of band power

    private ProsodyAnalysis() {}

    static Prosody analyse(AudioClip clip, FrameRate rate, int frames) {
        PitchTrack pitch = PitchTrack.analyse(clip);
        int hops = pitch.hz().length;
        double[] full = new double[hops], band = new double[hops];
        hopPowers(clip, full, band);
        double[] fullDb = toDb(full);
        double[] bandDb = toDb(smooth(band));
        double top = percentile(fullDb, 0.95);
        double bandTop = percentile(bandDb, 0.95);

        boolean[] silent = new boolean[hops], low = new boolean[hops];
        for (int i = 0; i < hops; i++) {
            silent[i] = fullDb[i] < Math.max(top - SILENCE_DB, FLOOR_DB);
            low[i] = fullDb[i] < Math.max(top - LOW_DB, FLOOR_DB + SILENCE_DB - LOW_DB);
        }
        List<TimeRange> pauses = runs(silent, Prosody.MIN_PAUSE_MS / 10);
        List<TimeRange> phrases = phrases(low, Prosody.MIN_PHRASE_GAP_MS / 10);

        float median = median(pitch.hz());
        float[] frameHz = new float[frames], semitones = new float[frames];
        boolean[] voiced = new boolean[frames];
        perFrame(pitch, rate, frames, frameHz, voiced);
        for (int f = 0; f < frames; f++) {
            if (voiced[f] && median > 0) semitones[f] = (float) (12 * Math.log(frameHz[f] / median) / Math.log(2));
        }
        List<Prosody.Accent> accents = accents(bandDb, bandTop, low, pitch.hz(), median);
        return new Prosody(frameHz, semitones, voiced, median, pauses, phrases, accents);
    }

    /**
     * Mean power per 10 ms hop of the signal ({@code full}) and of its 300-2000 Hz band ({@code band}: a
     * second-order Butterworth high-pass at 300 Hz then low-pass at 2 kHz).
     */
    private static void hopPowers(AudioClip clip, double[] full, double[] band) {
        float[] s = clip.samples();
        int sr = clip.sampleRate();
        Biquad hp = Biquad.highPass(300, sr), lp = Biquad.lowPass(Math.min(2000, 0.45 * sr), sr);
        int hops = full.length;
        for (int h = 0; h < hops; h++) {
            int from = (int) ((long) h * sr / HOPS), to = (int) Math.min(s.length, (long) (h + 1) * sr / HOPS);
            double sf = 0, sb = 0;
            for (int i = from; i < to; i++) {
                double x = s[i];
                double y = lp.step(hp.step(x));
                sf += x * x;
                sb += y * y;
            }
            int count = Math.max(1, to - from);
            full[h] = sf / count;
            band[h] = sb / count;
        }
    }

    private static double[] smooth(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - SMOOTH_HOPS); j <= Math.min(p.length - 1, i + SMOOTH_HOPS); j++) {
                sum += p[j];
                count++;
            }
            out[i] = sum / count;
        }
        return out;
    }

    private static double[] toDb(double[] power) {
        double[] db = new double[power.length];
        for (int i = 0; i < power.length; i++) db[i] = 10 * Math.log10(power[i] + 1e-18);
        return db;
    }

    private static double percentile(double[] v, double q) {
        if (v.length == 0) return 0;
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(v.length - 1, Math.floor(v.length * q))];
    }

    private static float median(float[] hz) {
        float[] voiced = new float[hz.length];
        int n = 0;
        for (float v : hz) if (v > 0) voiced[n++] = v;
        if (n == 0) return 0;
        Arrays.sort(voiced, 0, n);
        return n % 2 == 1 ? voiced[n / 2] : (voiced[n / 2 - 1] + voiced[n / 2]) / 2;
    }

    /** Runs of at least {@code minHops} set hops, as time ranges. */
    private static List<TimeRange> runs(boolean[] set, int minHops) {
        List<TimeRange> out = new ArrayList<>();
        int i = 0;
        while (i < set.length) {
            if (!set[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < set.length && set[i]) i++;
            if (i - start >= minHops) out.add(hopRange(start, i));
        }
        return out;
    }

    /** Spans between low-energy runs of at least {@code gapHops} (or the clip's ends), trimmed to their speech. */
    private static List<TimeRange> phrases(boolean[] low, int gapHops) {
        List<TimeRange> out = new ArrayList<>();
        int start = -1, lastLoud = -1, lowRun = 0;
        for (int i = 0; i <= low.length; i++) {
            boolean quiet = i == low.length || low[i];
            if (!quiet) {
                if (start < 0) start = i;
                lastLoud = i;
                lowRun = 0;
                continue;
            }
            lowRun++;
            if (start >= 0 && (lowRun >= gapHops || i == low.length)) {
                if (lastLoud + 1 - start >= 5) out.add(hopRange(start, lastLoud + 1));
                start = -1;
            }
        }
        return out;
    }

    private static TimeRange hopRange(int from, int to) {
        return TimeRange.between(Ticks.ofMillis(from * 1000L / HOPS), Ticks.ofMillis(to * 1000L / HOPS));
    }

    /** Pitch per video frame (the geometric mean of its voiced hops) and voicing (at least half its hops voiced). */
    private static void perFrame(PitchTrack pitch, FrameRate rate, int frames, float[] hz, boolean[] voiced) {
        float[] p = pitch.hz();
        for (int f = 0; f < frames; f++) {
            double t0 = Ticks.toSeconds(rate.frameToTicks(f)) * HOPS - 0.5;
            double t1 = Ticks.toSeconds(rate.frameToTicks(f + 1)) * HOPS - 0.5;
            int from = (int) Math.ceil(t0), to = (int) Math.ceil(t1);
            if (to <= from) to = (from = (int) Math.round((t0 + t1) / 2)) + 1;
            int count = 0, voicedCount = 0;
            double logSum = 0;
            for (int j = Math.max(0, from); j < Math.min(p.length, to); j++) {
                count++;
                if (p[j] > 0) {
                    voicedCount++;
                    logSum += Math.log(p[j]);
                }
            }
            voiced[f] = count > 0 && voicedCount * 2 >= count;
            hz[f] = voiced[f] ? (float) Math.exp(logSum / voicedCount) : 0;
        }
    }

    /**
     * Syllable nuclei: local maxima of the band envelope within 25 dB of its loud speech, in non-low hops,
     * standing {@value #PROMINENCE_DB} dB above the lower of the dips within 150 ms either side, the higher of two
     * closer than 120 ms kept; timed by parabolic interpolation; strength from loudness (65 %) and pitch
     * excursion from the median (35 %: up to 6 semitones up, or 12 down), scaled so the 90th percentile is 1.
     */
    private static List<Prosody.Accent> accents(double[] db, double top, boolean[] low, float[] hz, float median) {
        int n = db.length;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (low[i] || db[i] < top - ACCENT_FLOOR_DB || db[i] < db[i - 1] || db[i] <= db[i + 1]) continue;
            double leftDip = db[i], rightDip = db[i];
            for (int j = Math.max(0, i - DIP_SEARCH_HOPS); j < i; j++) leftDip = Math.min(leftDip, db[j]);
            for (int j = i + 1; j <= Math.min(n - 1, i + DIP_SEARCH_HOPS); j++) rightDip = Math.min(rightDip, db[j]);
            if (db[i] - Math.max(leftDip, rightDip) >= PROMINENCE_DB) candidates.add(i);
        }
        candidates.sort((a, b) -> db[b] != db[a] ? Double.compare(db[b], db[a]) : Integer.compare(a, b));
        boolean[] taken = new boolean[n];
        List<Integer> kept = new ArrayList<>();
        for (int i : candidates) {
            boolean near = false;
            for (int j = Math.max(0, i - MIN_ACCENT_GAP_HOPS + 1); j < Math.min(n, i + MIN_ACCENT_GAP_HOPS) && !near; j++) {
                near = taken[j];
            }
            if (near) continue;
            taken[i] = true;
            kept.add(i);
        }
        kept.sort(null);
        double[] raw = new double[kept.size()];
        double[] at = new double[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            double a = db[i - 1], b = db[i], c = db[i + 1];
            double denom = a - 2 * b + c;
            double shift = denom != 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / denom)) : 0;
            at[k] = (i + 0.5 + shift) / HOPS;
            double loud = Math.max(0, Math.min(1, (b - (top - ACCENT_FLOOR_DB)) / ACCENT_FLOOR_DB));
            double excursion = 0;
            for (int j = Math.max(0, i - 5); j <= Math.min(hz.length - 1, i + 5); j++) {
                if (hz[j] <= 0 || median <= 0) continue;
                double st = 12 * Math.log(hz[j] / median) / Math.log(2);
                excursion = Math.max(excursion, st > 0 ? st / 6 : -st / 12);
            }
            raw[k] = 0.65 * loud + 0.35 * Math.min(1, excursion);
        }
        double ref = percentile(raw, 0.9);
        List<Prosody.Accent> out = new ArrayList<>(kept.size());
        for (int k = 0; k < kept.size(); k++) {
            float strength = ref > 0 ? (float) Math.max(0, Math.min(1, raw[k] / ref)) : 0;
            out.add(new Prosody.Accent(Ticks.ofSeconds(at[k]), strength));
        }
        return out;
    }

    /** A second-order IIR section (RBJ audio-EQ cookbook, Q = 1/sqrt 2, Butterworth). */
    private static final class Biquad {
        private final double b0, b1, b2, a1, a2;
        private double x1, x2, y1, y2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
            this.b0 = b0 / a0;
            this.b1 = b1 / a0;
            this.b2 = b2 / a0;
            this.a1 = a1 / a0;
            this.a2 = a2 / a0;
        }

        static Biquad lowPass(double hz, int rate) {
            double w = 2 * Math.PI * hz / rate, alpha = Math.sin(w) / Math.sqrt(2), cos = Math.cos(w);
            return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        static Biquad highPass(double hz, int rate) {
            double w = 2 * Math.PI * hz / rate, alpha = Math.sin(w) / Math.sqrt(2), cos = Math.cos(w);
            return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
        }

        double step(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
