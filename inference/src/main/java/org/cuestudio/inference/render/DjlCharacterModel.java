package org.cuestudio.inference.render;

import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.inference.sheet.CharacterSheet;

/** A character sheet loaded by a {@link DjlRenderBackend}: the sheet, its poser, and the backend that owns it. */
final class DjlCharacterModel implements CharacterModel {
    private final DjlRenderBackend owner;
    private final CharacterSheet sheet;
    private final LayerPoser poser;

    DjlCharacterModel(DjlRenderBackend owner, CharacterSheet sheet) {
        this.owner = owner;
        this.sheet = sheet;
        this.poser = new LayerPoser(sheet.rig());
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
