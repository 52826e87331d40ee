package org.cuestudio.inference.lipsync;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;

/**
 * Trains the mouth head of the lip-sync model ({@link LipSyncNet#buildMouthHead}) with DJL on the PyTorch engine,
 * on the same generated clips as {@link TrainLipSync}, with the network frozen: its recurrent features are computed
 * once per clip, and the head learns the Character Animator class of every 10 ms frame from them
 * ({@link AnimatorMouthRules}). Then learns which mouths each shape allows (those that make at least
 * {@code --allow} of the shape's training frames) and tunes the mouth decoder's switch cost on the held-out clips.
 *
 * <pre>
 * java ... org.cuestudio.inference.lipsync.TrainAnimatorMouths --data DIR [--model assets/models/lipsync]
 *      [--versions 1] [--steps 3000] [--batch 1024] [--seed 11] [--allow 0.03]
 * </pre>
 *
 * Writes {@code animator-0000.params}, {@code animator.properties} and {@code animator-training-log.tsv} into
 * the model folder. The network's own files are not touched, so its shape results do not change.
 */
public final class TrainAnimatorMouths {
    private TrainAnimatorMouths() {}

    public static void main(String[] args) throws Exception {
        Path data = null, dir = Path.of(LipSyncModel.ASSETS_PATH);
        int versions = 1, steps = 3000, batch = 1024;
        long seed = 11;
        double allow = 0.03;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--model" -> dir = Path.of(args[++i]);
                case "--versions" -> versions = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--allow" -> allow = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("usage: TrainAnimatorMouths --data DIR [--model DIR] ...");
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("clips.tsv"))) {
            if (!line.startsWith("clip\t") && !line.isBlank()) names.add(line.split("\t")[0]);
        }
        // the network alone: the head is trained on its features, so an old head in the folder must not load
        Path net = Files.createTempDirectory("lipsync-net");
        for (String f : List.of("lipsync-0000.params", "lipsync.properties")) Files.copy(dir.resolve(f), net.resolve(f));
        MelFeatures mel = new MelFeatures();
        SplittableRandom rnd = new SplittableRandom(seed);
        int h = 2 * LipSyncNet.HIDDEN, k = AnimatorMouthRules.CLASSES;
        List<float[][]> trainX = new ArrayList<>();
        List<int[]> trainY = new ArrayList<>();
        List<TrainingClip> val = new ArrayList<>();
        long[][] together = new long[LipSyncNet.SHAPES][k];
        try (LipSyncModel lm = LipSyncModel.load(net)) {
            for (int i = 0; i < names.size(); i++) {
                if (i % 20 == 0) {
                    val.add(TrainingClip.make(data, names.get(i), rnd.split(), true, mel));
                    continue;
                }
                for (int v = 0; v < versions; v++) {
                    TrainingClip c = TrainingClip.make(data, names.get(i), rnd.split(), false, mel);
                    trainX.add(lm.hidden(c.features()));
                    trainY.add(c.mouths());
                    for (int t = 0; t < c.labels().length; t++) together[c.labels()[t]][c.mouths()[t]]++;
                }
            }
            long frames = trainY.stream().mapToLong(y -> y.length).sum();
            log("features of %d training examples (%.1f min), %d validation clips in %.0f s", trainX.size(),
                    frames / 6000.0, val.size(), (System.nanoTime() - t0) / 1e9);

            Map<MouthShape, List<AnimatorMouth>> allowed = new EnumMap<>(MouthShape.class);
            for (MouthShape s : MouthShape.values()) {
                if (s == MouthShape.X) continue;
                long total = 0;
                for (long c : together[s.ordinal()]) total += c;
                List<AnimatorMouth> list = new ArrayList<>();
                for (int c = 0; c < AnimatorMouthRules.REST; c++) {
                    if (total > 0 && together[s.ordinal()][c] >= allow * total) list.add(AnimatorMouthRules.VISEMES.get(c));
                }
                if (list.isEmpty()) list.add(AnimatorMouth.of(s));
                allowed.put(s, list);
                log("shape %s allows %s", s, list.stream().map(AnimatorMouth::layerName).toList());
            }

            int[] clipOf = new int[(int) frames], frameOf = new int[(int) frames];
            for (int c = 0, j = 0; c < trainY.size(); c++) {
                for (int t = 0; t < trainY.get(c).length; t++, j++) {
                    clipOf[j] = c;
                    frameOf[j] = t;
                }
            }
            Path out = dir;
            try (Model head = Model.newInstance("animator", "PyTorch");
                 Writer logw = Files.newBufferedWriter(out.resolve("animator-training-log.tsv"))) {
                head.setBlock(LipSyncNet.buildMouthHead());
                Tracker lr = Tracker.cosine().setBaseValue(3e-3f).optFinalValue(1e-4f).setMaxUpdates(steps).build();
                DefaultTrainingConfig cfg = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("ce", 1f, -1, true, true))
                        .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build());
                SplittableRandom br = new SplittableRandom(seed + 1);
                logw.write("step\ttrain_loss\tval_frame_acc\tval_speech_mouth_acc\tminutes\n");
                try (Trainer trainer = head.newTrainer(cfg)) {
                    trainer.initialize(new Shape(batch, h));
                    double lossSum = 0;
                    for (int step = 1; step <= steps; step++) {
                        float[] x = new float[batch * h];
                        float[] y = new float[batch];
                        for (int i = 0; i < batch; i++) {
                            int j = br.nextInt((int) frames);
                            System.arraycopy(trainX.get(clipOf[j])[frameOf[j]], 0, x, i * h, h);
                            y[i] = trainY.get(clipOf[j])[frameOf[j]];
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray xa = m.create(x, new Shape(batch, h));
                            NDArray ya = m.create(y, new Shape(batch)).toType(DataType.INT64, false);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray loss = trainer.getLoss().evaluate(new NDList(ya), trainer.forward(new NDList(xa)));
                                gc.backward(loss);
                                lossSum += loss.getFloat();
                            }
                            trainer.step();
                        }
                        if (step % 500 == 0 || step == steps) {
                            double[] acc = validate(lm, head, val, allowed, 2.0);
                            double minutes = (System.nanoTime() - t0) / 6e10;
                            log("step %5d  train loss %.4f  val frame acc %.4f  speech mouth acc %.4f  (%.1f min)",
                                    step, lossSum / 500, acc[0], acc[1], minutes);
                            logw.write(String.format(Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%.1f%n", step, lossSum / 500,
                                    acc[0], acc[1], minutes));
                            logw.flush();
                            lossSum = 0;
                        }
                    }
                }
                head.save(out, "animator");
                double best = -1, bestCost = 2;
                for (double cost : new double[] {0, 1, 2, 3, 4, 6}) {
                    double[] acc = validate(lm, head, val, allowed, cost);
                    log("mouth switchCost %.0f: val speech mouth accuracy %.4f", cost, acc[1]);
                    if (acc[1] > best + 1e-4) { best = acc[1]; bestCost = cost; }
                }
                double baseline = baseline(lm, val);
                StringBuilder props = new StringBuilder("# lip-sync mouth head: shapes' allowed mouths and decoder "
                        + "(TrainAnimatorMouths)\n");
                props.append(String.format(Locale.ROOT, "# validation: speech-frame mouth accuracy %.4f (each shape's "
                        + "default mouth: %.4f)%n", best, baseline));
                props.append(MouthRefiner.describe(allowed));
                props.append("switchCost=").append(bestCost).append('\n');
                Files.writeString(out.resolve(LipSyncModel.MOUTH_PROPERTIES), props);
                log("saved to %s (switchCost %.0f, val speech mouth accuracy %.4f; default mouths %.4f)", out,
                        bestCost, best, baseline);
            }
        }
    }

    /**
     * Frame accuracy of the head's argmax, and the speech-frame (truth not rest) accuracy of the decoded mouths
     * over the network's decoded shapes, as the studio computes them.
     */
    private static double[] validate(LipSyncModel lm, Model head, List<TrainingClip> val,
            Map<MouthShape, List<AnimatorMouth>> allowed, double switchCost) {
        MouthRefiner refiner = new MouthRefiner(allowed, switchCost);
        long ok = 0, n = 0, sok = 0, sn = 0;
        for (TrainingClip c : val) {
            float[][] hid = lm.hidden(c.features());
            float[][] mlp = headLogProbs(head, hid);
            int[] shapes = lm.decoder().decode(lm.logProbs(c.features()));
            int[] mouths = refiner.decode(shapes, mlp, null, 0);
            int[] truth = c.mouths();
            for (int t = 0; t < truth.length; t++) {
                int arg = 0;
                for (int j = 1; j < mlp[t].length; j++) if (mlp[t][j] > mlp[t][arg]) arg = j;
                if (arg == truth[t]) ok++;
                n++;
                if (truth[t] != AnimatorMouthRules.REST) {
                    sn++;
                    if (mouths[t] == truth[t]) sok++;
                }
            }
        }
        return new double[] {ok / (double) n, sok / (double) Math.max(1, sn)};
    }

    /** The same accuracy when every decoded shape shows its default mouth ({@link AnimatorMouth#of}). */
    private static double baseline(LipSyncModel lm, List<TrainingClip> val) {
        long sok = 0, sn = 0;
        for (TrainingClip c : val) {
            int[] shapes = lm.decoder().decode(lm.logProbs(c.features()));
            int[] truth = c.mouths();
            for (int t = 0; t < truth.length; t++) {
                if (truth[t] == AnimatorMouthRules.REST) continue;
                sn++;
                AnimatorMouth m = AnimatorMouth.of(MouthShape.values()[shapes[t]]);
                if (m.isViseme() && AnimatorMouthRules.classOf(m) == truth[t]) sok++;
            }
        }
        return sok / (double) Math.max(1, sn);
    }

    private static float[][] headLogProbs(Model head, float[][] hidden) {
        int n = hidden.length, h = hidden.length == 0 ? 0 : hidden[0].length, k = AnimatorMouthRules.CLASSES;
        float[] flat = new float[n * h];
        for (int t = 0; t < n; t++) System.arraycopy(hidden[t], 0, flat, t * h, h);
        try (NDManager m = head.getNDManager().newSubManager()) {
            float[] lp = head.getBlock().forward(new ParameterStore(m, false), new NDList(m.create(flat, new Shape(n, h))), false)
                    .head().logSoftmax(-1).toFloatArray();
            float[][] res = new float[n][k];
            for (int t = 0; t < n; t++) System.arraycopy(lp, t * k, res[t], 0, k);
            return res;
        }
    }

    private static void log(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
