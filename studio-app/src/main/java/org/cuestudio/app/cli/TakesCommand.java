package org.cuestudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cuestudio.core.edit.CreateTake;
import org.cuestudio.core.edit.DeleteTake;
import org.cuestudio.core.edit.DuplicateTake;
import org.cuestudio.core.edit.Edit;
import org.cuestudio.core.edit.JudgeTake;
import org.cuestudio.core.edit.RenameTake;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cue takes PROJECT}: the takes of a shot as a take sheet (seed, quality, stars, circled, when, file, and
 * whether the shot changed since), and the director's changes to one take: rename, duplicate, delete, rate,
 * circle, notes. Changes are saved into the project (keeping project.json.bak).
 */
@Command(name = "takes", mixinStandardHelpOptions = true,
        description = {"Lists the takes of a shot: id, name, seed, quality, rating (stars), circled, when it was "
                + "rendered, its file, and whether the shot has changed since (its content hash differs from the "
                + "one recorded). Takes are recorded by cue render; see docs/takes.md.",
            "With --take and any of --rename, --duplicate, --delete, --rate, --circle/--uncircle, --notes: changes "
                + "that take and saves the project (keeping project.json.bak)."})
public final class TakesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder or project.json.")
    Path project;

    @Option(names = "--shot", paramLabel = "ID", description = "Shot (default: the first shot).")
    @Nullable String shot;

    @Option(names = "--take", paramLabel = "ID", description = "The take to change (id or name).")
    @Nullable String take;

    @Option(names = "--rename", paramLabel = "NAME", description = "Give the take this name.")
    @Nullable String rename;

    @Option(names = "--duplicate", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "Copy the take (and its file) as a new take, named NAME (default: \"<name> copy\"); "
                    + "keep a version before rendering the original again.")
    @Nullable String duplicate;

    @Option(names = "--delete", description = "Delete the take and its file (unless --keep-file or another take "
            + "uses the file).")
    boolean delete;

    @Option(names = "--keep-file", description = "With --delete: keep the take's rendered file.")
    boolean keepFile;

    @Option(names = "--rate", paramLabel = "STARS", description = "Rate the take 0-5 stars (0: unrated).")
    @Nullable Integer rate;

    @Option(names = "--circle", description = "Circle the take (a keeper).")
    boolean circle;

    @Option(names = "--uncircle", description = "Remove the circle.")
    boolean uncircle;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Set the take's notes (\"\" clears them).")
    @Nullable String notes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean changes = rename != null || duplicate != null || delete || rate != null || circle || uncircle
                || notes != null;
        if (changes && take == null) {
            throw new ParameterException(spec.commandLine(), "name the take to change with --take ID");
        }
        if (circle && uncircle) throw new ParameterException(spec.commandLine(), "--circle or --uncircle, not both");
        if (keepFile && !delete) throw new ParameterException(spec.commandLine(), "--keep-file goes with --delete");
        if (delete && (rename != null || duplicate != null || rate != null || circle || uncircle || notes != null)) {
            throw new ParameterException(spec.commandLine(), "--delete cannot be combined with other changes");
        }
        if (rate != null && (rate < 0 || rate > 5)) {
            throw new ParameterException(spec.commandLine(), "--rate is 0 to 5 stars, got " + rate);
        }
        UsableProject.WithShot opened = UsableProject.openShot(project, shot, err);
        if (opened == null) return 1;
        LoadedProject lp = opened.lp();
        Shot s = opened.shot();
        if (take == null) {
            list(lp, s, out);
            return 0;
        }
        if (!changes) {
            list(lp, s.withTakes(List.of(s.requireTake(take))), out);
            return 0;
        }
        Take t = s.requireTake(take);
        Project p = lp.project();
        List<String> done = new ArrayList<>();
        List<Runnable> afterSave = new ArrayList<>();
        if (rename != null) {
            p = apply(p, new RenameTake(s.id(), t.id(), rename));
            done.add("renamed " + t.id() + " to \"" + rename + "\"");
        }
        if (rate != null || circle || uncircle || notes != null) {
            p = apply(p, new JudgeTake(s.id(), t.id(), rate, circle ? Boolean.TRUE : uncircle ? Boolean.FALSE : null,
                    notes));
            if (rate != null) done.add("rated " + t.id() + " " + stars(rate));
            if (circle) done.add("circled " + t.id());
            if (uncircle) done.add("uncircled " + t.id());
            if (notes != null) done.add("set the notes of " + t.id());
        }
        if (duplicate != null) {
            Shot now = p.requireShot(s.id());
            int number = RenderCommand.nextTakeNumber(lp.with(p), now);
            String id = CreateTake.ID_PREFIX + number;
            String name = duplicate.isBlank() ? p.requireShot(s.id()).requireTake(t.id()).name() + " copy" : duplicate;
            String output = null;
            if (t.output() != null && Files.exists(lp.resolve(t.output()))) {
                Path from = lp.resolve(t.output());
                String fileName = from.getFileName().toString();
                int dot = fileName.lastIndexOf('.');
                String ext = Files.isDirectory(from) ? "-png" : dot < 0 ? "" : fileName.substring(dot);
                output = RenderCommand.TAKES_FOLDER + "/" + s.id() + "-take-" + number + ext;
                copy(from, lp.resolve(output));
            }
            p = apply(p, new DuplicateTake(s.id(), t.id(), id, name, output));
            done.add("duplicated " + t.id() + " as " + id + " \"" + name + "\"" + (output == null ? ""
                    : " with its file " + output));
        }
        if (delete) {
            p = apply(p, new DeleteTake(s.id(), t.id()));
            boolean shared = t.output() != null && p.requireShot(s.id()).takes().stream()
                    .anyMatch(o -> t.output().equals(o.output()));
            if (t.output() != null && !keepFile && !shared && Files.exists(lp.resolve(t.output()))) {
                Path file = lp.resolve(t.output());
                afterSave.add(() -> {
                    try {
                        RenderCommand.deleteRecursively(file);
                    } catch (java.io.IOException e) {
                        err.println("warning: could not delete " + file + ": " + e.getMessage());
                    }
                });
                done.add("deleted " + t.id() + " and its file " + t.output());
            } else {
                done.add("deleted " + t.id() + (t.output() == null ? "" : "; kept its file " + t.output()));
            }
        }
        ProjectFiles.save(lp.file(), p);
        afterSave.forEach(Runnable::run);
        done.forEach(out::println);
        out.println("saved " + lp.file());
        return 0;
    }

    private static Project apply(Project p, Edit e) {
        return e.apply(p);
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        if (Files.exists(to)) throw new IllegalArgumentException(to + " already exists; not overwriting it");
        Files.createDirectories(to.getParent());
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }

    /** The take sheet of a shot. */
    static void list(LoadedProject lp, Shot s, PrintWriter out) {
        String now = ShotHash.of(lp.project(), s.id());
        out.printf(Locale.ROOT, "shot %s: %d take%s (shot hash %s)%n", s.id(), s.takes().size(),
                s.takes().size() == 1 ? "" : "s", now.substring(0, 12));
        if (s.takes().isEmpty()) {
            out.println("  no takes yet; render one with: cue render " + lp.folder() + " --shot " + s.id());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "SEED", "QUALITY", "RATING", "CIRCLED", "CREATED", "SHOT", "OUTPUT"});
        for (Take t : s.takes()) {
            String status = t.shotHash().isEmpty() ? "unknown" : t.shotHash().equals(now) ? "same" : "changed";
            String file = t.output() == null ? "-" : t.output() + (exists(lp, t.output()) ? "" : " (missing)");
            rows.add(new String[] {t.id(), t.name(), Long.toString(t.seed()), t.quality().id() + " "
                    + t.resolution(), stars(t.rating()), t.circled() ? "(o)" : "", t.createdAt().isEmpty() ? "-"
                    : t.createdAt(), status, file});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                line.append(' ').append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 1));
            }
            out.println(line.toString().stripTrailing());
        }
        for (Take t : s.takes()) if (!t.notes().isEmpty()) out.println("  " + t.id() + " notes: " + t.notes());
        if (s.takes().stream().anyMatch(t -> !t.shotHash().isEmpty() && !t.shotHash().equals(now))) {
            out.println("  changed: the shot was edited after the take was rendered; render it again with: cue render "
                    + lp.folder() + " --shot " + s.id() + " --take ID");
        }
    }

    private static boolean exists(LoadedProject lp, String output) {
        try {
            return Files.exists(lp.resolve(output));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A rating as five characters: {@code ***--} for three stars, {@code -----} for unrated. */
    static String stars(int rating) {
        return "*".repeat(rating) + "-".repeat(5 - rating);
    }
}
