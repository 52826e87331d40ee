package org.cuestudio.format;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A project file that cannot be used, with every problem found in it (file, line, column, what is wrong, how to
 * fix it). The only exception reading a project throws.
 */
public class ProjectFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final boolean fromNewerRelease;

    public ProjectFormatException(List<Problem> problems) {
        this(problems, false);
    }

    /**
     * @param problems every problem, at least one
     * @param fromNewerRelease whether the file holds objects of versions newer than this release reads
     */
    public ProjectFormatException(List<Problem> problems, boolean fromNewerRelease) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a format error needs at least one problem");
        this.problems = List.copyOf(problems);
        this.fromNewerRelease = fromNewerRelease;
    }

    public ProjectFormatException(Path file, String message) {
        this(List.of(new Problem(file, 0, 0, message)));
    }

    public ProjectFormatException(Path file, String message, String hint) {
        this(List.of(new Problem(file, 0, 0, message, hint)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Whether the file was written by a newer Cue Studio than this one, which refuses it rather than lose data. */
    public boolean fromNewerRelease() {
        return fromNewerRelease;
    }
}
