package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.model.UnknownObject;

/**
 * Checks what reading cannot: that the files a project refers to exist inside its folder, and that references
 * between its parts resolve. Each problem is located at the field it concerns in {@code project.json} (when the file
 * still matches the project) and carries a fix hint.
 */
public final class ProjectValidator {
    private ProjectValidator() {}

    /** A problem waiting for its position. */
    private record Found(JsonPointer at, String message, String hint) {}

    /**
     * Every problem found (empty when the project can be rendered), gesture cues checked against the gesture
     * library the planner will perform them from.
     */
    public static List<Problem> validate(LoadedProject lp, GestureLibrary gestures) {
        List<Found> found = new ArrayList<>();
        Project p = lp.project();
        for (int i = 0; i < p.characters().size(); i++) {
            Character c = p.characters().get(i);
            JsonPointer at = element(p.unknown(), "characters", i).append(JsonPointer.compile("/sheet"));
            checkPath(lp, c.sheet(), "character '" + c.id() + "' sheet", true, at, found);
        }
        if (p.shots().isEmpty()) {
            found.add(new Found(JsonPointer.compile("/shots"), "the project has no shots",
                    "add a shot: an object {\"type\": \"Shot.2\", ...} in \"shots\" (see docs/project-format.md)"));
        }
        for (int i = 0; i < p.shots().size(); i++) {
            Shot s = p.shots().get(i);
            JsonPointer shot = element(p.unknown(), "shots", i);
            checkPath(lp, s.audio(), "shot '" + s.id() + "' audio", false, shot.append(JsonPointer.compile("/audio")),
                    found);
            if (p.character(s.characterId()).isEmpty()) {
                found.add(new Found(shot.append(JsonPointer.compile("/character")), "shot '" + s.id()
                        + "' is performed by character '" + s.characterId() + "', which the project does not have",
                        p.characters().isEmpty() ? "add the character to \"characters\""
                                : "use one of " + p.characters().stream().map(c -> "'" + c.id() + "'").toList()));
            }
            checkCues(s, s.characterId(), s.tracks(), shot, "", "shot '" + s.id() + "'", gestures, found);
            for (int k = 0; k < s.partners().size(); k++) {
                Partner pt = s.partners().get(k);
                JsonPointer at = shot.append(element(s.unknown(), "partners", k));
                String who = "partner '" + pt.characterId() + "' of shot '" + s.id() + "'";
                if (p.character(pt.characterId()).isEmpty()) {
                    found.add(new Found(at.append(JsonPointer.compile("/character")), who + " is character '"
                            + pt.characterId() + "', which the project does not have", p.characters().isEmpty()
                                    ? "add the character to \"characters\""
                                    : "use one of " + p.characters().stream().map(c -> "'" + c.id() + "'").toList()));
                }
                if (pt.audio() != null) {
                    checkPath(lp, pt.audio(), who + " audio", false, at.append(JsonPointer.compile("/audio")), found);
                }
                checkCues(s, pt.characterId(), pt.tracks(), at, "partners/" + pt.characterId() + "/", who, gestures,
                        found);
            }
            for (int j = 0; j < s.takes().size(); j++) {
                Take t = s.takes().get(j);
                if (t.output() == null) continue;
                try {
                    lp.resolve(t.output());
                } catch (IllegalArgumentException e) {
                    found.add(new Found(shot.append(element(s.unknown(), "takes", j)).append(
                            JsonPointer.compile("/output")), "take '" + t.id() + "' of shot '" + s.id()
                            + "' output: " + e.getMessage(), PATH_HINT));
                }
            }
        }
        return locate(lp.file(), found);
    }

