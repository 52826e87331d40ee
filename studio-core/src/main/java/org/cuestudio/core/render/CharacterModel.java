package org.cuestudio.core.render;

/** A character sheet loaded by a backend, ready to render; owned by that backend. */
public interface CharacterModel {
    /** Display name from the sheet. */
    String name();

    /** SHA-256 (hex) of the sheet's files, part of every segment key rendered from it. */
    String contentHash();
}
