package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.core.direction.DirectionNotes;
import org.cuestudio.core.edit.AddCue;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue direct PROJECT --note TEXT}: turns a direction note into ordinary cues of a shot (for the whole shot,
 * or for a stretch of it with {@code --within}), prints them and what was left out, and saves the project
 * (keeping a backup) unless {@code --dry-run}.
 */
@Command(name = "direct", mixinStandardHelpOptions = true,
        description = {"Turns a direction note (\"nervous, avoids eye contact, then relaxes and smiles at the end\","
                + " or a transcript with (sighs)) into emotion, gesture, gaze and timing cues of a shot, and saves"
                + " them into the project (keeping project.json.bak). Vocabulary: docs/direction-notes.md.",
            "With --within, the note is read for that stretch only (a note on one moment of the shot)."})
public final class DirectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot to direct (default: the first shot).")
    @Nullable String shot;

    @Option(names = "--note", paramLabel = "TEXT", required = true, description = "The direction note.")
    String note;

    @Option(names = "--within", paramLabel = "FROM-TO",
            description = "Only this stretch of the shot, in seconds, e.g. 2.5-6.")
    @Nullable String within;

    @Option(names = "--dry-run", description = "Print the cues without saving them.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        Project p = lp.project();
        Shot s = opened.shot();
        long length;
        try (org.cuestudio.app.StudioServices services = new org.cuestudio.app.StudioServices()) {
            length = services.shotAudio(lp, s).durationTicks();
        }
        TimeRange span = new TimeRange(0, length);
        if (within != null) {
            span = stretch(within, length);
            if (span == null) {
                err.println("error: --within '" + within + "' is not a stretch of shot '" + s.id() + "' (0-"
                        + String.format(Locale.ROOT, "%.2f", Ticks.toSeconds(length)) + " s); write FROM-TO in seconds,"
                        + " e.g. 2.5-6");
                return 1;
            }
        }
        String prefix = freePrefix(s);
        DirectionNotes.Result r = DirectionNotes.parseWithin(note, span, prefix);
        for (Cue c : r.cues()) {
            out.printf(Locale.ROOT, "%-10s %-8s %7.2f-%6.2f s  %s%n", c.id(),
                    org.cuestudio.core.model.CueLane.of(c).label(), Ticks.toSeconds(c.range().start()),
                    Ticks.toSeconds(c.range().endExclusive()), c.label());
        }
        r.warnings().forEach(w -> out.println("note: " + w));
        if (r.cues().isEmpty()) {
            err.println("error: the note gave no cues");
            return 1;
        }
        if (dryRun) return 0;
        Project edited = p;
        for (Cue c : r.cues()) edited = new AddCue(s.id(), c).apply(edited);
        ProjectFiles.save(lp.file(), edited);
        out.println("added " + r.cues().size() + " cue" + (r.cues().size() == 1 ? "" : "s") + " to shot '" + s.id()
                + "' in " + lp.file());
        return 0;
    }

    /** "FROM-TO" in seconds inside the shot, or null. */
    static @Nullable TimeRange stretch(String text, long shotTicks) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) return null;
        try {
            long from = Ticks.ofSeconds(Double.parseDouble(parts[0])), to = Ticks.ofSeconds(Double.parseDouble(parts[1]));
            if (from < 0 || to <= from || to > shotTicks) return null;
            return TimeRange.between(from, to);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cue id prefix no cue of the shot uses yet: note, note2, note3, ... */
    private static String freePrefix(Shot s) {
        for (int k = 1;; k++) {
            String prefix = k == 1 ? "note" : "note" + k;
            boolean used = s.allCues().stream().anyMatch(c -> c.id().startsWith(prefix + "-"))
                    || s.partners().stream().flatMap(pt -> pt.tracks().stream()).flatMap(t -> t.cues().stream())
                            .anyMatch(c -> c.id().startsWith(prefix + "-"));
            if (!used) return prefix;
        }
    }
}
