package org.cuestudio.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/**
 * The golden files of the format (src/test/resources/golden) and the models they must read as. Each type has a
 * file per version, {@code types/Name.N.json}, holding objects of it in the smallest project around them: the
 * current version's shows everything it can hold ({@link #forType}); older versions' files are kept as they were
 * written and must read as {@link #forOlder} (format 0 without metadata), which proves the upgrades. Whole sample
 * projects of every released format are in {@code projects/}. Run {@code main} to rewrite the current-format files after an
 * intended change of the writer (then review the diff: it is the change users will see).
 */
final class Golden {
    static final Path ROOT = Path.of(System.getProperty("cue.repo.root", ".."))
            .resolve("project-format/src/test/resources/golden");
    static final Path SAMPLE = Path.of(System.getProperty("cue.repo.root", ".."))
            .resolve("assets/samples/hello/project.json");
    /**
     * The sample project as it was before its two-character shot, in the current format: what the sample files of
     * the released formats ({@code projects/format-N}) upgrade to, and a small project for hand-edit tests.
     */
    static final Path ONE_SHOT = ROOT.resolve("projects/format-3/project.json");

    /** The types with one golden file each, in the order of docs/project-format.md. */
    static final List<String> TYPES = List.of("Project", "Character", "EmotionPreset", "Shot", "Partner", "Take",
            "EmotionCue", "GestureCue", "GazeCue", "TimingCue", "MouthShapeCue");

    private Golden() {}

    static final Character MIRA = new Character("mira", "Mira", "characters/mira",
            new Personality(0.7, 0.6, 0.5, 0.55, 0.6), Map.of("voice", "alto"));
    /** A slow character: reacts a quarter of a second late. */
    static final Character LEO = new Character("leo", "Leo", "characters/leo",
            new Personality(0.4, 0.3, 0.6, 0.8, 0.35), Ticks.ofMillis(250), Map.of());
    static final Character AVA = new Character("ava", "Ava", "characters/ava.zip", Personality.DEFAULT, Map.of());

    static final EmotionCue EMOTION = new EmotionCue("joy-1", new TimeRange(352_800_000L, 1_411_200_000L),
            Emotion.JOY, 0.85, 70_560_000L, 141_120_000L);
    static final GestureCue GESTURE = new GestureCue("wave-1", new TimeRange(0, 1_058_400_000L), "wave", 0.7,
            Side.LEFT);
    static final GazeCue GAZE = new GazeCue("look-1", new TimeRange(705_600_000L, 352_800_000L), GazeTarget.UP_LEFT);
    static final TimingCue TIMING = new TimingCue("react-1", new TimeRange(1_764_000_000L, 176_400_000L),
            TimingCue.Kind.REACT, 0.6);

