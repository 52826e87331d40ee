package org.cuestudio.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.Problem;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.ProjectValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue validate PROJECT}: prints {@code ok}, or every problem found, one per line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a project: prints 'ok' (exit 0) or each problem with file, line and column (exit 1).")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        try {
            LoadedProject lp = ProjectFiles.open(project);
            problems.addAll(ProjectValidator.validate(lp));
        } catch (ProjectFormatException e) {
            problems.addAll(e.problems());
        }
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println("ok");
            return 0;
        }
        problems.forEach(p -> spec.commandLine().getOut().println(p));
        return 1;
    }
}
