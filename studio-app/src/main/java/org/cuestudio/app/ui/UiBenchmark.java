package org.cuestudio.app.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;

/**
 * The studio window's two timing targets (issue 8), measured on the real window with the real services:
 * <ul>
 *   <li>launch: from the start of the JVM to an interactive window (the sample project open, its waveform and cues
 *       on the timeline, its shot planned: cues can be edited, played and scrubbed); target under 4 s on 2 cores;
 *       and to the first preview frame the renderer draws (it starts its engine and rasterises the sheet
 *       meanwhile);</li>
 *   <li>timeline redraw with 10,000 cues: a copy of the sample whose shot runs 10 minutes (a generated recording)
 *       with 10,000 cues over the four direction lanes, redrawn (every layer of the timeline canvas, as after an
 *       edit) at a working zoom (10 s in view, the cues outside the visible range culled) and with the whole shot in
 *       view; target under 8 ms.</li>
 * </ul>
 * Needs a display (run under {@code xvfb-run} on a headless machine). Used by {@code cue bench ui}.
 */
public final class UiBenchmark {
    private UiBenchmark() {}

    /** Timings in milliseconds. */
    public record Result(double launchMs, double firstFrameMs, int cues, double shotSeconds, int rounds, double zoomedMedianMs,
            double zoomedP95Ms, int zoomedVisible, double wholeMedianMs, double wholeP95Ms) {}

    public static Result run(Path sample, Path workDir, int cues, int rounds) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException already) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
        try (StudioServices services = new StudioServices()) {
            UiExecutors exec = UiExecutors.javafx();
            StudioViewModel vm = new StudioViewModel(new ServicesPorts(services), exec);
            StudioView view = UiExecutors.callOnFx(() -> {
                Stage stage = new Stage();
                StudioView v = StudioApp.show(stage, vm);
                stage.setWidth(1600);
                stage.setHeight(1000);
                vm.open(sample);
                return v;
            });
            // interactive: the project open, its waveform and cues on the timeline, the shot planned (cues can be
            // edited, played and scrubbed); the first preview frame follows when the renderer has drawn it
            await(120, () -> vm.performanceProperty().get() != null && vm.audioProperty().get() != null);
            double launchMs = System.currentTimeMillis() - jvmStart;
            await(120, () -> vm.previewImageProperty().get() != null);
            double firstFrameMs = System.currentTimeMillis() - jvmStart;

            Path big = busyCopy(sample, workDir, cues);
            UiExecutors.callOnFx(() -> vm.open(big));
            await(300, () -> vm.performanceProperty().get() != null && vm.shotProperty().get() != null
                    && vm.shotProperty().get().allCues().size() >= cues);
            double shotSeconds = Ticks.toSeconds(UiExecutors.callOnFx(vm::durationTicks));
            TimelineView t = view.timeline();
            double[] zoomed = time(rounds, () -> {
                t.setPixelsPerSecond(t.getWidth() > 0 ? (t.getWidth() - TimelineView.HEADER_WIDTH) / 10.0 : 120);
                t.scrollProperty().set(shotSeconds / 2);
            }, t);
            int visible = UiExecutors.callOnFx(() -> t.visibleCueCount());
            double[] whole = time(rounds, () -> {
                t.setPixelsPerSecond(TimelineView.MIN_PPS);
                t.scrollProperty().set(0);
            }, t);
            UiExecutors.callOnFx(() -> {
                view.dispose();
                ((Stage) view.getScene().getWindow()).close();
                return null;
            });
            exec.shutdown().run();
            return new Result(launchMs, firstFrameMs, cues, shotSeconds, rounds, percentile(zoomed, 50), percentile(zoomed, 95),
                    visible, percentile(whole, 50), percentile(whole, 95));
        } finally {
            Platform.exit();
        }
    }

    /** Redraw times of the timeline, ms: {@code setUp} once, a few warm-up draws, then {@code rounds} timed ones. */
    private static double[] time(int rounds, Runnable setUp, TimelineView t) throws Exception {
        return UiExecutors.callOnFx(() -> {
            setUp.run();
            for (int i = 0; i < 20; i++) t.drawNow();
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long a = System.nanoTime();
                t.drawNow();
                ms[i] = (System.nanoTime() - a) / 1e6;
            }
            return ms;
        });
    }

    static double percentile(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static void await(int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!UiExecutors.callOnFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) throw new IllegalStateException("the studio window did not get ready in " + seconds + " s");
            Thread.sleep(5);
        }
    }

    /**
     * A copy of the sample in {@code dir} whose first shot plays a generated 10-minute recording and carries
     * {@code cues} cues spread over the emotion, gesture, gaze and timing lanes.
     */
    static Path busyCopy(Path sample, Path dir, int cues) throws IOException, org.cuestudio.format.ProjectFormatException {
        Path copy = dir.resolve("busy");
        try (var files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                String rel = sample.relativize(p).toString();
                if (rel.startsWith("cache") || rel.startsWith("takes") || rel.startsWith("renders")) continue;
                Path to = copy.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        double seconds = 600;
        writeSpeechLikeWav(copy.resolve("audio/busy.wav"), 16_000, seconds);
        LoadedProject lp = ProjectFiles.open(copy);
        Project p = lp.project();
        Shot s = p.shots().getFirst();
        Shot busy = new Shot(s.id(), s.name(), "audio/busy.wav", s.characterId(), s.frameRate(), s.resolution(),
                List.of(), s.partners(), List.of(), s.metadata(), List.of());
        CueLane[] lanes = {CueLane.EMOTION, CueLane.GESTURE, CueLane.GAZE, CueLane.TIMING};
        int perLane = cues / lanes.length;
        long step = Ticks.ofSeconds(seconds) / perLane;
        for (CueLane lane : lanes) {
            List<Cue> list = new ArrayList<>();
            for (int i = 0; i < perLane; i++) {
                TimeRange r = new TimeRange(i * step, step * 4 / 5);
                String id = lane.name().toLowerCase(java.util.Locale.ROOT) + "-" + i;
                list.add(switch (lane) {
                    case EMOTION -> NewCues.emotion(id, r, Emotion.values()[i % Emotion.values().length]);
                    case GESTURE -> NewCues.gesture(id, r, i % 2 == 0 ? "nod" : "beat");
                    case GAZE -> new GazeCue(id, r, i % 2 == 0 ? GazeTarget.LEFT : GazeTarget.CAMERA);
                    default -> new TimingCue(id, r, TimingCue.Kind.HOLD, 1.0);
                });
            }
            busy = busy.withTrack(new CueTrack(lane, list));
        }
        ProjectFiles.save(lp.file(), p.withShot(busy));
        return copy;
    }

    /** Syllable-like noise bursts with pauses, 16-bit mono PCM: enough for the waveform and the planner. */
    static void writeSpeechLikeWav(Path file, int rate, double seconds) throws IOException {
        int n = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double syl = (t % 0.25) < 0.18 && (t % 4) < 3 ? Math.sin(Math.PI * (t % 0.25) / 0.18) : 0;
            double v = syl * (0.4 * Math.sin(2 * Math.PI * 140 * t) + 0.1 * (r.nextDouble() * 2 - 1));
            b.putShort((short) Math.round(v * 20000));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }
}
