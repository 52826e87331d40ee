package org.cuestudio.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/**
 * The project format's scale benchmark ({@code cue bench format}): builds a large project (by default 200 shots of
 * 10,000 cues), then saves it with {@link ProjectFiles#save} and opens it with {@link ProjectFiles#open} several
 * times in a scratch folder, timing each. The first round includes the JIT warming up, as a user's first open
 * does; the best round shows the steady state. Not a test: timings depend on the machine.
 */
public final class FormatBenchmark {
    /** The targets of issue 3, for the report. */
    public static final long TARGET_MILLIS = 2_000;

    private FormatBenchmark() {}

    /**
     * What to run.
     *
     * @param shots shots in the project
     * @param cuesPerShot cues per shot, spread over the four lanes
     * @param rounds save/open rounds
     * @param folder scratch folder for the project (created; the project file is deleted at the end)
     */
    public record Settings(int shots, int cuesPerShot, int rounds, Path folder) {
        public Settings {
            if (shots < 1 || cuesPerShot < 0 || rounds < 1) throw new IllegalArgumentException("nothing to measure");
        }
    }

    /**
     * What was measured, in milliseconds per round.
     *
     * @param shots shots in the project
     * @param cues cues in the project
     * @param fileBytes size of the project file
     * @param saveMillis time of each save (write, fsync, backup, rename)
     * @param openMillis time of each open (read, parse, bind)
     * @param loadAverage the system's load average when the run started (other work slows the figures), or -1
     */
    public record Figures(int shots, long cues, long fileBytes, List<Long> saveMillis, List<Long> openMillis,
            double loadAverage) {
        public long firstSave() {
            return saveMillis.get(0);
        }

        public long firstOpen() {
            return openMillis.get(0);
        }

        public long bestSave() {
            return saveMillis.stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        public long bestOpen() {
            return openMillis.stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        public long medianSave() {
            return median(saveMillis);
        }

        public long medianOpen() {
            return median(openMillis);
        }

        private static long median(List<Long> v) {
            List<Long> s = v.stream().sorted().toList();
            return s.get(s.size() / 2);
        }

        /** Whether the median round meets both targets. */
        public boolean withinTargets() {
            return medianSave() < TARGET_MILLIS && medianOpen() < TARGET_MILLIS;
        }

        /** The figures as one JSON object. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"benchmark\": \"format\", \"shots\": %d, \"cues\": %d, "
                    + "\"fileBytes\": %d, \"saveMillis\": %s, \"openMillis\": %s, \"medianSaveMillis\": %d, "
                    + "\"medianOpenMillis\": %d, \"targetMillis\": %d, \"withinTargets\": %b, \"java\": \"%s\", "
                    + "\"cores\": %d, \"maxHeapMiB\": %d, \"loadAverage\": %.2f}", shots, cues, fileBytes, saveMillis,
                    openMillis, medianSave(), medianOpen(), TARGET_MILLIS, withinTargets(),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, loadAverage);
        }

        /** The figures for people, a few lines. */
        public String toText() {
            return String.format(Locale.ROOT, "project: %d shots, %,d cues, file %,d bytes (%.0f MiB)%n"
                    + "save: first %d ms, median %d ms, best %d ms  (all: %s)%n"
                    + "open: first %d ms, median %d ms, best %d ms  (all: %s)%n"
                    + "target: under %d ms each: %s (Java %s, %d cores, heap %d MiB, load average %.2f at start)",
                    shots, cues, fileBytes,
                    fileBytes / 1048576.0, firstSave(), medianSave(), bestSave(), saveMillis, firstOpen(),
                    medianOpen(), bestOpen(), openMillis, TARGET_MILLIS, withinTargets() ? "met" : "NOT met",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, loadAverage);
        }
    }

    /** Runs the benchmark, reporting progress lines to {@code log}. */
    public static Figures run(Settings s, Consumer<String> log) throws IOException, ProjectFormatException {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log.accept("building a project of " + s.shots() + " shots x " + s.cuesPerShot() + " cues...");
        Project project = sampleProject(s.shots(), s.cuesPerShot());
        long cues = project.shots().stream().mapToLong(sh -> sh.allCues().size()).sum();
        Files.createDirectories(s.folder());
        Path file = s.folder().resolve(ProjectFiles.PROJECT_FILE);
        List<Long> saves = new ArrayList<>();
        List<Long> opens = new ArrayList<>();
        try {
            for (int round = 1; round <= s.rounds(); round++) {
                // Each step starts from a collected heap, as in a studio that has just started or just saved:
                // otherwise the previous round's project (hundreds of MB of garbage) is collected during the
                // next step and counted against it.
                System.gc();
                long t0 = System.nanoTime();
                ProjectFiles.save(file, project);
                long t1 = System.nanoTime();
                System.gc();
                long t1b = System.nanoTime();
                LoadedProject opened = ProjectFiles.open(file);
                long t2 = System.nanoTime();
                if (opened.project().shots().size() != project.shots().size()) {
                    throw new IllegalStateException("the project read back differs from the one written");
                }
                saves.add((t1 - t0) / 1_000_000);
                opens.add((t2 - t1b) / 1_000_000);
                log.accept("round " + round + ": save " + saves.get(round - 1) + " ms, open " + opens.get(round - 1)
                        + " ms");
                opened = null;
            }
            return new Figures(s.shots(), cues, Files.size(file), saves, opens, load);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ProjectFiles.backupFile(file));
        }
    }

    /**
     * A deterministic project of the given size: one character; each shot's cues spread over the lanes (30%
     * emotion, 30% gesture, 25% gaze, 15% timing), back to back, with values a director might use.
     */
    public static Project sampleProject(int shots, int cuesPerShot) {
        SplittableRandom rnd = new SplittableRandom(42);
        Character mira = new Character("mira", "Mira", "characters/mira", Personality.DEFAULT, Map.of());
        List<Shot> out = new ArrayList<>(shots);
        Emotion[] emotions = Emotion.values();
        String[] gestures = {"nod", "head-shake", "shrug", "wave", "point", "open-palms", "beat", "hand-to-chest",
            "lean-in", "lean-back"};
        GazeTarget[] targets = java.util.Arrays.stream(GazeTarget.values())
                .filter(t -> t != GazeTarget.POINT && t != GazeTarget.CHARACTER).toArray(GazeTarget[]::new);
        for (int s = 0; s < shots; s++) {
            int[] perLane = {cuesPerShot * 30 / 100, cuesPerShot * 30 / 100, cuesPerShot * 25 / 100, 0, 0};
            perLane[3] = cuesPerShot - perLane[0] - perLane[1] - perLane[2];
            List<CueTrack> tracks = new ArrayList<>();
            for (CueLane lane : CueLane.values()) {
                List<Cue> cues = new ArrayList<>(perLane[lane.ordinal()]);
                long t = 0;
                for (int i = 0; i < perLane[lane.ordinal()]; i++) {
                    long duration = Ticks.ofMillis(200 + rnd.nextInt(1800));
                    TimeRange r = new TimeRange(t, duration);
                    t += duration + Ticks.ofMillis(rnd.nextInt(400));
                    double amount = rnd.nextInt(101) / 100.0;
                    String id = lane.name().substring(0, 2).toLowerCase(Locale.ROOT) + "-" + i;
                    cues.add(switch (lane) {
                        case EMOTION -> new EmotionCue(id, r, emotions[rnd.nextInt(emotions.length)], amount,
                                Math.min(duration / 4, Ticks.ofMillis(300)),
                                Math.min(duration / 4, Ticks.ofMillis(400)));
                        case GESTURE -> new GestureCue(id, r, gestures[rnd.nextInt(gestures.length)], amount,
                                Side.values()[rnd.nextInt(3)]);
                        case GAZE -> new GazeCue(id, r, targets[rnd.nextInt(targets.length)]);
                        case TIMING -> new TimingCue(id, r, rnd.nextBoolean() ? TimingCue.Kind.HOLD
                                : TimingCue.Kind.REACT, amount);
                        case MOUTH -> new org.cuestudio.core.model.MouthShapeCue(id, r,
                                org.cuestudio.core.model.MouthShape.values()[rnd.nextInt(9)]); // none: perLane is 0
                    });
                }
                tracks.add(new CueTrack(lane, cues));
            }
            out.add(new Shot(String.format(Locale.ROOT, "shot-%03d", s + 1), "Shot " + (s + 1),
                    String.format(Locale.ROOT, "audio/shot-%03d.wav", s + 1), "mira", FrameRate.FPS_25, Resolution.HD,
                    tracks, List.of(), Map.of("dialogue", "Line " + (s + 1))));
        }
        return new Project("Benchmark", List.of(mira), out, Map.of());
    }

    /** Runs the default benchmark from a plain {@code java} command line: {@code [shots cuesPerShot rounds]}. */
    public static void main(String[] args) throws Exception {
        int shots = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int cues = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("cue-bench-format");
        try {
            Figures f = run(new Settings(shots, cues, rounds, dir), System.out::println);
            System.out.println(f.toText());
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
