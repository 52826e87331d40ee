package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.live.LiveClock;
import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.live.LiveSession;
import org.cuestudio.core.live.PacedFileInput;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.format.LoadedProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue bench live}: live mode's issue-10 figures on the sample project. (1) Sustained frame rate: the sample
 * shot's recording played in real time as the input, every frame planned and rendered at 640x360, with the
 * dropped frames and dropped audio. (2) End-to-end latency: a test signal of vowel-like tone bursts (a 120 Hz
 * harmonic complex shaped by the formants of /a/, 300 ms on, 700 ms off, over a -70 dBFS noise floor) played the
 * same way; for each burst, the time from its onset entering the input to the first frame whose mouth is open
 * being rendered. Targets: at least 25 fps, no dropped audio, latency under 150 ms.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Live mode on the sample project: sustained fps at 640x360 with the sample recording played in "
                + "real time as the input (dropped frames, dropped audio), and the end-to-end latency from a tone "
                + "burst's onset entering the input to the first frame with the mouth open. Targets: >= 25 fps, "
                + "no dropped audio, latency < 150 ms.")
public final class BenchLiveCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "FOLDER", description = "Project to perform (default: the sample).")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot (default: the first).")
    String shot;

    @Option(names = "--bursts", defaultValue = "10", description = "Tone bursts in the latency test. Default: ${DEFAULT-VALUE}.")
    int bursts;

    @Option(names = "--lookahead-ms", defaultValue = "60", description = "Streaming lip-sync look-ahead. Default: ${DEFAULT-VALUE}.")
    int lookAheadMs;

    @Option(names = "--lag-ms", defaultValue = "20", description = "Decoder lag. Default: ${DEFAULT-VALUE}.")
    int lagMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = project != null ? project : SampleProject.path();
        UsableProject.WithShot opened = UsableProject.openShot(folder, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        try (StudioServices services = new StudioServices()) {
            LiveRig rig = new LiveRig(services, lp, opened.shot(), false);
            rig.warmUp(1);
            float[] speech = rig.decode(lp.resolve(opened.shot().audio())).samples();
            // a short warm-up run: JIT-compiles the lip-sync and planner paths before anything is timed
            run(rig, java.util.Arrays.copyOf(speech, Math.min(speech.length, 3 * LiveLipSync.SAMPLE_RATE)), null);
            LiveSession.Result r = run(rig, speech, null);
            out.printf(Locale.ROOT, "sustained: %.1f s of %s played in real time, %d frames at %s: %d shown, %d dropped, "
                    + "%.1f fps shown (target 25); dropped audio %d samples (target 0); frame latency (end of a frame's "
                    + "audio to its picture) median %.0f ms, p95 %.0f ms%n", r.audioSeconds(), opened.shot().audio(),
                    r.frames(), rig.settings.resolution(), r.shown(), r.dropped(), r.fps(), r.droppedSamples(),
                    r.latencyMillis(50), r.latencyMillis(95));
            out.printf(Locale.ROOT, "  time spent: lip-sync %.2f s (input thread), planning %.2f s, rendering %.2f s, over "
                    + "%.1f s; load average %.1f on %d cores%n", r.lipSyncSeconds(), r.planSeconds(), r.showSeconds(),
                    r.wallSeconds(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            int rate = LiveLipSync.SAMPLE_RATE;
            int first = rate, period = rate, on = rate * 3 / 10;
            float[] signal = bursts(bursts, first, period, on);
            List<long[]> shownAt = new ArrayList<>(); // frame, nanos, open
            PacedFileInput[] input = new PacedFileInput[1];
            LiveSession.Result b = run(rig, signal, (index, nanos, mouth) -> shownAt.add(new long[] {index, nanos,
                    mouth != MouthShape.X && mouth != MouthShape.A ? 1 : 0}), input);
            List<Double> lat = new ArrayList<>();
            var fr = opened.shot().frameRate();
            for (int k = 0; k < bursts; k++) {
                long onset = first + (long) k * period;
                long onsetNanos = input[0].arrivalNanos(onset);
                long onsetFrame = fr.ticksToFrame(org.cuestudio.core.time.Ticks.ofSamples(onset, rate));
                for (long[] s : shownAt) {
                    if (s[0] >= onsetFrame && s[2] == 1) {
                        lat.add((s[1] - onsetNanos) / 1e6);
                        break;
                    }
                }
            }
            List<Double> sorted = lat.stream().sorted().toList();
            out.printf(Locale.ROOT, "latency: %d of %d bursts opened the mouth; onset entering the input to the first "
                    + "open-mouth frame rendered: median %.0f ms, min %.0f, max %.0f (target < 150 ms); %.1f fps, %d "
                    + "dropped frames, dropped audio %d samples; look-ahead %d ms, lag %d ms%n", lat.size(), bursts,
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? Double.NaN : sorted.get(0),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), b.fps(), b.dropped(),
                    b.droppedSamples(), lookAheadMs, lagMs);
            out.printf(Locale.ROOT, "  per burst (ms): %s%n", String.join(" ", lat.stream()
                    .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()));
            compare(out, rig, speech);
        }
        return 0;
    }

    /**
     * Live frames against the offline plan of the recorded take: the sample recording performed on a virtual clock
     * (every frame shown) with two scripted triggers, then planned offline as a re-render of the recorded take plans
     * it (whole-recording features with prosody, the offline lip-sync) and, to separate the causes, offline with the
     * live features (what the planner's own look-ahead changes).
     */
    private void compare(PrintWriter out, LiveRig rig, float[] speech) throws Exception {
        var clock = new org.cuestudio.core.live.VirtualClock();
        var fr = rig.shot.frameRate();
        List<org.cuestudio.core.live.Trigger> triggers = List.of(
                new org.cuestudio.core.live.Trigger(org.cuestudio.core.time.Ticks.ofSeconds(2),
                        org.cuestudio.core.live.Trigger.Kind.EMOTION, "joy", 0.8),
                new org.cuestudio.core.live.Trigger(org.cuestudio.core.time.Ticks.ofSeconds(4.5),
                        org.cuestudio.core.live.Trigger.Kind.GESTURE, "open-palms", 0.9));
        LiveSession session = rig.session(new PacedFileInput(speech, clock, "sample"), clock, 1, triggers,
                lookAheadMs / 10, lagMs / 10).showEveryFrame(true);
        LiveSession.Result r = session.run((i, f, m) -> {});
        long duration = org.cuestudio.core.time.Ticks.ofSamples(r.audio().length, LiveLipSync.SAMPLE_RATE);
        var performed = org.cuestudio.core.live.LiveTake.performedShot(rig.shot, rig.shot.id() + "-live", "x.wav",
                org.cuestudio.core.live.LiveTake.cues(r.triggers(), duration, rig.services.planner().gestures()))
                .withPartners(List.of());
        var offlineFeatures = StudioServices.voice(new org.cuestudio.core.audio.AudioClip(LiveLipSync.SAMPLE_RATE,
                r.audio()), performed);
        var offline = rig.services.planner().plan(performed, rig.character, offlineFeatures, 1).frames();
        var sameFeatures = rig.services.planner().plan(performed, rig.character, session.features(r.frames()), 1).frames();
        out.printf(Locale.ROOT, "live vs offline (%d frames of the sample, joy at 2 s, open-palms at 4.5 s, seed 1):%n",
                r.frames());
        out.println("  " + difference("re-render of the recorded take (offline lip-sync, whole-recording loudness, "
                + "prosody)", r.liveFrames(), offline));
        out.println("  " + difference("offline plan with the live features (the planner's own look-ahead only)",
                r.liveFrames(), sameFeatures));
    }

    private static String difference(String what, List<org.cuestudio.core.perform.PerformanceFrame> live,
            List<org.cuestudio.core.perform.PerformanceFrame> offline) {
        int n = Math.min(live.size(), offline.size()), sameMouth = 0, identical = 0;
        double sum = 0, jaw = 0, head = 0;
        float max = 0;
        for (int f = 0; f < n; f++) {
            var a = live.get(f);
            var b = offline.get(f);
            if (a.mouthShape() == b.mouthShape()) sameMouth++;
            if (a.equals(b)) identical++;
            float[] x = a.toArray(), y = b.toArray();
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d += Math.abs(x[i] - y[i]);
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
            sum += d / x.length;
            jaw += Math.abs(a.get(org.cuestudio.core.perform.ArkitBlendshape.jawOpen)
                    - b.get(org.cuestudio.core.perform.ArkitBlendshape.jawOpen));
            head += Math.abs(a.get(org.cuestudio.core.perform.Channel.HEAD_PITCH)
                    - b.get(org.cuestudio.core.perform.Channel.HEAD_PITCH));
        }
        return String.format(Locale.ROOT, "%s: identical frames %.1f%%, same mouth shape %.1f%%, mean |difference| "
                + "per value %.4f (max %.2f), jawOpen %.3f, head pitch %.2f deg", what, 100.0 * identical / n,
                100.0 * sameMouth / n, sum / n, max, jaw / n, head / n);
    }

    interface Shown {
        void shown(int index, long nanos, MouthShape mouth);
    }

    private LiveSession.Result run(LiveRig rig, float[] samples, Shown shown) throws Exception {
        return run(rig, samples, shown, new PacedFileInput[1]);
    }

    private LiveSession.Result run(LiveRig rig, float[] samples, Shown shown, PacedFileInput[] inputOut)
            throws Exception {
        PacedFileInput in = new PacedFileInput(samples, LiveClock.SYSTEM, "bench");
        inputOut[0] = in;
        LiveSession session = rig.session(in, LiveClock.SYSTEM, 1, List.of(), lookAheadMs / 10, lagMs / 10);
        return session.run((index, frame, mouth) -> {
            rig.render(frame);
            if (shown != null) shown.shown(index, System.nanoTime(), frame.mouthShape());
        });
    }

    /** Vowel-like bursts: a 120 Hz harmonic complex with /a/ formants (750, 1200, 2600 Hz), over faint noise. */
    static float[] bursts(int count, int first, int period, int on) {
        int rate = LiveLipSync.SAMPLE_RATE;
        float[] s = new float[first + count * period];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < s.length; i++) s[i] = (float) ((r.nextDouble() * 2 - 1) * 0.0005);
        for (int k = 0; k < count; k++) {
            int start = first + k * period;
            for (int i = 0; i < on; i++) {
                double t = i / (double) rate, v = 0;
                for (int h = 1; h < 30; h++) {
                    double f = 120 * h;
                    double g = Math.exp(-Math.pow((f - 750) / 150, 2)) + 0.6 * Math.exp(-Math.pow((f - 1200) / 200, 2))
                            + 0.3 * Math.exp(-Math.pow((f - 2600) / 300, 2)) + 0.05;
                    v += g * Math.sin(2 * Math.PI * f * t) / h;
                }
                s[start + i] += (float) (0.5 * v);
            }
        }
        return s;
    }
}
