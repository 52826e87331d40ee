package org.cuestudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cue bench ...}: benchmarks of the studio's parts; the figures go in docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (figures: docs/benchmarks.md).",
        subcommands = {BenchPlannerCommand.class, BenchCacheCommand.class, BenchRenderCommand.class,
                BenchAudioCommand.class, BenchFormatCommand.class, BenchExportCommand.class,
                BenchPlaybackCommand.class, BenchLiveCommand.class, BenchUiCommand.class,
                CommandLine.HelpCommand.class})
public final class BenchCommand {
}
