package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.format.cache.CacheBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cue bench cache}: the segment cache's throughput, playback decode speed and index lookup times. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Measures the segment cache: storing and reading 2-second 1080p segments of render-like "
                + "frames (MB/s, segments/s), frames per second decoded for playback, and index lookups among "
                + "100,000 entries. Takes about a minute; writes to a temporary folder and deletes it.")
public final class BenchCacheCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--segments", defaultValue = "8", description = "Segments stored and read. Default: ${DEFAULT-VALUE}.")
    int segments;

    @Option(names = "--frames", defaultValue = "50", description = "Frames per segment. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--resolution", defaultValue = "1920x1080", paramLabel = "WxH",
            description = "Frame size. Default: ${DEFAULT-VALUE}.")
    String resolution;

    @Option(names = "--entries", defaultValue = "100000", description = "Index entries. Default: ${DEFAULT-VALUE}.")
    int entries;

    @Option(names = "--lookups", defaultValue = "20000",
            description = "Timed index lookups of each kind. Default: ${DEFAULT-VALUE}.")
    int lookups;

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Where to write (on the disk to measure). Default: the temporary folder.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Resolution size = parseResolution(resolution);
        PrintWriter err = spec.commandLine().getErr();
        CacheBenchmark.Report report = CacheBenchmark.run(new CacheBenchmark.Options(segments, frames, size.width(),
                size.height(), entries, lookups, dir), line -> {
                    err.println("bench cache: " + line);
                    err.flush();
                });
        spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
        return 0;
    }

    private static Resolution parseResolution(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) return new Resolution(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("--resolution must be WIDTHxHEIGHT, e.g. 1920x1080, got '" + text + "'");
    }
}
