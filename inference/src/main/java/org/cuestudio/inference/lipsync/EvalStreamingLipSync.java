package org.cuestudio.inference.lipsync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.RhubarbFormat;

/**
 * {@link EvalLipSync} for the streaming model: runs every {@code *.wav} of a folder through a
 * {@link StreamingLipSync} session fed in 20 ms chunks, for each look-ahead and decision lag asked for, and writes
 * Rhubarb TSVs into {@code OUT/la<L>-lag<D>/} for the benchmark's {@code evaluate.py}, with {@code timings.tsv}.
 *
 * <pre>
 * java ... org.cuestudio.inference.lipsync.EvalStreamingLipSync --audio DIR --out DIR [--lookahead 4,8,12] [--lag 0,2,4]
 * </pre>
 */
public final class EvalStreamingLipSync {
    public static void main(String[] args) throws Exception {
        Path audio = null, out = null;
        int[] lookAheads = {8}, lags = {2};
        int chunk = 320;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--audio" -> audio = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--lookahead" -> lookAheads = ints(args[++i]);
                case "--lag" -> lags = ints(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (audio == null || out == null) {
            throw new IllegalArgumentException("usage: EvalStreamingLipSync --audio DIR --out DIR [--lookahead L,..] [--lag D,..]");
        }
        List<Path> wavs;
        try (var s = Files.list(audio)) {
            wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        StreamingLipSync model = StreamingLipSync.loadDefault();
        for (int la : lookAheads) {
            // the network's output depends on the look-ahead only; each lag decodes the same log-probabilities
            List<String> names = new ArrayList<>();
            List<float[][]> lps = new ArrayList<>();
            List<AudioClip> clips = new ArrayList<>();
            double totalAudio = 0, totalWall = 0;
            for (Path wav : wavs) {
                AudioClip clip = Wav.read(wav);
                float[] s = clip.sampleRate() == MelFeatures.SAMPLE_RATE ? clip.samples()
                        : Wav.resample(clip.samples(), clip.sampleRate(), MelFeatures.SAMPLE_RATE, 1.0);
                long t0 = System.nanoTime();
                StreamingLipSync.Session session = model.session(la, 0);
                for (int i = 0; i < s.length; i += chunk) session.accept(s, i, Math.min(chunk, s.length - i));
                session.finish();
                lps.add(session.logProbs());
                totalWall += (System.nanoTime() - t0) / 1e9;
                totalAudio += clip.durationSeconds();
                names.add(wav.getFileName().toString().replaceAll("\\.wav$", ""));
                clips.add(clip);
            }
            for (int lag : lags) {
                Path dir = out.resolve("la" + la + "-lag" + lag);
                Files.createDirectories(dir);
                for (int c = 0; c < names.size(); c++) {
                    FixedLagDecoder d = model.decoder(lag);
                    for (float[] lp : lps.get(c)) d.accept(lp);
                    d.finish();
                    int[] path = new int[d.decided()];
                    for (int i = 0; i < path.length; i++) path[i] = d.shape(i);
                    long dur = clips.get(c).durationTicks();
                    Files.writeString(dir.resolve(names.get(c) + ".tsv"), RhubarbFormat.tsv(CueDecoder.cues(path, dur), dur));
                }
                System.out.printf(Locale.ROOT, "look-ahead %d, lag %d (decision delay %d frames) -> %s%n", la, lag,
                        model.session(la, lag).delayFrames(), dir);
            }
            System.out.printf(Locale.ROOT, "look-ahead %d: %.1f s of audio through the network in %.2f s (%.0fx real time)%n",
                    la, totalAudio, totalWall, totalAudio / totalWall);
        }
    }

    private static int[] ints(String csv) {
        String[] p = csv.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Integer.parseInt(p[i].trim());
        return out;
    }
}
