package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.export.timeline.EditorialTimeline;
import org.cuestudio.core.export.timeline.FcpxmlWriter;
import org.cuestudio.core.export.timeline.OtioWriter;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue timeline PROJECT}: an editorial timeline (OpenTimelineIO or FCPXML) over the exported media of a shot's
 * takes, or of given media files, with the shot's cues as markers and the takes' metadata.
 */
@Command(name = "timeline", aliases = "export-timeline", mixinStandardHelpOptions = true,
        description = "Writes an editorial timeline over exported renders of a shot: OpenTimelineIO (.otio) or "
                + "FCPXML 1.9 (.fcpxml), one clip per media file, back to back, with the shot's cues as markers at "
                + "their frames and each take's id, seed, rating and notes.")
public final class TimelineCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot (default: the first shot).")
    String shot;

    @Option(names = "--media", paramLabel = "FILE",
            description = "A rendered movie of the shot (.mp4 or .mov); repeat for several clips.")
    List<Path> media = new ArrayList<>();

    @Option(names = "--take", paramLabel = "ID",
            description = "A take (id or name) whose exported file to use, with its metadata; repeat for several. "
                    + "With --media, pairs with the --media of the same position instead.")
    List<String> takes = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "otio or fcpxml.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write (replaced if it exists).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean otio = switch (format.toLowerCase(Locale.ROOT)) {
            case "otio", "opentimelineio" -> true;
            case "fcpxml", "fcpx" -> false;
            default -> throw new IllegalArgumentException("unknown --format '" + format + "': use otio or fcpxml");
        };
        String extension = otio ? ".otio" : ".fcpxml";
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            err.println("error: --out must name a " + extension + " file for --format " + format + ", got " + out);
            return 1;
        }
        if (media.isEmpty() && takes.isEmpty()) {
            err.println("error: name the media to put on the timeline: --media FILE or --take ID");
            return 1;
        }
        if (!media.isEmpty() && !takes.isEmpty() && media.size() != takes.size()) {
            err.println("error: " + media.size() + " --media and " + takes.size() + " --take given; with both, each "
                    + "--media pairs with one --take");
            return 1;
        }
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        Shot s = opened.shot();
        List<EditorialTimeline.Media> clips = new ArrayList<>();
        for (int i = 0; i < Math.max(media.size(), takes.size()); i++) {
            @Nullable Take take = takes.isEmpty() ? null : take(s, takes.get(i));
            Path file = take != null && media.isEmpty() ? takeOutput(lp, s, take) : media.get(i);
            clips.add(new EditorialTimeline.Media(checkedMovie(file).toUri(), take));
        }
        int frames;
        try (StudioServices services = new StudioServices()) {
            frames = services.frameCount(lp, s);
        }
        EditorialTimeline timeline = EditorialTimeline.forShot(lp.project().name(), s, frames, clips);
        String text = otio ? OtioWriter.write(timeline) : FcpxmlWriter.write(timeline);
        Path target = out.toAbsolutePath();
        org.cuestudio.app.TextFiles.writeAtomically(target, w -> w.write(text));
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d clip(s) of %d frames at %s fps, %d markers -> %s (%s)%n",
                s.id(), clips.size(), frames, s.frameRate(), timeline.clips().get(0).markers().size(), target,
                otio ? "OpenTimelineIO" : "FCPXML " + FcpxmlWriter.VERSION);
        return 0;
    }

    private static Take take(Shot shot, String idOrName) {
        return shot.takes().stream().filter(t -> t.id().equals(idOrName)).findFirst()
                .or(() -> shot.takes().stream().filter(t -> t.name().equals(idOrName)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("shot '" + shot.id() + "' has no take '" + idOrName
                        + "'" + (shot.takes().isEmpty() ? " (it has no takes yet)"
                                : " (takes: " + String.join(", ", shot.takes().stream().map(Take::id).toList()) + ")")));
    }

    private static Path takeOutput(LoadedProject lp, Shot shot, Take take) {
        String output = take.output();
        if (output == null) {
            throw new IllegalArgumentException("take '" + take.id() + "' of shot '" + shot.id() + "' has no exported "
                    + "file; render it first, or name the file with --media");
        }
        return lp.resolve(output);
    }

    /** The media file, absolute, after checking it is a movie that exists. */
    private static Path checkedMovie(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException("media " + abs + " is a folder: a timeline references a movie file "
                    + "(.mp4 or .mov); render with --format mp4, prores422hq or prores4444");
        }
        if (!Files.isRegularFile(abs)) throw new IllegalArgumentException("media " + abs + ": no such file");
        String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".mp4") && !name.endsWith(".mov")) {
            throw new IllegalArgumentException("media " + abs + " is not a movie the studio exports (.mp4 or .mov)");
        }
        return abs;
    }
}
