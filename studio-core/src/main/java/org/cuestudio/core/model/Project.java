package org.cuestudio.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole Cue Studio project: the characters, the shots and their takes. Immutable; every change is an
 * {@link org.cuestudio.core.edit.Edit} that returns a new project.
 *
 * <p>{@code unknown} holds objects in the project's {@code characters} and {@code shots} arrays that a newer
 * Cue Studio wrote and this release cannot interpret; they are carried along untouched so that saving keeps them.
 */
public record Project(String name, List<Character> characters, List<Shot> shots,
        List<EmotionPreset> emotionPresets, Map<String, String> metadata, List<UnknownObject> unknown) {
    public Project {
        characters = List.copyOf(characters);
        shots = List.copyOf(shots);
        emotionPresets = List.copyOf(emotionPresets);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (EmotionPreset p : emotionPresets) {
            if (!ids.add(p.id())) throw new IllegalArgumentException("emotion preset '" + p.id() + "' is defined twice");
        }
        metadata = Map.copyOf(metadata);
        unknown = List.copyOf(unknown);
    }

    /** A project without emotion presets, possibly with objects from newer releases. */
    public Project(String name, List<Character> characters, List<Shot> shots, Map<String, String> metadata,
            List<UnknownObject> unknown) {
        this(name, characters, shots, List.of(), metadata, unknown);
    }

    /** A project with nothing from newer releases and no emotion presets. */
    public Project(String name, List<Character> characters, List<Shot> shots, Map<String, String> metadata) {
        this(name, characters, shots, List.of(), metadata, List.of());
    }

    public Optional<Shot> shot(String id) {
        return shots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Character> character(String id) {
        return characters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The shot with that id, or an exception that names the ids there are. */
    public Shot requireShot(String id) {
        return shot(id).orElseThrow(() -> new IllegalArgumentException("no shot '" + id + "' in project '" + name
                + "'; shots: " + shots.stream().map(Shot::id).toList()));
    }

    public Character requireCharacter(String id) {
        return character(id).orElseThrow(() -> new IllegalArgumentException("no character '" + id
                + "' in project '" + name + "'; characters: " + characters.stream().map(Character::id).toList()));
    }

    public Optional<EmotionPreset> emotionPreset(String id) {
        return emotionPresets.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A copy with these emotion presets. */
    public Project withEmotionPresets(List<EmotionPreset> presets) {
        return new Project(name, characters, shots, presets, metadata, unknown);
    }

    /** A copy with one shot replaced (matched by id). */
    public Project withShot(Shot shot) {
        requireShot(shot.id());
        return new Project(name, characters,
                shots.stream().map(s -> s.id().equals(shot.id()) ? shot : s).toList(), emotionPresets, metadata, unknown);
    }
}