    // What format 2 added: a snapping gesture, looks at a point, at a character and away, a tempo mark, partners.
    static final GestureCue GESTURE_SNAP = new GestureCue("beat-1", new TimeRange(1_411_200_000L, 705_600_000L),
            "beat", 0.9, Side.BOTH, true);
    static final GazeCue GAZE_POINT = GazeCue.atPoint("look-point", new TimeRange(1_058_400_000L, 352_800_000L),
            new FramePoint(0.25, -0.5));
    static final GazeCue GAZE_AT_LEO = GazeCue.atCharacter("look-leo", new TimeRange(1_411_200_000L, 705_600_000L),
            "leo");
    static final GazeCue GAZE_THINKING = new GazeCue("think-1", new TimeRange(2_116_800_000L, 705_600_000L),
            GazeTarget.THINKING);
    static final TimingCue TEMPO = new TimingCue("tempo-1", new TimeRange(0, 1_411_200_000L), TimingCue.Kind.TEMPO,
            0.35);
    // What format 3 added: emotion presets, mixed feelings, mouth-shape corrections.
    static final EmotionPreset BITTERSWEET = new EmotionPreset("bittersweet", "Bittersweet", Emotion.JOY,
            Map.of(Emotion.SADNESS, 0.6));
    static final EmotionPreset UNEASY = new EmotionPreset("uneasy", "Uneasy", Emotion.FEAR,
            Map.of(Emotion.SURPRISE, 0.3, Emotion.DISGUST, 0.15));
    /** A preset of one emotion: a name for a setting, without a blend. */
    static final EmotionPreset WISTFUL = new EmotionPreset("wistful", "Wistful", Emotion.SADNESS, Map.of());
    static final List<EmotionPreset> PRESETS = List.of(BITTERSWEET, UNEASY, WISTFUL);
    /** A cue made from a preset: a copy of its emotions and its id. */
    static final EmotionCue EMOTION_PRESET = EmotionCue.of("bitter-1", new TimeRange(1_764_000_000L, 705_600_000L),
            BITTERSWEET, 0.7, 70_560_000L, 70_560_000L);
    /** A mixed feeling set by hand, from no preset. */
    static final EmotionCue EMOTION_BLEND = new EmotionCue("mixed-1", new TimeRange(2_469_600_000L, 352_800_000L),
            Emotion.ANGER, 0.5, 0, 0, Map.of(Emotion.FEAR, 0.25, Emotion.CONTEMPT, 1.0), "");
    static final MouthShapeCue MOUTH = new MouthShapeCue("mouth-1", new TimeRange(1_058_400_000L, 56_448_000L),
            MouthShape.A);
    static final MouthShapeCue MOUTH_REST = new MouthShapeCue("mouth-2", new TimeRange(1_411_200_000L, 84_672_000L),
            MouthShape.X);
    /** Leo speaks in stretches of the shot's recording, nods, looks at Mira, smiles sadly, and shuts his mouth once. */
    static final Partner LEO_PARTNER = new Partner("leo", null,
            List.of(new TimeRange(2_116_800_000L, 1_058_400_000L), new TimeRange(4_233_600_000L, 705_600_000L)),
            tracks(List.of(new GestureCue("leo-nod-1", new TimeRange(1_411_200_000L, 352_800_000L), "nod", 0.5,
                    Side.BOTH, true), GazeCue.atCharacter("leo-look-1", new TimeRange(0, 2_116_800_000L), "mira"),
                    EmotionCue.of("leo-bitter-1", new TimeRange(2_116_800_000L, 705_600_000L), BITTERSWEET, 0.5, 0,
                            0),
                    new MouthShapeCue("leo-mouth-1", new TimeRange(2_469_600_000L, 56_448_000L), MouthShape.F))));
    /** Ava has her own recording and smiles. */
    static final Partner AVA_PARTNER = new Partner("ava", "audio/s1-ava.wav", List.of(), tracks(List.of(
            new EmotionCue("ava-smile-1", new TimeRange(0, 705_600_000L), Emotion.JOY, 0.4, 0, 0))));
    static final Take TAKE = new Take("take-1", "First try", "2025-05-01T10:00:00Z", 42, Quality.FINAL,
            new Resolution(1280, 720), "sha256:0f3a", "djl-layered-svg", "1.0", 4, true, "keeper",
            "takes/s1-take-1.mp4", Map.of("reviewer", "Ana"));

    static List<CueTrack> tracks(List<Cue> cues) {
        List<CueTrack> tracks = new java.util.ArrayList<>();
        for (CueLane lane : CueLane.values()) {
            tracks.add(new CueTrack(lane, cues.stream().filter(c -> CueLane.of(c) == lane).toList()));
        }
        return tracks;
    }

    static Shot shot(List<Cue> cues, List<Take> takes) {
        return shot(cues, List.of(), takes);
    }

    static Shot shot(List<Cue> cues, List<Partner> partners, List<Take> takes) {
        return new Shot("s1", "Opening line", "audio/s1.wav", "mira", FrameRate.FPS_29_97, new Resolution(1280, 720),
                tracks(cues), partners, takes, Map.of("dialogue", "Hello there"), List.of());
    }

    static Project project(List<Character> characters, List<Shot> shots) {
        return project(characters, List.of(), shots);
    }

    static Project project(List<Character> characters, List<EmotionPreset> presets, List<Shot> shots) {
        return new Project("Golden", characters, shots, presets, Map.of("director", "Ana"), List.of());
    }

