package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.Problem;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.ProjectValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue render PROJECT}: renders a shot to a playable MP4 with its audio. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Renders a shot to an MP4 (H.264 + AAC) with its audio. Segments already in the project's "
                + "cache are reused.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to render (default: the first shot).")
    String shot;

    @Option(names = "--quality", paramLabel = "TIER", defaultValue = "final",
            description = "preview (360p, fast) or final (the shot's resolution). Default: ${DEFAULT-VALUE}.")
    String quality;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the micro-performance. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: renders/SHOT-QUALITY.mp4 in the project folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Quality q = Quality.parse(quality);
        LoadedProject lp;
        try {
            lp = ProjectFiles.open(project);
        } catch (ProjectFormatException e) {
            err.println("error: the project cannot be read:");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        List<Problem> problems = ProjectValidator.validate(lp);
        if (!problems.isEmpty()) {
            err.println("error: the project has problems:");
            problems.forEach(p -> err.println("  " + p));
            return 1;
        }
        Shot s = shot == null ? lp.project().shots().get(0) : lp.project().requireShot(shot);
        Path target = out != null ? out : lp.folder().resolve("renders").resolve(s.id() + "-" + q.id() + ".mp4");
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
            err.println("error: --out must name an .mp4 file, got " + target);
            return 1;
        }
        try (StudioServices services = new StudioServices()) {
            ProgressBar bar = new ProgressBar(err);
            StudioServices.RenderReport r = services.renderToFile(lp, s.id(), q, seed, target, bar, CancellationToken.NONE);
            bar.done();
            stdout.printf(Locale.ROOT, "%s: %d frames (%d rendered, %d reused from cache) in %.1f s -> %s%n", s.id(),
                    r.frames(), r.framesRendered(), r.framesReused(), r.seconds(), r.output());
        }
        return 0;
    }
}
