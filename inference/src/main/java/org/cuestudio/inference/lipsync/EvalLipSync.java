package org.cuestudio.inference.lipsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.audio.RhubarbFormat;

/**
 * Runs the lip-sync model over every {@code *.wav} of a folder and writes Rhubarb TSVs plus {@code timings.tsv}
 * (clip, audio seconds, wall seconds: read + features + network + decoding) for the benchmark's
 * {@code evaluate.py}. With {@code --dialog} each clip's {@code <clip>.txt} is passed as the dialog text. Where a
 * clip has {@code <clip>.phones.tsv}, also scores the Character Animator mouths against the phones' mouths
 * ({@link AnimatorMouthRules}) on speech centiseconds, writes {@code <clip>.animator.tsv} and prints how often each
 * mouth was chosen.
 *
 * <pre>
 * java ... org.cuestudio.inference.lipsync.EvalLipSync --audio DIR --out PRED_DIR [--model DIR] [--dialog]
 * </pre>
 */
public final class EvalLipSync {
    public static void main(String[] args) throws Exception {
        Path audio = null, out = null, modelDir = null;
        boolean dialog = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--audio" -> audio = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--model" -> modelDir = Path.of(args[++i]);
                case "--dialog" -> dialog = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (audio == null || out == null) throw new IllegalArgumentException("usage: EvalLipSync --audio DIR --out DIR [--model DIR]");
        Files.createDirectories(out);
        List<Path> wavs;
        try (var s = Files.list(audio)) {
            wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        long l0 = System.nanoTime();
        try (LipSyncModel model = modelDir != null ? LipSyncModel.load(modelDir) : LipSyncModel.loadDefault()) {
            double loadS = (System.nanoTime() - l0) / 1e9;
            // a few warm-up clips (JIT compilation) so that one-off engine start-up is reported as load time, not per clip
            long w0 = System.nanoTime();
            for (Path wav : wavs.subList(0, Math.min(5, wavs.size()))) model.analyse(Wav.read(wav), (String) null);
            double warmS = (System.nanoTime() - w0) / 1e9;
            List<String> timings = new ArrayList<>();
            timings.add("clip\taudio_s\twall_s");
            double totalAudio = 0, totalWall = 0;
            long mouthOk = 0, mouthN = 0, defaultOk = 0;
            java.util.Map<String, Long> chosen = new java.util.TreeMap<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            for (Path wav : wavs) {
                long t0 = System.nanoTime();
                AudioClip clip = Wav.read(wav);
                Path txt = wav.resolveSibling(wav.getFileName().toString().replaceAll("\\.wav$", ".txt"));
                String text = dialog && Files.exists(txt) ? Files.readString(txt) : null;
                List<MouthCue> cues = model.analyse(clip, text);
                String tsv = RhubarbFormat.tsv(cues, clip.durationTicks());
                double wall = (System.nanoTime() - t0) / 1e9;
                String name = wav.getFileName().toString().replaceAll("\\.wav$", "");
                Files.writeString(out.resolve(name + ".tsv"), tsv);
                Files.writeString(out.resolve(name + ".animator.tsv"),
                        RhubarbFormat.tsv(cues, clip.durationTicks(), RhubarbFormat.Naming.ANIMATOR));
                Path phones = wav.resolveSibling(name + ".phones.tsv");
                if (Files.exists(phones)) {
                    int cs = (int) Math.round(clip.durationSeconds() * 100);
                    int[] truth = AnimatorMouthRules.frameLabels(TrainingClip.readPhones(phones, 1.0), cs);
                    int j = 0;
                    for (int t = 0; t < cs; t++) {
                        long at = org.cuestudio.core.time.Ticks.ofMillis(t * 10L + 5);
                        while (j + 1 < cues.size() && cues.get(j).endTicks() <= at) j++;
                        MouthCue c = cues.get(j);
                        if (truth[t] == AnimatorMouthRules.REST) continue;
                        mouthN++;
                        chosen.merge(c.mouth().layerName(), 1L, Long::sum);
                        if (c.mouth().isViseme() && AnimatorMouthRules.classOf(c.mouth()) == truth[t]) mouthOk++;
                        var d = org.cuestudio.core.model.AnimatorMouth.of(c.shape());
                        if (d.isViseme() && AnimatorMouthRules.classOf(d) == truth[t]) defaultOk++;
                    }
                }
                timings.add(String.format(Locale.ROOT, "%s\t%.3f\t%.4f", name, clip.durationSeconds(), wall));
                totalAudio += clip.durationSeconds();
                totalWall += wall;
            }
            Files.write(out.resolve("timings.tsv"), timings);
            if (mouthN > 0) {
                System.out.printf(Locale.ROOT, "Character Animator mouths on %d speech centiseconds: accuracy %.3f "
                        + "(each shape's default mouth: %.3f); chosen: %s%n", mouthN, mouthOk / (double) mouthN,
                        defaultOk / (double) mouthN, chosen);
            }
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "model load %.3f s, first clip (warm-up) %.3f s; %d clips, %.1f s of audio in %.2f s: "
                    + "%.0fx real time; process CPU time %.2f s (%.0fx real time per CPU-second)%n",
                    loadS, warmS, wavs.size(), totalAudio, totalWall, totalAudio / totalWall, cpu, totalAudio / cpu);
        }
    }
}