    /** The model each current per-type golden file holds. */
    static Project forType(String type) {
        return switch (type) {
            case "Project", "EmotionPreset" -> project(List.of(), PRESETS, List.of());
            case "Character" -> project(List.of(MIRA, LEO), List.of());
            case "Shot" -> project(List.of(MIRA, LEO, AVA), PRESETS, List.of(shot(List.of(), List.of(LEO_PARTNER,
                    AVA_PARTNER), List.of())));
            case "Partner" -> project(List.of(MIRA, LEO), PRESETS, List.of(shot(List.of(), List.of(LEO_PARTNER),
                    List.of())));
            case "Take" -> project(List.of(MIRA), List.of(shot(List.of(), List.of(TAKE))));
            case "EmotionCue" -> project(List.of(MIRA), PRESETS, List.of(shot(List.of(EMOTION, EMOTION_PRESET,
                    EMOTION_BLEND), List.of())));
            case "GestureCue" -> project(List.of(MIRA), List.of(shot(List.of(GESTURE, GESTURE_SNAP), List.of())));
            case "GazeCue" -> project(List.of(MIRA, LEO), List.of(shot(List.of(GAZE, GAZE_POINT, GAZE_AT_LEO,
                    GAZE_THINKING), List.of(new Partner("leo", null, List.of(), List.of())), List.of())));
            case "TimingCue" -> project(List.of(MIRA), List.of(shot(List.of(TIMING, TEMPO), List.of())));
            case "MouthShapeCue" -> project(List.of(MIRA), List.of(shot(List.of(MOUTH, MOUTH_REST), List.of())));
            default -> throw new IllegalArgumentException(type);
        };
    }

    /**
     * The model the golden file of an older version of a type holds (with metadata: format 0 files read as this
     * without it): what that version could say, which the current version still reads the same.
     */
    static Project forOlder(String type) {
        return switch (type) {
            case "Project" -> project(List.of(), List.of());
            case "Character" -> project(List.of(MIRA), List.of());
            case "Shot" -> project(List.of(MIRA), List.of(shot(List.of(), List.of())));
            case "EmotionCue" -> project(List.of(MIRA), List.of(shot(List.of(EMOTION), List.of())));
            case "GestureCue" -> project(List.of(MIRA), List.of(shot(List.of(GESTURE), List.of())));
            case "GazeCue" -> project(List.of(MIRA), List.of(shot(List.of(GAZE), List.of())));
            case "TimingCue" -> project(List.of(MIRA), List.of(shot(List.of(TIMING), List.of())));
            default -> forType(type);
        };
    }

    /** A project with every type and every optional field set: what the schema drift test reads the writer by. */
    static Project full() {
        Take bare = new Take("take-2", "take-2", "", 7, Quality.PREVIEW, Resolution.PREVIEW, "", "", "", 0, false, "",
                null, Map.of());
        return project(List.of(MIRA, LEO, AVA), PRESETS, List.of(shot(List.of(EMOTION, EMOTION_PRESET, EMOTION_BLEND,
                GESTURE, GESTURE_SNAP, GAZE, GAZE_POINT, GAZE_AT_LEO, GAZE_THINKING, TIMING, TEMPO, MOUTH, MOUTH_REST),
                List.of(LEO_PARTNER, AVA_PARTNER), List.of(TAKE, bare))));
    }

    /** The version of a type this release writes. */
    static int current(String type) {
        return Upgrades.CURRENT.get(type);
    }

    /** The versions of a type that have a golden file, oldest first. */
    static List<Integer> versions(String type) {
        return java.util.stream.IntStream.rangeClosed(Upgrades.OLDEST.get(type), current(type)).boxed().toList();
    }

    static Path typeFile(String type, int version) {
        return ROOT.resolve("types/" + type + "." + version + ".json");
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    static Project read(Path p) throws IOException, ProjectFormatException {
        return ProjectJson.read(p.getFileName(), Files.readAllBytes(p));
    }

    static String text(Project p) {
        return new String(ProjectJson.write(p), StandardCharsets.UTF_8);
    }

    /** Rewrites the current-format golden files from the models above. */
    public static void main(String[] args) throws IOException {
        Map<Path, Project> files = new LinkedHashMap<>();
        for (String t : TYPES) files.put(typeFile(t, current(t)), forType(t));
        files.put(ROOT.resolve("projects/full/project.json"), full());
        for (var e : files.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.write(e.getKey(), ProjectJson.write(e.getValue()));
            System.out.println("wrote " + e.getKey());
        }
    }
}
