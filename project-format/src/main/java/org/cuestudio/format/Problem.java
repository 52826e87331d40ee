package org.cuestudio.format;

import java.nio.file.Path;

/** One thing wrong with a project file, where it is (line and column from 1; 0 when unknown) and what to do. */
public record Problem(Path file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message;
    }
}
