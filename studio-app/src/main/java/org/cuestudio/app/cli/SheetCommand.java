package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.core.render.SheetReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue sheet ...}: tools for character sheets (docs/character-sheets.md). */
@Command(name = "sheet", mixinStandardHelpOptions = true, description = "Character sheet tools.",
        subcommands = {SheetCommand.Check.class, CommandLine.HelpCommand.class})
public final class SheetCommand {
    /**
     * {@code cue sheet check DIR}: says what a character sheet provides, what it lacks and what the renderer draws
     * instead; exit status 0 when the sheet is usable (warnings allowed), 1 when it cannot be loaded.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Reports what a character sheet folder provides (head views, eyes, mouths, arms, hand "
                    + "poses, pivots), what is missing and what is used instead, and errors for broken files. "
                    + "Exit status 0 when the sheet is usable, 1 when it is not.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The character sheet folder (with character.json).")
        Path folder;

        @Option(names = "--backend", paramLabel = "ID", description = "The render backend to check the folder with, "
                + "e.g. neural-torchscript for a neural model folder (docs/model-contract.md); default: -D"
                + RenderBackendProvider.PROPERTY + ", else the best one (see cue doctor).")
        @Nullable String backendId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SheetReport r;
            String chosen = backendId != null ? backendId : System.getProperty(RenderBackendProvider.PROPERTY);
            try (RenderBackend backend = RenderBackendProvider.select(chosen).create()) {
                r = backend.checkSheet(folder);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.name() + " (" + folder + ")");
            if (!r.provides().isEmpty()) {
                out.println("provides:");
                r.provides().forEach(p -> out.println("  " + p));
            }
            if (!r.warnings().isEmpty()) {
                out.println("warnings:");
                r.warnings().forEach(w -> out.println("  " + w));
            }
            if (!r.usable()) {
                out.println("errors:");
                r.errors().forEach(e -> out.println("  " + e));
            }
            out.println(r.usable() ? (r.warnings().isEmpty() ? "ok" : "usable, with " + r.warnings().size()
                    + " warning" + (r.warnings().size() == 1 ? "" : "s")) : "not usable");
            out.flush();
            return r.usable() ? 0 : 1;
        }
    }
}
