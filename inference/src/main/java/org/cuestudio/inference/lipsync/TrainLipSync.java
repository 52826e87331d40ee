package org.cuestudio.inference.lipsync;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains the lip-sync network with DJL (PyTorch engine) on clips made by {@code inference/src/main/lipsync-data/gen.py}.
 *
 * <pre>
 * java ... org.cuestudio.inference.lipsync.TrainLipSync --data DIR --out assets/models/lipsync
 *      [--epochs 14] [--versions 2] [--batch 24] [--chunk 400] [--steps 60] [--seed 7] [--max-minutes 22]
 * </pre>
 *
 * Every 20th clip is held out for validation (clean audio); the rest are used in {@code versions} augmented
 * copies. Each epoch draws {@code steps} batches of random {@code chunk}-frame windows. Writes
 * {@code lipsync-0000.params}, {@code lipsync.properties} (feature statistics, tuned decoder settings) and
 * {@code training-log.tsv} (per-epoch loss and accuracy) into the output folder. Deterministic from the seed up to
 * PyTorch's CPU kernels.
 */
public final class TrainLipSync {
    public static void main(String[] args) throws Exception {
        Path data = null, out = Path.of(LipSyncModel.ASSETS_PATH);
        int epochs = 14, versions = 2, batch = 24, chunk = 400, steps = 60;
        long seed = 7;
        double maxMinutes = 22;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--versions" -> versions = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--max-minutes" -> maxMinutes = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("usage: TrainLipSync --data DIR [--out DIR] ...");
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("clips.tsv"))) {
            if (!line.startsWith("clip\t") && !line.isBlank()) names.add(line.split("\t")[0]);
        }
        MelFeatures mel = new MelFeatures();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TrainingClip> train = new ArrayList<>(), val = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i % 20 == 0) {
                val.add(TrainingClip.make(data, names.get(i), rnd.split(), true, mel));
            } else {
                for (int v = 0; v < versions; v++) train.add(TrainingClip.make(data, names.get(i), rnd.split(), false, mel));
            }
        }
        long frames = train.stream().mapToLong(c -> c.labels().length).sum();
        log("prepared %d training examples (%.1f min of audio), %d validation clips in %.0f s", train.size(),
                frames / 6000.0, val.size(), (System.nanoTime() - t0) / 1e9);

        int b = MelFeatures.BANDS;
        double[] sum = new double[b], sq = new double[b];
        for (TrainingClip c : train) for (float[] f : c.features()) for (int i = 0; i < b; i++) { sum[i] += f[i]; sq[i] += f[i] * f[i]; }
        float[] mean = new float[b], std = new float[b];
        for (int i = 0; i < b; i++) {
            mean[i] = (float) (sum[i] / frames);
            std[i] = (float) Math.sqrt(Math.max(1e-6, sq[i] / frames - mean[i] * (double) mean[i]));
        }

        Files.createDirectories(out);
        try (Model model = Model.newInstance("lipsync", "PyTorch");
             Writer logw = Files.newBufferedWriter(out.resolve("training-log.tsv"))) {
            model.setBlock(LipSyncNet.build());
            int totalSteps = epochs * steps;
            Tracker lr = Tracker.cosine().setBaseValue(3e-3f).optFinalValue(1e-4f).setMaxUpdates(totalSteps).build();
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("ce", 1f, -1, true, true))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).optClipGrad(5f).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(batch, chunk, b));
                logw.write("epoch\ttrain_loss\tval_loss\tval_acc\tval_speech_acc\tminutes\n");
                SplittableRandom br = new SplittableRandom(seed + 1);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    double lossSum = 0;
                    for (int step = 0; step < steps; step++) {
                        float[] x = new float[batch * chunk * b];
                        float[] y = new float[batch * chunk];
                        for (int k = 0; k < batch; k++) {
                            TrainingClip c = train.get(br.nextInt(train.size()));
                            int n = c.labels().length;
                            int off = n > chunk ? br.nextInt(n - chunk + 1) : 0;
                            for (int t = 0; t < chunk; t++) {
                                int src = off + t;
                                int base = (k * chunk + t) * b;
                                if (src < n) {
                                    float[] f = c.features()[src];
                                    for (int i = 0; i < b; i++) x[base + i] = (f[i] - mean[i]) / std[i];
                                    y[k * chunk + t] = c.labels()[src];
                                } else { // pad past the end with the clip's last frame (silence)
                                    float[] f = c.features()[n - 1];
                                    for (int i = 0; i < b; i++) x[base + i] = (f[i] - mean[i]) / std[i];
                                    y[k * chunk + t] = 8;
                                }
                            }
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray xa = m.create(x, new Shape(batch, chunk, b));
                            NDArray ya = m.create(y, new Shape(batch * chunk)).toType(DataType.INT64, false);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xa)).head();
                                // DJL's sparse cross-entropy picks along a 2-D (rows, classes) layout only
                                NDArray loss = trainer.getLoss().evaluate(new NDList(ya.reshape(-1)),
                                        new NDList(logits.reshape(-1, LipSyncNet.SHAPES)));
                                gc.backward(loss);
                                lossSum += loss.getFloat();
                            }
                            trainer.step();
                        }
                    }
                    float[] stats = validate(model, val, mean, std);
                    double minutes = (System.nanoTime() - t0) / 6e10;
                    log("epoch %2d  train loss %.4f  val loss %.4f  val acc %.4f  speech %.4f  (%.1f min)", epoch,
                            lossSum / steps, stats[0], stats[1], stats[2], minutes);
                    logw.write(String.format(Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.1f%n", epoch, lossSum / steps,
                            stats[0], stats[1], stats[2], minutes));
                    logw.flush();
                    if (minutes > maxMinutes) {
                        log("stopping: time budget of %.0f min reached", maxMinutes);
                        break;
                    }
                }
            }
            model.save(out, "lipsync");
            // tune the decoder on the validation clips
            double bestScore = -1;
            double bestCost = 4;
            int bestMin = 2;
            List<float[][]> lps = new ArrayList<>();
            for (TrainingClip c : val) lps.add(logProbs(model, c.features(), mean, std));
            for (double cost : new double[] {0, 1, 2, 3, 4, 6, 8}) {
                for (int minFrames : new int[] {1, 2, 3, 4}) {
                    CueDecoder d = new CueDecoder(cost, minFrames);
                    long ok = 0, n = 0;
                    for (int i = 0; i < val.size(); i++) {
                        int[] path = d.decode(lps.get(i));
                        int[] lab = val.get(i).labels();
                        for (int t = 0; t < lab.length; t++) { if (path[t] == lab[t]) ok++; n++; }
                    }
                    double score = ok / (double) n;
                    log("decoder switchCost %.0f minFrames %d: val frame accuracy %.4f", cost, minFrames, score);
                    if (score > bestScore + 1e-4) { bestScore = score; bestCost = cost; bestMin = minFrames; }
                }
            }
            StringBuilder props = new StringBuilder("# lip-sync model: feature statistics and decoder settings (TrainLipSync)\n");
            props.append("features=logmel80@100fps\n");
            props.append("mean=").append(csv(mean)).append('\n').append("std=").append(csv(std)).append('\n');
            props.append("decoder.switchCost=").append(bestCost).append('\n');
            props.append("decoder.minFrames=").append(bestMin).append('\n');
            Files.writeString(out.resolve("lipsync.properties"), props);
            log("saved to %s (decoder switchCost %.0f minFrames %d, val accuracy %.4f)", out, bestCost, bestMin, bestScore);
        }
    }

    private static String csv(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.5f", v[i]));
        return sb.toString();
    }

    static float[][] logProbs(Model model, float[][] features, float[] mean, float[] std) {
        int n = features.length, b = MelFeatures.BANDS;
        float[] flat = new float[n * b];
        for (int t = 0; t < n; t++) for (int i = 0; i < b; i++) flat[t * b + i] = (features[t][i] - mean[i]) / std[i];
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(flat, new Shape(1, n, b));
            NDList out = model.getBlock().forward(new ai.djl.training.ParameterStore(m, false), new NDList(x), false);
            float[] lp = out.singletonOrThrow().logSoftmax(-1).toFloatArray();
            float[][] res = new float[n][LipSyncNet.SHAPES];
            for (int t = 0; t < n; t++) System.arraycopy(lp, t * LipSyncNet.SHAPES, res[t], 0, LipSyncNet.SHAPES);
            return res;
        }
    }

    /** Validation loss, frame accuracy and speech-frame (truth not X) accuracy of the argmax. */
    private static float[] validate(Model model, List<TrainingClip> val, float[] mean, float[] std) {
        double loss = 0;
        long ok = 0, n = 0, sok = 0, sn = 0;
        for (TrainingClip c : val) {
            float[][] lp = logProbs(model, c.features(), mean, std);
            int[] lab = c.labels();
            for (int t = 0; t < lab.length; t++) {
                loss -= lp[t][lab[t]];
                int best = 0;
                for (int s = 1; s < LipSyncNet.SHAPES; s++) if (lp[t][s] > lp[t][best]) best = s;
                if (best == lab[t]) ok++;
                n++;
                if (lab[t] != 8) { sn++; if (best == lab[t]) sok++; }
            }
        }
        return new float[] {(float) (loss / n), ok / (float) n, sok / (float) Math.max(1, sn)};
    }

    private static void log(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
