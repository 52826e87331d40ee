package org.cuestudio.core.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.perform.GestureSpec;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/**
 * What a live performance becomes: its triggers as ordinary cues, and the recorded shot. A recording has its own
 * audio, so it is recorded as a new shot beside the directed one (id {@code SHOT-live-N}, metadata
 * {@value #LIVE_OF} naming the directed shot): the directed shot's cues plus the triggers' cues over the recorded
 * audio, with the take that the live session showed. Editing and rendering it again work as for any shot. See
 * docs/live-mode.md and decision record 0017.
 */
public final class LiveTake {
    /** Shot metadata: the id of the shot a live recording was performed from. */
    public static final String LIVE_OF = "liveOf";
    /** How long an emotion trigger's cue eases in, and how long it overlaps the next emotion trigger's cue. */
    public static final long EMOTION_EASE = Ticks.ofMillis(300);
    /** How long a gesture trigger's cue holds beyond the gesture's preparation, stroke and retraction. */
    public static final long GESTURE_HOLD = Ticks.ofMillis(200);

    private LiveTake() {}

    /**
     * The cues of the triggers over a recording that ends at {@code endTicks}: an emotion trigger holds its emotion
     * until the next emotion trigger (the two overlap by {@link #EMOTION_EASE} to cross-fade) or the end; a gesture
     * trigger plays the gesture from the library at its own pace. Ids are {@code live-e1}, {@code live-g1}, ...
     * While performing, {@code endTicks} is a horizon past the frame being planned, so the last emotion is not yet
     * easing out.
     */
    public static List<Cue> cues(List<Trigger> triggers, long endTicks, GestureLibrary library) {
        List<Cue> out = new ArrayList<>();
        int e = 0, g = 0;
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            if (t.ticks() >= endTicks) continue;
            switch (t.kind()) {
                case EMOTION -> {
                    long end = endTicks;
                    for (int j = i + 1; j < triggers.size(); j++) {
                        if (triggers.get(j).kind() == Trigger.Kind.EMOTION) {
                            end = Math.min(endTicks, triggers.get(j).ticks() + EMOTION_EASE);
                            break;
                        }
                    }
                    long ease = Math.min(EMOTION_EASE, (end - t.ticks()) / 2);
                    out.add(new EmotionCue("live-e" + (++e), TimeRange.between(t.ticks(), end),
                            Trigger.emotion(t.value()), t.intensity(), ease, ease));
                }
                case GESTURE -> {
                    GestureSpec spec = library.require(t.value());
                    long end = Math.min(endTicks, t.ticks() + Ticks.ofSeconds(spec.minimumSeconds()) + GESTURE_HOLD);
                    if (end <= t.ticks()) continue;
                    out.add(new GestureCue("live-g" + (++g), TimeRange.between(t.ticks(), end), t.value(),
                            t.intensity(), Side.BOTH));
                }
            }
        }
        return out;
    }

    /**
     * The shot performed live: {@code directed}'s cues (except its mouth corrections, which belong to its own
     * recording) plus {@code extra} cues, over {@code audio}, with no takes. Cue ids of the directed shot that clash
     * with the extra cues' are kept; the extra ones are renamed.
     */
    public static Shot performedShot(Shot directed, String id, String audio, List<Cue> extra) {
        Map<CueLane, List<Cue>> lanes = new HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CueTrack t : directed.tracks()) {
            if (t.lane() == CueLane.MOUTH) continue;
            lanes.computeIfAbsent(t.lane(), l -> new ArrayList<>()).addAll(t.cues());
            t.cues().forEach(c -> ids.add(c.id()));
        }
        for (Cue c : extra) {
            Cue cue = c;
            for (int n = 2; ids.contains(cue.id()); n++) cue = renamed(c, c.id() + "-" + n);
            ids.add(cue.id());
            lanes.computeIfAbsent(CueLane.of(cue), l -> new ArrayList<>()).add(cue);
        }
        List<CueTrack> tracks = new ArrayList<>();
        for (CueLane lane : CueLane.values()) tracks.add(new CueTrack(lane, lanes.getOrDefault(lane, List.of())));
        Map<String, String> meta = new LinkedHashMap<>(directed.metadata());
        meta.put(LIVE_OF, directed.id());
        return new Shot(id, directed.name() + " (live)", audio, directed.characterId(), directed.frameRate(),
                directed.resolution(), tracks, directed.partners(), List.of(), meta, List.of());
    }

    private static Cue renamed(Cue c, String id) {
        return switch (c) {
            case EmotionCue e -> new EmotionCue(id, e.range(), e.emotion(), e.intensity(), e.easeIn(), e.easeOut(),
                    e.blend(), e.preset());
            case GestureCue g -> new GestureCue(id, g.range(), g.gesture(), g.intensity(), g.side(), g.snap());
            default -> throw new IllegalArgumentException("live takes add emotion and gesture cues only");
        };
    }

    /** The first free id {@code SHOT-live-N} in the project. */
    public static String nextShotId(Project project, String directedId) {
        for (int n = 1;; n++) {
            String id = directedId + "-live-" + n;
            if (project.shot(id).isEmpty()) return id;
        }
    }

    /** The project with {@code shot} added after the others (its id must be new). */
    public static Project withNewShot(Project project, Shot shot) {
        if (project.shot(shot.id()).isPresent()) {
            throw new IllegalArgumentException("the project already has a shot '" + shot.id() + "'");
        }
        List<Shot> shots = new ArrayList<>(project.shots());
        shots.add(shot);
        return new Project(project.name(), project.characters(), shots, project.emotionPresets(), project.metadata(),
                project.unknown());
    }

    /** Writes mono samples as a 16-bit PCM WAV file, atomically (a temporary file renamed into place). */
    public static void writeWav(Path file, float[] samples, int length, int sampleRate) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * length);
        for (int i = 0; i < length; i++) {
            b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(b.array());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
