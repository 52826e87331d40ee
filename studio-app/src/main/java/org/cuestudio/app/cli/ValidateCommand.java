package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cuestudio.format.EmotionPresetsReader;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.Problem;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.ProjectValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue validate PROJECT}: prints {@code ok} (exit 0) or every problem found, one per line with file, line,
 * column and a fix hint (exit 1). Reads only project.json: the backup and the autosave side file are ignored.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a project: prints 'ok' (exit 0), or every problem, one per line as"
                + " FILE:LINE:COLUMN: PROBLEM; fix: HINT (exit 1).",
            "Checks the JSON, every field, and that the media the project names exist inside its folder."
                + " Objects kept from a newer Cue Studio, and emotion cues naming a preset the project does not"
                + " have, are listed as notes after 'ok'."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = List.of();
        List<String> upgrades = List.of();
        try {
            LoadedProject lp = ProjectFiles.open(project);
            problems.addAll(ProjectValidator.validate(lp, org.cuestudio.app.StudioServices.gestureLibrary()));
            notes = ProjectValidator.notes(lp, shippedPresets());
            upgrades = lp.upgrades();
        } catch (ProjectFormatException e) {
            problems.addAll(e.problems());
        }
        if (problems.isEmpty()) {
            out.println("ok");
            notes.forEach(n -> out.println("note: " + n));
            if (!upgrades.isEmpty()) {
                out.println("note: written by an older Cue Studio; 'cue upgrade " + project + "' rewrites it in the"
                        + " current format (" + upgrades.size() + " kinds of upgrade)");
            }
            return 0;
        }
        problems.forEach(out::println);
        return 1;
    }

    /** The starter presets of the installation, which emotion cues may name too; none when they cannot be read. */
    private static List<org.cuestudio.core.model.EmotionPreset> shippedPresets() {
        try {
            return EmotionPresetsReader.read(org.cuestudio.core.assets.AssetFiles.find(EmotionPresetsReader.ASSETS_PATH));
        } catch (ProjectFormatException | java.io.IOException e) {
            return List.of();
        }
    }
}
