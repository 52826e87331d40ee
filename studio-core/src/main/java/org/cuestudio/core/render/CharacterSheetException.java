package org.cuestudio.core.render;

/** A character sheet that cannot be loaded; the message names the file and what is wrong. */
public class CharacterSheetException extends Exception {
    private static final long serialVersionUID = 1L;

    public CharacterSheetException(String message) {
        super(message);
    }

    public CharacterSheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
