package org.cuestudio.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.curves.CurvesJson;
import org.cuestudio.core.curves.LiveLinkFaceCsv;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.timeline.EditorialTimeline;
import org.cuestudio.core.export.timeline.FcpxmlWriter;
import org.cuestudio.core.export.timeline.OtioWriter;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * Exports of the current shot, as the Export dialog offers them: video for editors (MP4, ProRes 422 HQ, ProRes 4444
 * with alpha, PNG sequence; rendered as the shot is now, unsaved edits included), editorial timelines over a
 * rendered take (OpenTimelineIO, FCPXML), and the performance as curves for 3D tools (Live Link Face CSV, JSON).
 * The same writers as {@code cue render}, {@code cue timeline} and {@code cue curves}.
 */
final class ExportViewModel {
    /** What can be exported. */
    enum Kind {
        MP4("MP4 (H.264/AAC) — review", "mp4", VideoFormat.MP4_H264),
        PRORES_422_HQ("ProRes 422 HQ — editing", "mov", VideoFormat.PRORES_422_HQ),
        PRORES_4444("ProRes 4444 with alpha — compositing", "mov", VideoFormat.PRORES_4444),
        PNG_SEQUENCE("PNG sequence with alpha + audio.wav", "", VideoFormat.PNG_SEQUENCE),
        OTIO("OpenTimelineIO timeline over a take (.otio)", "otio", null),
        FCPXML("Final Cut Pro XML timeline over a take (.fcpxml)", "fcpxml", null),
        LIVE_LINK_FACE("Live Link Face CSV curves — Unreal, Blender", "csv", null),
        CURVES_JSON("Every performance channel as JSON curves", "json", null);

        final String label;
        final String extension;
        final @Nullable VideoFormat video;

        Kind(String label, String extension, @Nullable VideoFormat video) {
            this.label = label;
            this.extension = extension;
            this.video = video;
        }

        boolean needsTake() {
            return this == OTIO || this == FCPXML;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One export: {@code take} only for timelines. */
    record Request(Kind kind, Quality quality, Path output, @Nullable String take) {}

    private final StudioViewModel studio;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private @Nullable CancellationToken cancel;

    ExportViewModel(StudioViewModel studio) {
        this.studio = studio;
    }

    /** The rendered takes of the shot whose file is there (what a timeline can point at). */
    List<Take> takesWithFiles() {
        LoadedProject lp = studio.loadedProject();
        Shot s = studio.shotProperty().get();
        if (lp == null || s == null) return List.of();
        return s.takes().stream().filter(t -> t.output() != null && Files.exists(lp.folder().resolve(t.output())))
                .toList();
    }

    /** Where an export goes unless the user says otherwise: {@code exports/<shot>[-<take>].<ext>} in the project. */
    Path suggestedOutput(Kind kind, @Nullable String take) {
        LoadedProject lp = studio.loadedProject();
        Shot s = studio.shotProperty().get();
        Path folder = (lp == null ? Path.of("") : lp.folder()).resolve("exports");
        String base = (s == null ? "shot" : s.id()) + (kind.needsTake() && take != null ? "-" + take : "")
                + (kind == Kind.PRORES_4444 ? "-alpha" : kind == Kind.PNG_SEQUENCE ? "-png" : "")
                + (kind == Kind.LIVE_LINK_FACE ? "-livelinkface" : kind == Kind.CURVES_JSON ? "-curves" : "");
        return folder.resolve(kind.extension.isEmpty() ? base : base + "." + kind.extension);
    }

    /** What is wrong with a request, in words; empty when it can run. */
    String problem(Request r) {
        if (studio.shotProperty().get() == null) return "Open a project with a shot first.";
        if (r.kind().needsTake() && (r.take() == null || takesWithFiles().stream().noneMatch(t -> t.id().equals(r.take())))) {
            return "Choose a rendered take for the timeline (render one with Render Take).";
        }
        if (!r.output().isAbsolute()) return "Give the full path of the output.";
        if (!r.kind().extension.isEmpty()
                && !r.output().getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + r.kind().extension)) {
            return "The output should end in ." + r.kind().extension + ".";
        }
        if (r.kind() == Kind.PNG_SEQUENCE && Files.isRegularFile(r.output())) return r.output() + " is a file, not a folder.";
        if ((r.kind() == Kind.LIVE_LINK_FACE || r.kind() == Kind.CURVES_JSON) && studio.performanceProperty().get() == null) {
            return "Wait until the shot is planned.";
        }
        return "";
    }

