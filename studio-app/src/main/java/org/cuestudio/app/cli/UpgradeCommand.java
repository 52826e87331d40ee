package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.ProjectUpgrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue upgrade PROJECT}: rewrites a project file written by an older Cue Studio in the current format, after
 * keeping the original as {@code project.json.vN.bak}; says what it did. Refuses files from a newer release.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Rewrites a project written by an older Cue Studio in the current format, keeping the"
                + " original as project.json.vN.bak (N: the oldest version found).",
            "A current project is left alone; a project from a newer Cue Studio, or a damaged one, is refused."})
public final class UpgradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectUpgrade.Report r;
        try {
            r = ProjectUpgrade.upgrade(project);
        } catch (ProjectFormatException e) {
            err.println(e.fromNewerRelease()
                    ? "error: this project was written by a newer Cue Studio; upgrade Cue Studio to open it."
                            + " Nothing was changed:"
                    : "error: the project cannot be read, so it was not upgraded (fix it first, see 'cue validate'):");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        if (!r.changed()) {
            out.println(r.file() + " is already in the current format; nothing to do");
            return 0;
        }
        out.println("upgraded " + r.file() + " to the current format:");
        r.upgrades().forEach(u -> out.println("  " + u));
        out.println("the original is kept as " + r.backup());
        return 0;
    }
}
