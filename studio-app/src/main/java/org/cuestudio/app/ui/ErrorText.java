package org.cuestudio.app.ui;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.task.CancelledException;
import org.cuestudio.format.ProjectFormatException;

/**
 * Turns failures into the short messages the studio window shows in its status line: what failed and why, on
 * one line, never a stack trace.
 */
final class ErrorText {
    private ErrorText() {}

    static String describe(Throwable ex) {
        Throwable e = unwrap(ex);
        String text = switch (e) {
            case ProjectFormatException p -> "the project cannot be read: " + p.problems().get(0)
                    + (p.problems().size() > 1 ? " (and " + (p.problems().size() - 1) + " more problems)" : "");
            case AudioDecodeException a -> a.getMessage();
            case CharacterSheetException c -> "character sheet: " + c.getMessage();
            case CancelledException c -> "cancelled";
            case NoSuchFileException n -> "no such file: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case IOException io -> "input/output error: " + io.getMessage();
            case IllegalArgumentException r -> messageOr(r);
            case IllegalStateException r -> messageOr(r);
            case UnsupportedOperationException r -> messageOr(r);
            case OutOfMemoryError oom -> "out of memory: " + oom.getMessage();
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ").trim();
        return oneLine.length() > 400 ? oneLine.substring(0, 399) + "…" : oneLine;
    }

    private static String messageOr(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The failure inside the wrappers that executors and futures add. */
    static Throwable unwrap(Throwable ex) {
        Throwable e = ex;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof java.lang.reflect.InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
