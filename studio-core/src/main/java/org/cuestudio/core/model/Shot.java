package org.cuestudio.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cuestudio.core.time.FrameRate;

/**
 * One shot: a dialogue recording (relative path), who performs it, its frame rate and size, one cue track per
 * {@link CueLane}, and the takes rendered of it. The audio defines the shot's length. Other characters sharing the
 * shot are its {@code partners}, each with its own cues and voice; the shot's own character is drawn first (on the
 * left) and the partners in order to its right.
 *
 * <p>{@code unknown} holds cues, lanes and takes that a newer Cue Studio wrote and this release cannot interpret;
 * they are carried along untouched so that saving keeps them.
 */
public record Shot(String id, String name, String audio, String characterId, FrameRate frameRate,
        Resolution resolution, List<CueTrack> tracks, List<Partner> partners, List<Take> takes,
        Map<String, String> metadata, List<UnknownObject> unknown) {
    public Shot {
        Ids.require(id, "shot id");
        tracks = normaliseTracks(tracks);
        partners = List.copyOf(partners);
        java.util.Set<String> cast = new java.util.HashSet<>(java.util.Set.of(characterId));
        for (Partner p : partners) {
            if (!cast.add(p.characterId())) {
                throw new IllegalArgumentException("character '" + p.characterId() + "' is in shot '" + id + "' twice");
            }
        }
        takes = List.copyOf(takes);
        metadata = Map.copyOf(metadata);
        unknown = List.copyOf(unknown);
    }

    /** A shot with nothing from newer releases. */
    public Shot(String id, String name, String audio, String characterId, FrameRate frameRate, Resolution resolution,
            List<CueTrack> tracks, List<Take> takes, Map<String, String> metadata) {
        this(id, name, audio, characterId, frameRate, resolution, tracks, List.of(), takes, metadata, List.of());
    }

    /** A one-character shot, possibly with objects from newer releases. */
    public Shot(String id, String name, String audio, String characterId, FrameRate frameRate, Resolution resolution,
            List<CueTrack> tracks, List<Take> takes, Map<String, String> metadata, List<UnknownObject> unknown) {
        this(id, name, audio, characterId, frameRate, resolution, tracks, List.of(), takes, metadata, unknown);
    }

    /** Every lane exactly once, in lane order, so views and the planner never look for a missing track. */
    static List<CueTrack> normaliseTracks(List<CueTrack> given) {
        List<CueTrack> out = new ArrayList<>();
        for (CueLane lane : CueLane.values()) {
            List<CueTrack> of = given.stream().filter(t -> t.lane() == lane).toList();
            if (of.size() > 1) throw new IllegalArgumentException("shot has " + of.size() + " " + lane + " tracks");
            out.add(of.isEmpty() ? new CueTrack(lane, List.of()) : of.get(0));
        }
        return List.copyOf(out);
    }

    public CueTrack track(CueLane lane) {
        return tracks.get(lane.ordinal());
    }

    /** All cues of all lanes of the shot's own character, by start time. */
    public List<Cue> allCues() {
        return tracks.stream().flatMap(t -> t.cues().stream())
                .sorted(Comparator.comparingLong((Cue c) -> c.range().start())).toList();
    }

    /** The cue with that id, of the shot's own character or of a partner. */
    public Optional<Cue> cue(String cueId) {
        return java.util.stream.Stream.concat(tracks.stream(), partners.stream().flatMap(p -> p.tracks().stream()))
                .flatMap(t -> t.cues().stream()).filter(c -> c.id().equals(cueId)).findFirst();
    }

    /** The ids of the characters in the shot: its own character first, then the partners in order. */
    public List<String> cast() {
        List<String> ids = new ArrayList<>();
        ids.add(characterId);
        partners.forEach(p -> ids.add(p.characterId()));
        return List.copyOf(ids);
    }

    /**
     * The take with that id, or else the first with that name, or an exception that names the takes there are
     * (takes of a shot have unique ids; names are for people and may repeat).
     */
    public Take requireTake(String idOrName) {
        return takes.stream().filter(t -> t.id().equals(idOrName)).findFirst()
                .or(() -> takes.stream().filter(t -> t.name().equals(idOrName)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("shot '" + id + "' has no take '" + idOrName + "'"
                        + (takes.isEmpty() ? " (it has no takes yet; render one with: cue render PROJECT --shot " + id
                                + ")" : " (takes: " + String.join(", ", takes.stream().map(Take::id).toList()) + ")")));
    }

    public Shot withTrack(CueTrack track) {
        List<CueTrack> ts = new ArrayList<>(tracks);
        ts.set(track.lane().ordinal(), track);
        return new Shot(id, name, audio, characterId, frameRate, resolution, ts, partners, takes, metadata, unknown);
    }

    public Shot withTakes(List<Take> newTakes) {
        return new Shot(id, name, audio, characterId, frameRate, resolution, tracks, partners, newTakes, metadata,
                unknown);
    }

    public Shot withPartners(List<Partner> newPartners) {
        return new Shot(id, name, audio, characterId, frameRate, resolution, tracks, newPartners, takes, metadata,
                unknown);
    }
}
