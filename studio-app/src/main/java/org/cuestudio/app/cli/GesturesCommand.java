package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.core.assets.AssetFiles;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.perform.GestureSpec;
import org.cuestudio.format.GestureLibraryReader;
import org.cuestudio.format.ProjectFormatException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cue gestures [--library FILE]}: lists the gestures a gesture cue can name, with their arms and phase
 * times, or every mistake in a library file with its line and column.
 */
@Command(name = "gestures", mixinStandardHelpOptions = true,
        description = {"Lists the gestures of the gesture library (assets/gestures/library.json): id, arms, phase"
                + " times (preparation / stroke / retraction, seconds) and what it is for.",
            "With --library, checks another library file and reports every mistake with its line and column."})
public final class GesturesCommand implements Callable<Integer> {
    @Option(names = "--library", paramLabel = "FILE", description = "A gesture library file to check and list.")
    @Nullable Path library;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GestureLibrary lib;
        try {
            lib = GestureLibraryReader.read(library != null ? library : AssetFiles.find(GestureLibraryReader.ASSETS_PATH));
        } catch (ProjectFormatException e) {
            err.println("error: the gesture library cannot be used:");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        } catch (java.io.FileNotFoundException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.println(lib.gestures().size() + " gestures in " + lib.source());
        for (GestureSpec g : lib.gestures()) {
            out.println(String.format(Locale.ROOT, "  %-14s %-5s %.2f / %.2f / %.2f  %s", g.id(),
                    g.arms().name().toLowerCase(Locale.ROOT), g.preparation(), g.stroke(), g.retraction(),
                    g.description()));
        }
        return 0;
    }
}
