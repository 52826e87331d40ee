package org.cuestudio.inference.sheet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Personality;
import org.jspecify.annotations.Nullable;

/**
 * A loaded character sheet: what {@code character.json} says and the rig and sprites cut from its art, or, for a
 * single-portrait sheet, its picture and landmarks (then the rig has no parts and there are no sprites; the canvas
 * is the picture). Immutable; any renderer may share it.
 *
 * @param folder      the sheet folder
 * @param name        display name
 * @param contentHash SHA-256 (hex) of {@code character.json} and the art file
 * @param personality the character's performance traits
 * @param metadata    free-form string metadata (author, license)
 * @param rig         the layer structure in drawing order
 * @param sprites     the sprite documents the rig's art nodes index, with their canvas bounds
 * @param portrait    the picture and landmarks of a single-portrait sheet; null for a layered sheet
 */
public record CharacterSheet(Path folder, String name, String contentHash, Personality personality,
        Map<String, String> metadata, Rig rig, List<SpriteSource> sprites, @Nullable Portrait portrait) {
    public CharacterSheet {
        metadata = Map.copyOf(metadata);
        sprites = List.copyOf(sprites);
    }

    /** A layered sheet. */
    public CharacterSheet(Path folder, String name, String contentHash, Personality personality,
            Map<String, String> metadata, Rig rig, List<SpriteSource> sprites) {
        this(folder, name, contentHash, personality, metadata, rig, sprites, null);
    }

    /** The sprite an art node indexes. */
    public SpriteSource sprite(int id) {
        return sprites.get(id);
    }
}