    /**
     * The cues of one character of a shot (its own, or a partner's at {@code owner} with its unknown objects placed
     * under {@code prefix}): gestures from the library, looks at another character of the shot.
     */
    private static void checkCues(Shot s, String performer, List<CueTrack> tracks, JsonPointer owner, String prefix,
            String who, GestureLibrary gestures, List<Found> found) {
        List<Cue> gestureCues = tracks.get(CueLane.GESTURE.ordinal()).cues();
        for (int j = 0; j < gestureCues.size(); j++) {
            GestureCue g = (GestureCue) gestureCues.get(j);
            if (gestures.find(g.gesture()).isPresent()) continue;
            String meant = Hints.closest(g.gesture(), gestures.ids());
            found.add(new Found(cue(s, owner, prefix, "tracks/gesture", j).append(JsonPointer.compile("/gesture")),
                    "gesture cue '" + g.id() + "' of " + who + ": \"" + g.gesture() + "\" is not a valid gesture: the"
                            + " gesture library " + gestures.source() + " has no such gesture",
                    (meant != null ? "did you mean \"" + meant + "\"? " : "") + "use one of " + gestures.ids()));
        }
        List<Cue> gazeCues = tracks.get(CueLane.GAZE.ordinal()).cues();
        for (int j = 0; j < gazeCues.size(); j++) {
            GazeCue g = (GazeCue) gazeCues.get(j);
            if (g.target() != GazeTarget.CHARACTER) continue;
            String other = g.character();
            List<String> others = s.cast().stream().filter(c -> !c.equals(performer)).map(c -> "'" + c + "'")
                    .toList();
            String hint = others.isEmpty() ? "add the character to the shot as a partner, or look elsewhere"
                    : "look at one of " + others + ", or add the character to the shot as a partner";
            JsonPointer at = cue(s, owner, prefix, "tracks/gaze", j).append(JsonPointer.compile("/character"));
            if (performer.equals(other)) {
                found.add(new Found(at, "gaze cue '" + g.id() + "' of " + who + " looks at '" + other
                        + "', the character who performs it", hint));
            } else if (!s.cast().contains(other)) {
                found.add(new Found(at, "gaze cue '" + g.id() + "' of " + who + " looks at character '" + other
                        + "', who is not in shot '" + s.id() + "'", hint));
            }
        }
    }

    /** The pointer of the {@code j}-th cue of a lane of the shot's own tracks or of a partner's ({@code prefix}). */
    private static JsonPointer cue(Shot s, JsonPointer owner, String prefix, String lane, int j) {
        return owner.append(JsonPointer.compile("/" + lane + "/" + position(s.unknown(), prefix + lane, j)));
    }

    /**
     * What is worth knowing but does not stop the project from rendering, located in the file: the objects kept
     * from a newer Cue Studio ({@link #keptFromNewerReleases}), then the emotion cues made from a preset that is
     * neither one of the project's {@code emotionPresets} nor one of {@code shipped} (the starter presets): the
     * cue keeps its own copy of the preset's emotions, so it renders as it did, but it is no longer linked to a
     * preset (deleted, renamed, or from another project).
     */
    public static List<Problem> notes(LoadedProject lp, List<EmotionPreset> shipped) {
        List<Problem> out = new ArrayList<>(keptFromNewerReleases(lp));
        out.addAll(presetsNamed(lp, shipped));
        return out;
    }

