package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.Problem;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.ProjectValidator;
import org.jspecify.annotations.Nullable;

/** Opening a project for a command that renders or plans it: read, then validate, reporting every problem. */
final class UsableProject {
    private UsableProject() {}

    /** The project, or null after printing why it cannot be used (the command then exits with 1). */
    static @Nullable LoadedProject open(Path project, PrintWriter err) {
        LoadedProject lp;
        try {
            lp = ProjectFiles.open(project);
        } catch (ProjectFormatException e) {
            err.println("error: the project cannot be read:");
            e.problems().forEach(p -> err.println("  " + p));
            return null;
        }
        List<Problem> problems = ProjectValidator.validate(lp, org.cuestudio.app.StudioServices.gestureLibrary());
        if (!problems.isEmpty()) {
            err.println("error: the project has problems:");
            problems.forEach(p -> err.println("  " + p));
            return null;
        }
        return lp;
    }
}
