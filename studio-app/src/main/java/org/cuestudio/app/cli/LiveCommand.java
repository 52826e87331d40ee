package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.live.AudioInput;
import org.cuestudio.core.live.LiveClock;
import org.cuestudio.core.live.LiveSession;
import org.cuestudio.app.live.MicrophoneInput;
import org.cuestudio.core.live.PacedFileInput;
import org.cuestudio.core.live.Trigger;
import org.cuestudio.core.live.TriggerScript;
import org.cuestudio.format.LoadedProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue live PROJECT --shot ID}: performs a shot live, headless: the microphone (or a file played in real time)
 * drives the character frame by frame at preview size; with {@code --record} the audio and the triggers become a
 * new shot with its take. See docs/live-mode.md.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Performs a shot live without a window: the microphone or a file played in real time as if it "
                + "were one drives the character, lip-synced as the audio arrives, with the shot's cues, the "
                + "character's personality and scripted triggers, rendered at preview size. Prints the frame rate, "
                + "dropped frames and audio, and the latency. With --record the audio and the triggers are saved as "
                + "a new shot SHOT-live-N (its audio in audio/, the triggers as emotion and gesture cues) with its take.")
public final class LiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to perform (default: the first shot).")
    String shot;

    @Option(names = "--input", paramLabel = "mic|FILE", defaultValue = "mic",
            description = "mic (the default capture device) or an audio file played in real time. Default: ${DEFAULT-VALUE}.")
    String input;

    @Option(names = "--triggers", paramLabel = "FILE",
            description = "Scripted triggers, one a line: time,kind,value[,intensity] (seconds of the input, emotion "
                    + "or gesture, an emotion name or a gesture id, 0-1).")
    Path triggers;

    @Option(names = "--record", description = "Save the audio and the triggers as a new shot with its take.")
    boolean record;

    @Option(names = "--out-frames", paramLabel = "DIR", description = "Write every frame shown as a PNG into DIR.")
    Path outFrames;

    @Option(names = "--transparent", description = "Render on a transparent background (for --out-frames).")
    boolean transparent;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
            description = "Stop after S seconds of input (0: at the end of the file; the microphone needs it or Ctrl+C).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the micro-performance. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--lookahead-ms", defaultValue = "60",
            description = "Look-ahead of the streaming lip-sync, ms (multiple of 10). Default: ${DEFAULT-VALUE}.")
    int lookAheadMs;

    @Option(names = "--lag-ms", defaultValue = "20",
            description = "Decision lag of the streaming lip-sync decoder, ms (multiple of 10). Default: ${DEFAULT-VALUE}.")
    int lagMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lookAheadMs < 0 || lookAheadMs % 10 != 0 || lagMs < 0 || lagMs % 10 != 0) {
            throw new ParameterException(spec.commandLine(), "--lookahead-ms and --lag-ms must be 0 or more, in steps of 10");
        }
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        try (StudioServices services = new StudioServices()) {
            List<Trigger> scripted = List.of();
            if (triggers != null) {
                if (!Files.isRegularFile(triggers)) {
                    err.println("cue live: no trigger file " + triggers);
                    return 1;
                }
                var library = services.planner().gestures();
                try {
                    scripted = TriggerScript.parse(Files.readString(triggers), triggers.toString(),
                            g -> library.find(g).isPresent());
                } catch (IllegalArgumentException e) {
                    err.println("cue live: " + e.getMessage());
                    return 1;
                }
            }
            LiveRig rig = new LiveRig(services, lp, opened.shot(), transparent);
            AudioInput in;
            if ("mic".equals(input)) {
                in = MicrophoneInput.open(LiveClock.SYSTEM, 500);
            } else {
                Path file = Path.of(input);
                if (!Files.isRegularFile(file)) {
                    err.println("cue live: --input: no such file " + file + " (use mic for the microphone)");
                    return 1;
                }
                AudioClip clip = rig.decode(file);
                float[] s = clip.samples();
                if (seconds > 0) s = java.util.Arrays.copyOf(s, (int) Math.min(s.length, seconds * clip.sampleRate()));
                in = new PacedFileInput(s, LiveClock.SYSTEM, file.getFileName().toString());
            }
            if (outFrames != null) LiveRig.ensureFolder(outFrames);
            rig.warmUp(seed);
            // PNGs are written on their own thread so that the disk does not hold up the live frames
            java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
            try (AudioInput input = in) {
                LiveSession session = rig.session(input, LiveClock.SYSTEM, seed, scripted, lookAheadMs / 10, lagMs / 10);
                if (seconds > 0 && "mic".equals(this.input)) {
                    Thread stopper = new Thread(() -> {
                        try {
                            Thread.sleep((long) (seconds * 1000));
                        } catch (InterruptedException e) {
                            return;
                        }
                        session.stop();
                    }, "live-stop");
                    stopper.setDaemon(true);
                    stopper.start();
                }
                err.println("live: " + input.describe() + ", shot " + opened.shot().id() + ", "
                        + rig.settings.resolution() + "; look-ahead " + lookAheadMs + " ms, lag " + lagMs + " ms");
                LiveSession.Result r = session.run((index, frame, mouth) -> {
                    var img = rig.render(frame);
                    if (outFrames != null) {
                        Path png = outFrames.resolve(String.format(Locale.ROOT, "frame-%05d.png", index));
                        writer.submit(() -> {
                            LiveRig.writePng(img, png);
                            return null;
                        });
                    }
                });
                writer.shutdown();
                writer.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
                out.printf(Locale.ROOT, "%.1f s of audio, %d frames: %d shown, %d dropped; %.1f fps; dropped audio %d "
                        + "samples; latency (end of a frame's audio to its picture) median %.0f ms, p95 %.0f ms%n",
                        r.audioSeconds(), r.frames(), r.shown(), r.dropped(), r.fps(), r.droppedSamples(),
                        r.latencyMillis(50), r.latencyMillis(95));
                out.printf(Locale.ROOT, "time spent: lip-sync %.2f s (input thread), planning %.2f s, rendering %.2f s "
                        + "(%.1f ms a frame shown) over %.1f s%n", r.lipSyncSeconds(), r.planSeconds(), r.showSeconds(),
                        r.shown() == 0 ? 0 : (r.planSeconds() + r.showSeconds()) * 1000 / r.shown(), r.wallSeconds());
                if (record) {
                    LiveRig.Recorded rec = rig.record(r, seed, outFrames);
                    out.printf(Locale.ROOT, "recorded shot %s (%d cues from %d triggers, audio %s) with take %s in %s%n",
                            rec.shot().id(), rec.shot().allCues().size() - opened.shot().allCues().size()
                                    + (int) opened.shot().track(org.cuestudio.core.model.CueLane.MOUTH).cues().size(),
                            r.triggers().size(), lp.folder().relativize(rec.audio()), rec.take().id(), rec.lp().file());
                }
            }
        }
        return 0;
    }
}