    /** The emotion cues that name a preset neither the project nor {@code shipped} has (see {@link #notes}). */
    static List<Problem> presetsNamed(LoadedProject lp, List<EmotionPreset> shipped) {
        Project p = lp.project();
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        p.emotionPresets().forEach(e -> known.add(e.id()));
        java.util.Set<String> own = java.util.Set.copyOf(known);
        shipped.forEach(e -> known.add(e.id()));
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < p.shots().size(); i++) {
            Shot s = p.shots().get(i);
            JsonPointer shot = element(p.unknown(), "shots", i);
            presetsNamed(s, s.tracks(), shot, "", "shot '" + s.id() + "'", known, own, found);
            for (int k = 0; k < s.partners().size(); k++) {
                Partner pt = s.partners().get(k);
                presetsNamed(s, pt.tracks(), shot.append(element(s.unknown(), "partners", k)),
                        "partners/" + pt.characterId() + "/", "partner '" + pt.characterId() + "' of shot '" + s.id()
                                + "'", known, own, found);
            }
        }
        return locate(lp.file(), found);
    }

    private static void presetsNamed(Shot s, List<CueTrack> tracks, JsonPointer owner, String prefix, String who,
            java.util.Set<String> known, java.util.Set<String> own, List<Found> found) {
        List<Cue> cues = tracks.get(CueLane.EMOTION.ordinal()).cues();
        for (int j = 0; j < cues.size(); j++) {
            EmotionCue e = (EmotionCue) cues.get(j);
            if (e.preset().isEmpty() || known.contains(e.preset())) continue;
            String meant = Hints.closest(e.preset(), known);
            found.add(new Found(cue(s, owner, prefix, "tracks/emotion", j).append(JsonPointer.compile("/preset")),
                    "emotion cue '" + e.id() + "' of " + who + " was made from preset '" + e.preset() + "', which the"
                            + " project does not have; the cue keeps its own mix and renders the same",
                    (meant != null ? "did you mean \"" + meant + "\"? " : "") + (own.isEmpty()
                            ? "save the preset in the project again, or remove \"preset\" from the cue"
                            : "name one of " + own.stream().map(x -> "'" + x + "'").toList()
                                    + ", save the preset in the project again, or remove \"preset\" from the cue")));
        }
    }

    /**
     * One line per object kept from a newer Cue Studio, located in the file: not problems (they are written back
     * unchanged) but worth knowing, since this release ignores them when rendering.
     */
    public static List<Problem> keptFromNewerReleases(LoadedProject lp) {
        List<Found> found = new ArrayList<>();
        Project p = lp.project();
        for (UnknownObject u : p.unknown()) found.add(kept(JsonPointer.empty(), u.place(), u));
        for (int i = 0; i < p.shots().size(); i++) {
            JsonPointer shot = element(p.unknown(), "shots", i);
            Shot s = p.shots().get(i);
            for (UnknownObject u : s.unknown()) {
                String place = u.place();
                JsonPointer owner = shot;
                if (place.startsWith("partners/")) {
                    // A partner's: partners/<character id>/tracks/...; found through the partner's position.
                    int slash = place.indexOf('/', 9);
                    String id = place.substring(9, slash);
                    int k = s.partners().stream().map(Partner::characterId).toList().indexOf(id);
                    if (k < 0) continue; // its partner was removed: it is not saved either
                    owner = shot.append(element(s.unknown(), "partners", k));
                    place = place.substring(slash + 1);
                }
                found.add(kept(owner, place, u));
            }
        }
        return locate(lp.file(), found);
    }

    private static Found kept(JsonPointer owner, String place, UnknownObject u) {
        boolean lane = place.startsWith("tracks/") && ProjectReader.LANES.indexOf(place.substring(7)) < 0;
        JsonPointer at = owner.append(JsonPointer.compile("/" + place));
        if (!lane) at = at.appendIndex(u.index());
        return new Found(at, "kept " + (lane ? "the " : "a ") + u.label() + " this release does not know"
                + " (written by a newer Cue Studio?); it is saved back unchanged but not used",
                "open the project in the newer Cue Studio to change it");
    }

    private static final String PATH_HINT = "keep media inside the project folder and write its path relative to"
            + " the folder, e.g. \"audio/line-1.wav\"";

    private static void checkPath(LoadedProject lp, String rel, String what, boolean folder, JsonPointer at,
            List<Found> out) {
        try {
            Path p = lp.resolve(rel);
            if (!Files.exists(p)) {
                out.add(new Found(at, what + " '" + rel + "' does not exist (looked for " + p + ")",
                        "put the " + (folder ? "folder" : "file") + " there, or correct the path (relative to the"
                                + " project folder)"));
            } else if (folder && !Files.isDirectory(p) && !rel.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                out.add(new Found(at, what + " '" + rel + "' is not a folder",
                        "a character sheet is a folder with character.json in it, or a .zip of that folder"));
            } else if (!folder && !Files.isRegularFile(p)) {
                out.add(new Found(at, what + " '" + rel + "' is not a file", "name the audio file itself"));
            }
        } catch (IllegalArgumentException e) {
            out.add(new Found(at, what + ": " + e.getMessage(), PATH_HINT));
        }
    }

    /**
     * The pointer of the {@code k}-th known element of an array that may also hold unknown objects (which keep
     * their file positions), so that problems point at the right element of the file.
     */
    static JsonPointer element(List<UnknownObject> unknown, String place, int k) {
        return JsonPointer.compile("/" + place + "/" + position(unknown, place, k));
    }

    /** The position in its array of the {@code k}-th known element, past the unknown objects kept there. */
    private static int position(List<UnknownObject> unknown, String place, int k) {
        if (unknown.isEmpty()) return k;
        int position = 0;
        int known = -1;
        while (true) {
            int pos = position;
            boolean taken = unknown.stream().anyMatch(u -> u.place().equals(place) && u.index() == pos);
            if (!taken && ++known == k) break;
            position++;
        }
        return position;
    }

    private static List<Problem> locate(Path file, List<Found> found) {
        if (found.isEmpty()) return List.of();
        Map<JsonPointer, Locator.Position> at = Map.of();
        try {
            at = Locator.locate(Files.readAllBytes(file), found.stream().map(Found::at).toList());
        } catch (IOException | OutOfMemoryError e) {
            // The file is gone or unreadable: report the problems without positions.
        }
        List<Problem> out = new ArrayList<>();
        for (Found f : found) {
            Locator.Position pos = at.getOrDefault(f.at(), Locator.Position.UNKNOWN);
            out.add(new Problem(file, pos.line(), pos.column(), f.message(), f.hint()));
        }
        return out;
    }
}
