package org.cuestudio.inference.lipsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioClip;

/**
 * One training example: log-mel features, the ground-truth shape and Character Animator mouth per 10 ms frame, made from a generated clip
 * ({@code <clip>.wav} + {@code <clip>.phones.tsv}) with augmentation: speed/pitch (resampling, phone times scaled
 * with it), reverb (a small feedback-comb reverberator), coloured noise at a random SNR, a low noise floor.
 */
record TrainingClip(String name, float[][] features, int[] labels, int[] mouths) {

    static List<MouthShapeRules.Phone> readPhones(Path tsv, double stretch) throws IOException {
        List<MouthShapeRules.Phone> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] p = line.split("\t");
            if (p.length < 3 || p[0].equals("start")) continue;
            int s = (int) Math.round(Double.parseDouble(p[0]) * stretch * 100);
            int e = (int) Math.round(Double.parseDouble(p[1]) * stretch * 100);
            out.add(new MouthShapeRules.Phone(s, e, p[2]));
        }
        return out;
    }

    /** Builds one (augmented unless {@code clean}) example. */
    static TrainingClip make(Path dir, String clip, SplittableRandom r, boolean clean, MelFeatures mel) throws IOException {
        AudioClip wav = Wav.read(dir.resolve(clip + ".wav"));
        double stretch = clean ? 1.0 : 0.88 + 0.24 * r.nextDouble();
        float[] s = Wav.resample(wav.samples(), wav.sampleRate(), MelFeatures.SAMPLE_RATE, stretch);
        if (!clean) augment(s, r);
        else addNoise(s, r, 1e-4 * peak(s), 0);
        float[][] f = mel.compute(s);
        int total = (int) Math.round(s.length / (double) MelFeatures.SAMPLE_RATE * 100);
        List<MouthShapeRules.Phone> phones = readPhones(dir.resolve(clip + ".phones.tsv"), stretch);
        var segs = MouthShapeRules.animate(phones, total);
        return new TrainingClip(clip, f, MouthShapeRules.frameLabels(segs, f.length),
                AnimatorMouthRules.frameLabels(phones, f.length));
    }

    static float peak(float[] s) {
        float p = 1e-9f;
        for (float v : s) p = Math.max(p, Math.abs(v));
        return p;
    }

    static void augment(float[] s, SplittableRandom r) {
        float pk = peak(s);
        if (r.nextDouble() < 0.45) reverb(s, r);
        double rms = 0;
        int loud = 0;
        for (float v : s) if (Math.abs(v) > 0.02 * pk) { rms += v * v; loud++; }
        rms = Math.sqrt(rms / Math.max(1, loud));
        if (r.nextDouble() < 0.7) {
            double snrDb = 8 + 35 * r.nextDouble();
            addNoise(s, r, rms * Math.pow(10, -snrDb / 20), r.nextInt(3));
        }
        addNoise(s, r, pk * Math.pow(10, -(55 + 20 * r.nextDouble()) / 20), 0); // noise floor
        float gain = (float) Math.pow(10, (-20 + 20 * r.nextDouble()) / 20);
        for (int i = 0; i < s.length; i++) s[i] *= gain;
    }

    /** Adds noise of the given RMS: colour 0 white, 1 pink-ish, 2 brown-ish. */
    static void addNoise(float[] s, SplittableRandom r, double level, int colour) {
        double b0 = 0, b1 = 0, scale = colour == 0 ? 1 : colour == 1 ? 3.0 : 10.0;
        for (int i = 0; i < s.length; i++) {
            double w = r.nextDouble() * 2 - 1;
            double v;
            if (colour == 0) v = w;
            else if (colour == 1) { b0 = 0.95 * b0 + 0.3 * w; v = b0; }
            else { b1 = 0.995 * b1 + 0.1 * w; v = b1; }
            s[i] += (float) (level * 1.73 * v * (colour == 0 ? 1 : scale / 3));
        }
    }

    /** A Schroeder reverberator (4 combs, 2 all-passes) with random room size and wet mix. */
    static void reverb(float[] s, SplittableRandom r) {
        int sr = MelFeatures.SAMPLE_RATE;
        double size = 0.6 + 0.8 * r.nextDouble();
        int[] combs = {(int) (0.0297 * sr * size), (int) (0.0371 * sr * size), (int) (0.0411 * sr * size),
                (int) (0.0437 * sr * size)};
        double rt60 = 0.15 + 0.5 * r.nextDouble();
        float[] wet = new float[s.length];
        for (int d : combs) {
            float g = (float) Math.pow(10, -3.0 * d / (rt60 * sr));
            float[] buf = new float[d];
            int j = 0;
            for (int i = 0; i < s.length; i++) {
                float y = buf[j];
                buf[j] = s[i] + g * y;
                wet[i] += y * 0.25f;
                j = (j + 1) % d;
            }
        }
        for (int d : new int[] {(int) (0.005 * sr), (int) (0.0017 * sr)}) {
            float[] buf = new float[d];
            int j = 0;
            float g = 0.7f;
            for (int i = 0; i < s.length; i++) {
                float b = buf[j];
                float y = -g * wet[i] + b;
                buf[j] = wet[i] + g * y;
                wet[i] = y;
                j = (j + 1) % d;
            }
        }
        float mix = (float) (0.15 + 0.45 * r.nextDouble());
        for (int i = 0; i < s.length; i++) s[i] = (1 - mix) * s[i] + mix * wet[i];
    }
}
