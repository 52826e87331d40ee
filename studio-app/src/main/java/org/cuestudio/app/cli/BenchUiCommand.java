package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.ui.UiBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cue bench ui}: launch to an interactive window, and timeline redraws with 10,000 cues. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Times the studio window: from the start of this process to an interactive window on the "
                + "sample project (target < 4 s on 2 cores), then redraws of the timeline of a 10-minute shot with "
                + "10,000 cues, at a working zoom (10 s in view) and with the whole shot in view (target < 8 ms).",
            "Needs a display: on a headless machine run it under xvfb-run."})
public final class BenchUiCommand implements Callable<Integer> {
    static final double LAUNCH_TARGET_MS = 4000, REDRAW_TARGET_MS = 8;

    @Option(names = "--cues", defaultValue = "10000", description = "Cues on the timeline. Default: ${DEFAULT-VALUE}.")
    int cues;

    @Option(names = "--rounds", defaultValue = "200", description = "Timed redraws per zoom. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!CueCommand.hasDisplay()) {
            spec.commandLine().getErr().println("error: cue bench ui needs a display; run it as: xvfb-run -a ./cue bench ui");
            return 1;
        }
        if (cues < 4 || rounds < 1) throw new IllegalArgumentException("--cues must be at least 4 and --rounds at least 1");
        Path dir = Files.createTempDirectory("cue-bench-ui");
        try {
            UiBenchmark.Result r = UiBenchmark.run(SampleProject.path(), dir, cues, rounds);
            if (json) {
                out.printf(Locale.ROOT, "{\"launchMs\": %.0f, \"firstFrameMs\": %.0f, \"cues\": %d, \"shotSeconds\": %.1f, \"rounds\": %d, "
                        + "\"zoomedMedianMs\": %.3f, \"zoomedP95Ms\": %.3f, \"zoomedVisibleCues\": %d, "
                        + "\"wholeMedianMs\": %.3f, \"wholeP95Ms\": %.3f}%n", r.launchMs(), r.firstFrameMs(), r.cues(), r.shotSeconds(),
                        r.rounds(), r.zoomedMedianMs(), r.zoomedP95Ms(), r.zoomedVisible(), r.wholeMedianMs(),
                        r.wholeP95Ms());
            } else {
                out.printf(Locale.ROOT, "launch to an interactive window: %.2f s (target < %.0f s); first preview frame: "
                        + "%.2f s%n", r.launchMs() / 1000, LAUNCH_TARGET_MS / 1000, r.firstFrameMs() / 1000);
                out.printf(Locale.ROOT, "timeline, %d cues over %.0f s, %d redraws each:%n", r.cues(), r.shotSeconds(),
                        r.rounds());
                out.printf(Locale.ROOT, "  10 s in view (%d cues visible, the rest culled): median %.2f ms, p95 %.2f ms "
                        + "(target < %.0f ms)%n", r.zoomedVisible(), r.zoomedMedianMs(), r.zoomedP95Ms(), REDRAW_TARGET_MS);
                out.printf(Locale.ROOT, "  whole shot in view: median %.2f ms, p95 %.2f ms%n", r.wholeMedianMs(),
                        r.wholeP95Ms());
            }
            return 0;
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
