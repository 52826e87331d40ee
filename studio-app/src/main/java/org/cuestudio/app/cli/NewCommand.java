package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.NewProject;
import org.cuestudio.format.ProjectFormatException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue new FOLDER --audio FILE --character SHEET}: a new project from a recording and a character sheet. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Makes a new project from a dialogue recording and a character sheet: FOLDER/project.json with "
                + "one character and one shot, the recording copied into FOLDER/audio and the sheet into "
                + "FOLDER/characters, so the folder is self-contained.",
            "FOLDER must not exist or must be empty. Open it with: cue FOLDER"})
public final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER", description = "The new project folder.")
    Path folder;

    @Option(names = {"-a", "--audio"}, required = true, paramLabel = "FILE",
            description = "The dialogue recording (WAV, MP3, M4A/AAC, FLAC, OGG).")
    Path audio;

    @Option(names = {"-c", "--character"}, required = true, paramLabel = "SHEET",
            description = "A character sheet: a folder with character.json, or a .zip of one.")
    Path sheet;

    @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the folder's name).")
    @Nullable String name;

    @Option(names = "--fps", defaultValue = "25", paramLabel = "RATE",
            description = "Frame rate: 23.976, 24, 25, 29.97, 30, 50, 59.94 or 60 (default 25).")
    String fps;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH",
            description = "Final resolution (default 1920x1080).")
    String size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FrameRate rate;
        Resolution res;
        try {
            rate = FrameRate.parse(fps);
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
            if (wh.length != 2) throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, e.g. 1920x1080");
            res = new Resolution(Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        LoadedProject lp;
        try {
            lp = NewProject.create(new NewProject.Request(folder, name, audio, sheet, rate, res));
        } catch (ProjectFormatException e) {
            err.println("error: the project was not made:");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        var c = lp.project().characters().getFirst();
        var s = lp.project().shots().getFirst();
        out.println("made " + lp.file() + ": character " + c.id() + " (" + c.name() + "), shot " + s.id() + " ("
                + s.audio() + ", " + s.frameRate() + " fps, " + s.resolution().width() + "x" + s.resolution().height()
                + ")");
        out.println("open it with: cue " + lp.folder());
        return 0;
    }
}
