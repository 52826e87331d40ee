package org.cuestudio.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.format.ProjectFormatException;

/** Turns failures into the one-line messages users see (what failed and where), without stack traces. */
public final class Errors {
    private Errors() {}

    public static String describe(Throwable ex) {
        return switch (ex) {
            case ProjectFormatException e -> "the project cannot be read:\n  " + e.getMessage().replace("\n", "\n  ");
            case AudioDecodeException e -> e.getMessage();
            case CharacterSheetException e -> "character sheet: " + e.getMessage();
            case NoSuchFileException e -> "no such file: " + e.getFile();
            case AccessDeniedException e -> "permission denied: " + e.getFile();
            case IOException e -> "input/output error: " + e.getMessage();
            case IllegalArgumentException e -> e.getMessage();
            default -> ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + " (run with -Dcue.debug=true for details)";
        };
    }
}