    /** Runs an export in the background; the status line says how it went. Completes with the output, or null. */
    CompletableFuture<@Nullable Path> export(Request r) {
        String problem = problem(r);
        if (!problem.isEmpty() || running.get()) {
            if (!problem.isEmpty()) studio.note(StatusMessage.warning("Not exported: " + problem));
            return CompletableFuture.completedFuture(null);
        }
        LoadedProject lp = studio.loadedProject();
        Shot s = studio.shotProperty().get();
        Performance perf = studio.performanceProperty().get();
        if (lp == null || s == null) return CompletableFuture.completedFuture(null);
        LoadedProject snapshot = lp.with(studio.projectProperty().get());
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        studio.note(StatusMessage.info("Exporting " + r.output().getFileName() + "…"));
        CompletableFuture<@Nullable Path> done = new CompletableFuture<>();
        UiExecutors exec = studio.executors();
        exec.background().execute(() -> {
            String summary;
            try {
                summary = run(r, snapshot, s, perf, token);
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    running.set(false);
                    studio.note(token.isCancelled() ? StatusMessage.info("Export cancelled")
                            : StatusMessage.error("Export failed: " + ErrorText.describe(e)));
                    done.complete(null);
                });
                return;
            }
            exec.fx().execute(() -> {
                running.set(false);
                studio.note(StatusMessage.success("Exported " + r.output() + " (" + summary + ")"));
                done.complete(r.output());
            });
        });
        return done;
    }

    private String run(Request r, LoadedProject lp, Shot s, @Nullable Performance perf, CancellationToken token)
            throws Exception {
        Path out = r.output();
        if (r.kind().video != null) {
            int[] shown = {-1};
            RenderReport rep = studio.ports().export(lp, s.id(), r.quality(), StudioViewModel.DEFAULT_SEED,
                    r.kind().video, out, (done, total, what) -> {
                        int pct = total <= 0 ? 0 : (int) (100 * done / total);
                        if (pct / 5 != shown[0]) {
                            shown[0] = pct / 5;
                            studio.executors().fx().execute(() -> studio.note(StatusMessage.info(
                                    "Exporting " + out.getFileName() + ": " + pct + " %")));
                        }
                    }, token);
            return rep.frames() + " frames, " + r.quality().name().toLowerCase(Locale.ROOT);
        }
        String text = switch (r.kind()) {
            case OTIO, FCPXML -> {
                Take take = s.takes().stream().filter(t -> t.id().equals(r.take())).findFirst().orElseThrow();
                Path movie = lp.folder().resolve(java.util.Objects.requireNonNull(take.output()));
                int frames = perf != null ? perf.frameCount() : studio.frameCountProperty().get();
                EditorialTimeline t = EditorialTimeline.forShot(lp.project().name(), s, frames,
                        List.of(new EditorialTimeline.Media(movie.toUri(), take)));
                yield r.kind() == Kind.OTIO ? OtioWriter.write(t) : FcpxmlWriter.write(t);
            }
            case LIVE_LINK_FACE -> LiveLinkFaceCsv.toString(java.util.Objects.requireNonNull(perf),
                    LiveLinkFaceCsv.RotationUnits.NORMALISED);
            default -> {
                Map<String, String> source = new LinkedHashMap<>();
                source.put("project", lp.project().name());
                source.put("shot", s.id());
                source.put("seed", Long.toString(StudioViewModel.DEFAULT_SEED));
                source.put("planner", PerformancePlanner.VERSION);
                yield CurvesJson.toString(java.util.Objects.requireNonNull(perf), source);
            }
        };
        org.cuestudio.app.TextFiles.writeAtomically(out, w -> w.write(text));
        return text.length() + " characters";
    }

    void cancel() {
        if (cancel != null) cancel.cancel();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
