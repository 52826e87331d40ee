package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cuestudio.format.FormatBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue bench format}: saves and opens a large generated project (by default 200 shots of 10,000 cues) in a
 * scratch folder several times and prints the times. The target is under 2 s each on a 2-core machine; figures go
 * in {@code docs/benchmarks.md}. The work is {@link FormatBenchmark}.
 */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = {"Saves and opens a generated project (default 200 shots x 10,000 cues) several times in a"
                + " scratch folder and reports the times; the first round includes JIT warm-up. Target: under 2 s"
                + " each.", "Needs about 3 GB of memory and 600 MB of free disk at the default size."})
public final class BenchFormatCommand implements Callable<Integer> {
    @Option(names = "--shots", paramLabel = "N", defaultValue = "200",
            description = "Shots. Default: ${DEFAULT-VALUE}.")
    int shots;

    @Option(names = "--cues", paramLabel = "N", defaultValue = "10000",
            description = "Cues per shot, over the four lanes. Default: ${DEFAULT-VALUE}.")
    int cues;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Save/open rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "Scratch folder (default: a temporary folder).")
    Path dir;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = dir != null ? dir : Files.createTempDirectory("cue-bench-format");
        try {
            FormatBenchmark.Figures f = FormatBenchmark.run(new FormatBenchmark.Settings(shots, cues, rounds, folder),
                    line -> {
                        err.println(line);
                        err.flush();
                    });
            out.println(json ? f.toJson() : f.toText());
        } finally {
            if (dir == null) Files.deleteIfExists(folder);
        }
        return 0;
    }
}
