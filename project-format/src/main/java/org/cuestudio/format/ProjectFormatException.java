package org.cuestudio.format;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A project file that cannot be used, with every problem found in it (file, line, column, what is wrong). */
public class ProjectFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ProjectFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a format error needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public ProjectFormatException(Path file, String message) {
        this(List.of(new Problem(file, 0, 0, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
