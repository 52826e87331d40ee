package org.cuestudio.inference.render;

import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.inference.sheet.CharacterSheet;
import org.jspecify.annotations.Nullable;

/**
 * A character sheet loaded by a {@link DjlRenderBackend}: the sheet, its poser (a layered sheet) or its mesh (a
 * single portrait), and the backend that owns it.
 */
final class DjlCharacterModel implements CharacterModel {
    private final DjlRenderBackend owner;
    private final CharacterSheet sheet;
    private final LayerPoser poser;
    private final @Nullable PortraitMesh mesh;

    DjlCharacterModel(DjlRenderBackend owner, CharacterSheet sheet) {
        this.owner = owner;
        this.sheet = sheet;
        this.poser = new LayerPoser(sheet.rig());
        this.mesh = sheet.portrait() == null ? null : new PortraitMesh(sheet.portrait());
    }

    /** The portrait's mesh; null for a layered sheet. */
    @Nullable PortraitMesh mesh() {
        return mesh;
    }

    @Override
    public String name() {
        return sheet.name();
    }

    @Override
    public String contentHash() {
        return sheet.contentHash();
    }

    CharacterSheet sheet() {
        return sheet;
    }

    LayerPoser poser() {
        return poser;
    }

    DjlRenderBackend owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "DjlCharacterModel[" + sheet.name() + ", " + sheet.contentHash().substring(0, 12) + "]";
    }
}
