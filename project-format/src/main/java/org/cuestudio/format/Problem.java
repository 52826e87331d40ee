package org.cuestudio.format;

import java.nio.file.Path;

/**
 * One thing wrong with a project file, for people: which file, where (line and column from 1; 0 when the problem
 * concerns the whole file), what is wrong, and a one-line hint on how to fix it (empty when there is none).
 */
public record Problem(Path file, int line, int column, String message, String hint) {
    /** A problem with no fix hint. */
    public Problem(Path file, int line, int column, String message) {
        this(file, line, column, message, "");
    }

    /** The same problem at another place. */
    Problem at(int newLine, int newColumn) {
        return new Problem(file, newLine, newColumn, message, hint);
    }

    /** {@code file:line:column: message; fix: hint}, on one line. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message
                + (hint.isEmpty() ? "" : "; fix: " + hint);
    }
}
