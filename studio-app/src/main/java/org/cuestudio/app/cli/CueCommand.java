package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.ui.StudioApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue [PROJECT]}: opens the studio window; the sub-commands work headless. */
@Command(name = "cue", mixinStandardHelpOptions = true, versionProvider = CueCommand.Version.class,
        description = "Cue Studio: direct character performances. With no sub-command, opens the studio window "
                + "on PROJECT (default: the bundled sample project).",
        subcommands = {NewCommand.class, RenderCommand.class, ValidateCommand.class, UpgradeCommand.class, LipSyncCommand.class,
                CurvesCommand.class, TimelineCommand.class, TakesCommand.class, QueueCommand.class, CacheCommand.class, BenchCommand.class, DoctorCommand.class,
                SheetCommand.class, GesturesCommand.class, DirectCommand.class, LiveCommand.class,
                CommandLine.HelpCommand.class})
public final class CueCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
            description = "Project folder or project.json to open.")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path p = project != null ? project : SampleProject.path();
        if (!hasDisplay()) {
            spec.commandLine().getErr().println("error: cannot open the studio window: no display (DISPLAY is not set)."
                    + " Run it on a desktop, or use the headless commands: ./cue --help");
            return 1;
        }
        StudioApp.launchWith(p);
        return 0;
    }

    /** On Linux a window needs an X11 or Wayland display; elsewhere the toolkit always has one. */
    static boolean hasDisplay() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return true;
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform"));
    }

    /** The command line with Cue Studio's error handling: clear one-line messages, never stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CueCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + Errors.describe(ex));
            if (Boolean.getBoolean("cue.debug")) ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    /** Version from the jar manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CueCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Cue Studio " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
