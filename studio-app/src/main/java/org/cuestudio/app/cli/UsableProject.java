package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.Shot;
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

    /** A usable project and the shot a command works on. */
    record WithShot(LoadedProject lp, Shot shot) {}

    /**
     * The project (as {@link #open}) and its shot {@code shotId}, or its first shot when null; null after printing
     * why not (no such shot: the ids there are; no shots at all).
     */
    static @Nullable WithShot openShot(Path project, @Nullable String shotId, PrintWriter err) {
        LoadedProject lp = open(project, err);
        if (lp == null) return null;
        List<Shot> shots = lp.project().shots();
        if (shots.isEmpty()) {
            err.println("error: the project has no shots");
            return null;
        }
        Shot s = shotId == null ? shots.get(0) : lp.project().shot(shotId).orElse(null);
        if (s == null) {
            err.println("error: no shot '" + shotId + "' in " + lp.file() + "; its shots are "
                    + shots.stream().map(Shot::id).toList());
            return null;
        }
        return new WithShot(lp, s);
    }
}
