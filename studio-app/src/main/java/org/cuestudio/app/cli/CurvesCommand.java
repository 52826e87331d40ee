package org.cuestudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.audio.RhubarbFormat;
import org.cuestudio.core.curves.CurvesJson;
import org.cuestudio.core.curves.LiveLinkFaceCsv;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.format.LoadedProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cue curves PROJECT}: plans a shot and writes its whole performance as curves for 3D tools. */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Plans a shot and writes its performance as curves: Live Link Face CSV (ARKit-52 blendshapes "
                + "plus head and eye rotation, for Unreal, Blender, Maya) or Cue Studio JSON (every channel). "
                + "Formats: docs/curves.md.")
public final class CurvesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to export (default: the first shot).")
    String shot;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "livelinkface (CSV), json (every channel), rhubarb-tsv or rhubarb-json (the mouth shapes as"
                    + " the performance shows them, corrections included, in Rhubarb Lip Sync's formats).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write (replaced if it exists).")
    Path out;

    @Option(names = "--character", paramLabel = "ID",
            description = "Which character of the shot (default: the shot's own; a partner's id for its curves).")
    String character;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the micro-performance. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--rotation-units", paramLabel = "UNITS", defaultValue = "normalised",
            description = "Live Link Face head and eye rotations: normalised (degrees / 180, as Unreal's ARKit "
                    + "support sends them), radians or degrees. Default: ${DEFAULT-VALUE}.")
    String rotationUnits;

    @Spec
    CommandSpec spec;

    /** The export formats, by their command-line names. */
    enum Format {
        LIVELINKFACE, JSON, RHUBARB_TSV, RHUBARB_JSON;

        static Format parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "livelinkface", "live-link-face", "llf", "csv" -> LIVELINKFACE;
                case "json" -> JSON;
                case "rhubarb-tsv", "tsv" -> RHUBARB_TSV;
                case "rhubarb-json" -> RHUBARB_JSON;
                default -> throw new IllegalArgumentException("unknown format '" + text
                        + "': use livelinkface, json, rhubarb-tsv or rhubarb-json");
            };
        }

        String label() {
            return switch (this) {
                case LIVELINKFACE -> "Live Link Face CSV";
                case JSON -> "curve JSON";
                case RHUBARB_TSV -> "mouth cues, Rhubarb TSV";
                case RHUBARB_JSON -> "mouth cues, Rhubarb JSON";
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Format f = Format.parse(format);
        LiveLinkFaceCsv.RotationUnits units = LiveLinkFaceCsv.RotationUnits.parse(rotationUnits);
        if (Files.isDirectory(out)) {
            err.println("error: --out must name a file, but " + out + " is a folder");
            return 1;
        }
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        Shot s = opened.shot();
        Performance perf;
        try (StudioServices services = new StudioServices()) {
            StudioServices.ShotMedia media = services.media(lp, s);
            String who = character == null ? s.characterId() : character;
            if (!s.cast().contains(who)) {
                err.println("error: character '" + who + "' is not in shot '" + s.id() + "'; the shot has " + s.cast());
                return 1;
            }
            perf = services.plan(lp.project(), s, media, who, seed);
        }
        Path target = out.toAbsolutePath();
        org.cuestudio.app.TextFiles.writeAtomically(target, w -> {
            if (f == Format.LIVELINKFACE) {
                LiveLinkFaceCsv.write(perf, units, w);
            } else if (f == Format.RHUBARB_TSV || f == Format.RHUBARB_JSON) {
                // The mouth as the performance shows it: the lip-sync track with the director's corrections.
                List<MouthCue> cues = mouthCues(perf);
                long end = perf.frameRate().frameToTicks(perf.frameCount());
                w.write(f == Format.RHUBARB_TSV ? RhubarbFormat.tsv(cues, end) : RhubarbFormat.json(cues, s.audio(), end));
            } else {
                Map<String, String> source = new LinkedHashMap<>();
                source.put("project", lp.project().name());
                source.put("shot", s.id());
                source.put("character", character == null ? s.characterId() : character);
                source.put("seed", Long.toString(seed));
                source.put("planner", PerformancePlanner.VERSION);
                CurvesJson.write(perf, source, w);
            }
        });
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d frames at %s fps -> %s (%s)%n", s.id(),
                perf.frameCount(), perf.frameRate(), target, f.label());
        return 0;
    }

    /** The performance's mouths as cues, one per run of a shape and its Character Animator mouth. */
    static List<MouthCue> mouthCues(Performance perf) {
        List<MouthCue> out = new java.util.ArrayList<>();
        int f = 0;
        while (f < perf.frameCount()) {
            org.cuestudio.core.model.MouthShape shape = perf.frames().get(f).mouthShape();
            org.cuestudio.core.model.AnimatorMouth mouth = perf.frames().get(f).animatorMouth();
            int e = f + 1;
            while (e < perf.frameCount() && perf.frames().get(e).mouthShape() == shape
                    && perf.frames().get(e).animatorMouth() == mouth) e++;
            if ((shape == org.cuestudio.core.model.MouthShape.X) == mouth.isViseme()) {
                mouth = org.cuestudio.core.model.AnimatorMouth.of(shape);
            }
            out.add(new MouthCue(perf.frameRate().frameToTicks(f), perf.frameRate().frameToTicks(e), shape, mouth));
            f = e;
        }
        return out;
    }
}
