package org.cuestudio.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.edit.AddCue;
import org.cuestudio.core.edit.Edit;
import org.cuestudio.core.edit.EditSession;
import org.cuestudio.core.edit.History;
import org.cuestudio.core.edit.RemoveCue;
import org.cuestudio.core.edit.ReplaceCue;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Cast;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.Performer;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.format.Autosave;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.NewProject;
import org.cuestudio.format.Problem;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.ProjectValidator;
import org.jspecify.annotations.Nullable;

/**
 * The state behind the studio window and every command it offers, with no controls in it: the open project and
 * its {@link History}, the current shot, the playhead, the selected cue, the planned performance, the preview
 * frame, playback and the status line. All project changes are {@link Edit}s applied here on the JavaFX thread;
 * after each one the performance is planned again (milliseconds) and a new preview frame is requested. Slow work
 * (loading, saving, rendering) runs on the {@link UiExecutors} and comes back to the JavaFX thread.
 */
public final class StudioViewModel {
    /** Seed of the micro-performance, as {@code cue render} uses by default. */
    public static final long DEFAULT_SEED = 1;

    private final StudioPorts ports;
    private final UiExecutors exec;
    private final PreviewRenderer previews;

    private @Nullable LoadedProject loaded;
    private @Nullable History history;
    private @Nullable String shotId;
    private @Nullable Playback playback;
    /** The shot's characters in cast order, or only its own character when the ports load no more. */
    private @Nullable List<CharacterModel> characters;
    /** The performances of the shot's characters in cast order (the first is {@link #performance}). */
    private List<Performance> castPerformances = List.of();
    private @Nullable String rendererProblem;
    private @Nullable CueDrag drag;
    /** Bumped whenever the project, shot or character changes, so late results of older loads are dropped. */
    private long epoch;

    private final ReadOnlyObjectWrapper<@Nullable Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<@Nullable Shot> shot = new ReadOnlyObjectWrapper<>(this, "shot");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Cue Studio");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyIntegerWrapper playhead = new ReadOnlyIntegerWrapper(this, "playhead");
    private final ReadOnlyIntegerWrapper frameCount = new ReadOnlyIntegerWrapper(this, "frameCount");
    private final ReadOnlyObjectWrapper<@Nullable String> selectedCueId = new ReadOnlyObjectWrapper<>(this, "selectedCueId");
    private final ReadOnlyObjectWrapper<@Nullable Cue> selectedCue = new ReadOnlyObjectWrapper<>(this, "selectedCue");
    private final ReadOnlyObjectWrapper<@Nullable ShotAudio> audio = new ReadOnlyObjectWrapper<>(this, "audio");
    private final ReadOnlyObjectWrapper<@Nullable Performance> performance = new ReadOnlyObjectWrapper<>(this, "performance");
    private final ReadOnlyObjectWrapper<@Nullable RgbaImage> previewImage = new ReadOnlyObjectWrapper<>(this, "previewImage");
    private final ReadOnlyIntegerWrapper previewFrame = new ReadOnlyIntegerWrapper(this, "previewFrame", -1);
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper(this, "previewMessage", "");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyStringWrapper playbackInfo = new ReadOnlyStringWrapper(this, "playbackInfo", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(this, "status", StatusMessage.EMPTY);
    /** Bumped on every change the timeline draws (edits, drag previews, audio arriving). */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    /** The loop range's first and last frame (I and O), or -1 while unset; playback repeats the range when both are set. */
    private final ReadOnlyIntegerWrapper loopIn = new ReadOnlyIntegerWrapper(this, "loopIn", -1);
    private final ReadOnlyIntegerWrapper loopOut = new ReadOnlyIntegerWrapper(this, "loopOut", -1);
    /** Unsaved work found beside the project being opened, for the window to offer; null when there is none. */
    private final ReadOnlyObjectWrapper<Autosave.@Nullable Recovery> recovery =
            new ReadOnlyObjectWrapper<>(this, "recovery");
    /** The project as it is now while it has unsaved changes, else null: what the autosaver writes (any thread). */
    private volatile @Nullable Project unsaved;
    private Autosave.@Nullable Autosaver autosaver;

    public StudioViewModel(StudioPorts ports, UiExecutors exec) {
        this.ports = ports;
        this.exec = exec;
        this.previews = new PreviewRenderer(ports::renderFrame, exec.preview(), exec.fx());
    }

    /**
     * The emotion presets to offer: the project's own, then the shipped starter presets it does not redefine.
     */
    public List<org.cuestudio.core.model.EmotionPreset> emotionPresets() {
        List<org.cuestudio.core.model.EmotionPreset> out = new java.util.ArrayList<>();
        if (history != null) out.addAll(history.current().emotionPresets());
        for (var p : SHIPPED_PRESETS.get()) {
            if (out.stream().noneMatch(q -> q.id().equals(p.id()))) out.add(p);
        }
        return out;
    }

    private static final java.util.function.Supplier<List<org.cuestudio.core.model.EmotionPreset>> SHIPPED_PRESETS =
            new java.util.function.Supplier<>() {
                private volatile @Nullable List<org.cuestudio.core.model.EmotionPreset> presets;

                @Override
                public List<org.cuestudio.core.model.EmotionPreset> get() {
                    List<org.cuestudio.core.model.EmotionPreset> p = presets;
                    if (p == null) presets = p = org.cuestudio.app.StudioServices.shippedEmotionPresets();
                    return p;
                }
            };

    /** The gestures the planner can perform, for the timeline's menus and palette. */
    public org.cuestudio.core.perform.GestureLibrary gestures() {
        return ports.planner().gestures();
    }

    // ---------------------------------------------------------------- opening

    /** Reads a project folder or file in the background and opens it; problems go to the status line. */
    public CompletableFuture<Boolean> open(Path folderOrFile) {
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        status.set(StatusMessage.info("Opening " + folderOrFile + "…"));
        exec.background().execute(() -> {
            var found = Autosave.check(folderOrFile);
            try {
                LoadedProject lp = ProjectFiles.open(folderOrFile);
                List<Problem> problems = ProjectValidator.validate(lp, org.cuestudio.app.StudioServices.gestureLibrary());
                exec.fx().execute(() -> {
                    open(lp, problems);
                    recovery.set(found.orElse(null));
                    opened.complete(true);
                });
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    status.set(StatusMessage.error("Cannot open " + folderOrFile + ": " + ErrorText.describe(e)
                            + (found.isPresent() ? " (unsaved work autosaved beside it can be recovered)" : "")));
                    // the project file is damaged or gone, but the autosave holds the work: offer it
                    recovery.set(found.orElse(null));
                    opened.complete(false);
                });
            }
        });
        return opened;
    }

    /** Opens a project already read (JavaFX thread). Validation problems are shown, not fatal: it can be fixed here. */
    public void open(LoadedProject lp, List<Problem> problems) {
        endDrag();
        stopPlaybackAndClose();
        stopAutosave();
        recovery.set(null);
        loaded = lp;
        history = new History(lp.project());
        shotId = lp.project().shots().isEmpty() ? null : lp.project().shots().get(0).id();
        selectedCueId.set(null);
        playhead.set(0);
        if (problems.isEmpty()) {
            int shots = lp.project().shots().size();
            long cues = lp.project().shots().stream().mapToLong(x -> x.allCues().size()).sum();
            status.set(StatusMessage.info("Opened " + lp.project().name() + " from " + lp.folder().getFileName() + ": "
                    + shots + (shots == 1 ? " shot, " : " shots, ") + cues + (cues == 1 ? " cue" : " cues")));
        } else {
            status.set(StatusMessage.warning(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the project: " + problems.get(0).message()));
        }
        if (shotId == null && problems.isEmpty()) status.set(StatusMessage.warning("The project has no shots"));
        shotChanged();
        startAutosave(lp.file());
    }

    // ---------------------------------------------------------------- new projects, autosave and recovery

    /** Shows a message in the status line (the window's notes, the take list's outcomes). */
    public void note(StatusMessage m) {
        status.set(m);
    }

    /** Makes a new project from a recording and a character sheet in the background, then opens it. */
    public CompletableFuture<Boolean> createProject(NewProject.Request request) {
        CompletableFuture<Boolean> made = new CompletableFuture<>();
        status.set(StatusMessage.info("Making " + request.folder() + "…"));
        exec.background().execute(() -> {
            try {
                LoadedProject lp = NewProject.create(request);
                exec.fx().execute(() -> {
                    open(lp, List.of());
                    status.set(StatusMessage.success("Made " + lp.project().name() + " in " + lp.folder()
                            + ": add emotion, gesture and gaze cues on the timeline"));
                    made.complete(true);
                });
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    status.set(StatusMessage.error("Could not make the project: " + ErrorText.describe(e)));
                    made.complete(false);
                });
            }
        });
        return made;
    }

    /**
     * Autosaves now if there are unsaved changes not yet autosaved (the window also does it every
     * {@link Autosave#interval()}); completes with whether it wrote. A failure goes to the
     * status line and editing goes on.
     */
    public CompletableFuture<Boolean> autosave() {
        var a = autosaver;
        if (a == null) return CompletableFuture.completedFuture(false);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        exec.background().execute(() -> {
            try {
                done.complete(a.runOnce());
            } catch (IOException | RuntimeException e) {
                exec.fx().execute(() -> status.set(StatusMessage.warning("Autosave failed: " + ErrorText.describe(e)
                        + "; your changes are only in memory until you save")));
                done.complete(false);
            }
        });
        return done;
    }

    private void startAutosave(Path projectFile) {
        autosaver = new Autosave.Autosaver(projectFile, () -> unsaved);
    }

    private void stopAutosave() {
        if (autosaver != null) autosaver.close();
        autosaver = null;
        unsaved = null;
    }

    /** Takes the offered unsaved work: it becomes the project file (the old one the backup) and is opened. */
    public CompletableFuture<Boolean> acceptRecovery() {
        var r = recovery.get();
        if (r == null) return CompletableFuture.completedFuture(false);
        recovery.set(null);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        exec.background().execute(() -> {
            try {
                r.accept();
                exec.fx().execute(() -> open(r.projectFile()).thenAccept(ok -> {
                    if (ok) status.set(StatusMessage.success("Recovered the unsaved changes of " + r.project().name()
                            + "; the version saved before is kept as " + ProjectFiles.backupFile(r.projectFile()).getFileName()));
                    done.complete(ok);
                }));
            } catch (IOException | RuntimeException e) {
                exec.fx().execute(() -> {
                    status.set(StatusMessage.error("Could not recover the unsaved changes: " + ErrorText.describe(e)
                            + "; they are still in " + r.sideFile()));
                    done.complete(false);
                });
            }
        });
        return done;
    }

    /** Throws the offered unsaved work away (deletes the autosave side file). */
    public CompletableFuture<Boolean> discardRecovery() {
        var r = recovery.get();
        if (r == null) return CompletableFuture.completedFuture(false);
        recovery.set(null);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        exec.background().execute(() -> {
            try {
                r.discard();
                exec.fx().execute(() -> status.set(StatusMessage.info("Discarded the autosaved changes")));
                done.complete(true);
            } catch (IOException | RuntimeException e) {
                exec.fx().execute(() -> status.set(StatusMessage.error("Could not delete " + r.sideFile() + ": "
                        + ErrorText.describe(e))));
                done.complete(false);
            }
        });
        return done;
    }

    public ReadOnlyObjectProperty<Autosave.@Nullable Recovery> recoveryProperty() {
        return recovery.getReadOnlyProperty();
    }

    /** Switches to another shot of the project. */
    public void selectShot(String id) {
        if (history == null || id.equals(shotId)) return;
        history.current().requireShot(id);
        endDrag();
        stopPlaybackAndClose();
        shotId = id;
        selectedCueId.set(null);
        playhead.set(0);
        shotChanged();
    }

    private void shotChanged() {
        epoch++;
        clearLoop();
        audio.set(null);
        characters = null;
        castPerformances = List.of();
        rendererProblem = null;
        performance.set(null);
        previewImage.set(null);
        previewFrame.set(-1);
        playbackInfo.set("");
        refresh();
        loadMedia();
    }

    private void loadMedia() {
        LoadedProject lp = loaded;
        Shot s = shot.get();
        if (lp == null || s == null) return;
        long myEpoch = epoch;
        previewMessage.set("Loading audio…");
        exec.background().execute(() -> {
            try {
                ShotAudio a = ports.loadAudio(lp, s);
                Playback pb = ports.openPlayback(a);
                exec.fx().execute(() -> {
                    if (myEpoch != epoch) {
                        pb.close();
                        return;
                    }
                    audio.set(a);
                    playback = pb;
                    playbackInfo.set(pb.audible() ? "Audio" : "Silent clock");
                    replan();
                    loadCharacter(lp, s, myEpoch);
                });
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    if (myEpoch != epoch) return;
                    String why = ErrorText.describe(e);
                    previewMessage.set("No audio: " + why);
                    status.set(StatusMessage.error("Cannot load the shot's audio: " + why));
                    revision.set(revision.get() + 1);
                });
            }
        });
    }

    private void loadCharacter(LoadedProject lp, Shot s, long myEpoch) {
        previewMessage.set("Loading renderer…");
        exec.background().execute(() -> {
            try {
                List<CharacterModel> models = ports.loadCast(lp, s);
                exec.fx().execute(() -> {
                    if (myEpoch != epoch) return;
                    characters = models;
                    requestPreview();
                });
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    if (myEpoch != epoch) return;
                    rendererProblem = ErrorText.describe(e);
                    requestPreview();
                });
            }
        });
    }

    // ---------------------------------------------------------------- playhead and selection

    /** Moves the playhead to a frame (clamped to the shot); playback continues from there if it is running. */
    public void seekFrame(int frame) {
        int n = frameCount.get();
        int f = n == 0 ? 0 : Math.max(0, Math.min(n - 1, frame));
        if (playing.get() && playback != null) playback.start(frameRate().frameToTicks(f));
        setPlayhead(f);
    }

    /** Moves the playhead to the frame that contains a position. */
    public void seekTicks(long ticks) {
        seekFrame((int) Math.min(Integer.MAX_VALUE, frameRate().ticksToFrame(Math.max(0, ticks))));
    }

    /** Steps the playhead by whole frames. */
    public void step(int frames) {
        seekFrame(playhead.get() + frames);
    }

    private void setPlayhead(int f) {
        if (playhead.get() == f) return;
        playhead.set(f);
        requestPreview();
    }

    /** Selects a cue of the current shot by id, or clears the selection with {@code null}. */
    public void select(@Nullable String cueId) {
        Shot s = shot.get();
        selectedCueId.set(s != null && cueId != null && s.cue(cueId).isPresent() ? cueId : null);
        selectedCue.set(selectedCueId.get() == null || s == null ? null : s.cue(selectedCueId.get()).orElse(null));
    }

    // ---------------------------------------------------------------- edits

    /** A cue drag in progress: one undo step however often it moves. */
    public final class CueDrag {
        private final EditSession session;
        private final String shotOfDrag;
        private final String cueId;
        private final long originalStart;
        private long currentStart;
        private boolean open = true;

        private CueDrag(EditSession session, String shotOfDrag, Cue cue) {
            this.session = session;
            this.shotOfDrag = shotOfDrag;
            this.cueId = cue.id();
            this.originalStart = cue.range().start();
            this.currentStart = originalStart;
        }

        public String cueId() {
            return cueId;
        }

        public long originalStart() {
            return originalStart;
        }

        /** Shows the cue starting at {@code newStart} (clamped at 0); the project is previewed, not yet committed. */
        public void moveTo(long newStart) {
            if (!open) return;
            long start = Math.max(0, newStart);
            if (start == currentStart) return;
            Project base = history().current();
            session.preview(ReplaceCue.move(base, shotOfDrag, cueId, start));
            currentStart = start;
            changed(false);
        }

        /** Ends the drag as one undo step (none if the cue ends where it started). */
        public void commit() {
            if (!open) return;
            open = false;
            drag = null;
            if (currentStart == originalStart) {
                session.cancel();
                changed(false);
            } else {
                session.commit();
                changed(true);
            }
        }

        /** Ends the drag, putting the cue back. */
        public void cancel() {
            if (!open) return;
            open = false;
            drag = null;
            session.cancel();
            changed(false);
        }
    }

    /** Starts dragging a cue (and selects it); empty if there is no such cue. */
    public Optional<CueDrag> beginCueDrag(String cueId) {
        endDrag();
        Shot s = shot.get();
        if (history == null || s == null) return Optional.empty();
        Optional<Cue> cue = s.cue(cueId);
        if (cue.isEmpty()) return Optional.empty();
        select(cueId);
        CueDrag d = new CueDrag(history.begin(), s.id(), cue.get());
        drag = d;
        return Optional.of(d);
    }

    /** Moves a cue as one undo step. */
    public boolean moveCue(String cueId, long newStart) {
        Optional<CueDrag> d = beginCueDrag(cueId);
        d.ifPresent(x -> {
            x.moveTo(newStart);
            x.commit();
        });
        return d.isPresent();
    }

    /** Adds the lane's default cue (1.5 s) at a position snapped to the frame that contains it, and selects it. */
    public Optional<Cue> addCue(CueLane lane, long atTicks) {
        Shot s = shot.get();
        if (s == null) return Optional.empty();
        FrameRate rate = s.frameRate();
        long start = rate.frameToTicks(rate.ticksToFrame(Math.max(0, atTicks)));
        return addCue(NewCues.defaultFor(s, lane, start));
    }

    /** Adds a cue to the current shot as one undo step and selects it. */
    public Optional<Cue> addCue(Cue cue) {
        Shot s = shot.get();
        if (s == null) return Optional.empty();
        if (!apply(new AddCue(s.id(), cue))) return Optional.empty();
        select(cue.id());
        return Optional.of(cue);
    }

    /** Replaces a cue with an edited version of itself (same id), as one undo step. */
    public boolean replaceCue(Cue changed, String label) {
        Shot s = shot.get();
        return s != null && apply(new ReplaceCue(s.id(), changed, label));
    }

    /** Deletes the selected cue as one undo step; false when nothing is selected. */
    public boolean deleteSelectedCue() {
        Shot s = shot.get();
        String id = selectedCueId.get();
        if (s == null || id == null) return false;
        boolean done = apply(new RemoveCue(s.id(), id));
        if (done) select(null);
        return done;
    }

    /**
     * Turns a direction note into cues of the current shot (docs/direction-notes.md) as one undo step; returns what
     * the note gave, with the words and times it left out, or null when there is no shot or the note gave no cue
     * (the status line then says why).
     */
    public org.cuestudio.core.direction.DirectionNotes.@Nullable Result applyDirectionNote(String text) {
        Shot s = shotProperty().get();
        if (history == null || s == null || text.isBlank()) return null;
        String prefix = "note";
        for (int k = 2; prefixTaken(s, prefix); k++) prefix = "note" + k;
        var r = org.cuestudio.core.direction.DirectionNotes.parse(text, durationTicks(), prefix);
        if (r.cues().isEmpty()) {
            status.set(StatusMessage.warning("the note gave no cues" + (r.warnings().isEmpty() ? ""
                    : ": " + String.join("; ", r.warnings()))));
            return null;
        }
        if (!apply(new org.cuestudio.core.edit.AddCues(s.id(), r.cues(), "Direction note"))) return null;
        status.set(StatusMessage.info("the note gave " + r.cues().size() + " cue" + (r.cues().size() == 1 ? "" : "s")
                + (r.warnings().isEmpty() ? "" : "; left out: " + String.join("; ", r.warnings()))));
        return r;
    }

    private static boolean prefixTaken(Shot s, String prefix) {
        return s.allCues().stream().anyMatch(c -> c.id().startsWith(prefix + "-"));
    }

    /**
     * Saves an emotion cue's feeling as a project preset named {@code label} (its id made from the name), so it is
     * offered in the emotion menu; one undo step. False (with a status message) when the name makes no id.
     */
    public boolean saveEmotionPreset(org.cuestudio.core.model.EmotionCue cue, String label) {
        String id = label.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (id.isEmpty() || !java.lang.Character.isLetter(id.charAt(0))) {
            status.set(StatusMessage.warning("a preset name must start with a letter: '" + label + "'"));
            return false;
        }
        return apply(new org.cuestudio.core.edit.SaveEmotionPreset(new org.cuestudio.core.model.EmotionPreset(id,
                label.strip(), cue.emotion(), cue.blend())));
    }

    /** Applies an edit as one undo step; a refused edit leaves everything as it was and says why. */
    public boolean apply(Edit edit) {
        if (history == null) return false;
        endDrag();
        try {
            history.apply(edit);
        } catch (IllegalArgumentException e) {
            status.set(StatusMessage.warning(edit.label() + " refused: " + ErrorText.describe(e)));
            return false;
        }
        changed(true);
        return true;
    }

    public void undo() {
        endDrag();
        if (history == null || !history.canUndo()) return;
        String label = history.undoLabel().orElse("edit");
        history.undo();
        changed(true);
        status.set(StatusMessage.info("Undid " + label));
    }

    public void redo() {
        endDrag();
        if (history == null || !history.canRedo()) return;
        String label = history.redoLabel().orElse("edit");
        history.redo();
        changed(true);
        status.set(StatusMessage.info("Redid " + label));
    }

    private void endDrag() {
        if (drag != null) drag.cancel();
    }

    /**
     * After any change of the project: publish it, plan again, ask for a new preview frame.
     *
     * @param committed whether an undo step was made or undone, which makes an older status line stale
     */
    private void changed(boolean committed) {
        refresh();
        replan();
        if (committed) status.set(StatusMessage.EMPTY);
    }

    private void refresh() {
        History h = history;
        Project p = h == null ? null : h.current();
        project.set(p);
        Shot s = p == null || shotId == null ? null : p.shot(shotId).orElse(null);
        shot.set(s);
        dirty.set(h != null && h.isDirty());
        unsaved = dirty.get() ? p : null;
        canUndo.set(h != null && h.canUndo());
        canRedo.set(h != null && h.canRedo());
        undoLabel.set(h == null ? "" : h.undoLabel().orElse(""));
        redoLabel.set(h == null ? "" : h.redoLabel().orElse(""));
        title.set(p == null ? "Cue Studio" : p.name() + (dirty.get() ? "*" : "") + " — Cue Studio");
        select(selectedCueId.get());
        revision.set(revision.get() + 1);
    }

    private void replan() {
        Project p = project.get();
        Shot s = shot.get();
        ShotAudio a = audio.get();
        if (p == null || s == null || a == null) {
            performance.set(null);
            frameCount.set(0);
            return;
        }
        try {
            // Every character of the shot, each with its voice: its own recording, or its stretches of the shot's.
            List<Performer> cast = Cast.of(p, s, a.features(), path -> {
                AudioFeatures v = a.partnerVoices().get(path);
                if (v == null) throw new IllegalStateException("partner audio " + path + " is not loaded");
                return v;
            });
            List<Performance> perfs = ports.planner().planAll(s, cast, DEFAULT_SEED);
            Performance perf = perfs.get(0);
            castPerformances = perfs;
            performance.set(perf);
            frameCount.set(perf.frameCount());
            if (playhead.get() >= perf.frameCount()) playhead.set(Math.max(0, perf.frameCount() - 1));
        } catch (RuntimeException | LinkageError e) {
            performance.set(null);
            frameCount.set(0);
            previewMessage.set("No performance: " + ErrorText.describe(e));
            status.set(StatusMessage.error("Cannot plan the performance: " + ErrorText.describe(e)));
        }
        revision.set(revision.get() + 1);
        requestPreview();
    }

    // ---------------------------------------------------------------- preview

    private void requestPreview() {
        Performance perf = performance.get();
        Shot s = shot.get();
        if (perf == null || s == null || perf.frameCount() == 0) return;
        List<CharacterModel> c = characters;
        if (c == null) {
            previewImage.set(null);
            previewMessage.set(rendererProblem == null ? "Loading renderer…" : "Renderer unavailable: " + rendererProblem);
            return;
        }
        int f = Math.min(playhead.get(), perf.frameCount() - 1);
        // The whole cast when the ports loaded it, else the shot's own character alone.
        boolean whole = c.size() == castPerformances.size() && c.size() == s.cast().size();
        Scene scene = whole ? Scene.staged(c, framing(s)) : Scene.of(c.get(0));
        List<Performance> perfs = whole ? castPerformances : List.of(perf);
        previews.request(new PreviewRenderer.Request(epoch, perfs, scene, RenderSettings.forShot(s, Quality.PREVIEW), f),
                (req, image, error) -> {
                    if (req.epoch() != epoch) return;
                    if (image != null) {
                        previewFrame.set(req.frame());
                        previewImage.set(image);
                        previewMessage.set("");
                    } else {
                        previewImage.set(null);
                        previewMessage.set("Preview failed: " + ErrorText.describe(error == null
                                ? new IllegalStateException("no image") : error));
                    }
                });
    }

    /** The shot's framing, or the default when its metadata names none or an unknown one. */
    static Framing framing(Shot s) {
        try {
            return StudioServices.framing(s);
        } catch (IllegalArgumentException e) {
            return Framing.defaultFor(s.cast().size());
        }
    }

    // ---------------------------------------------------------------- playback

    public void togglePlayback() {
        if (playing.get()) pause();
        else play();
    }

    /** Plays from the playhead (from the start when it is on the last frame). */
    public void play() {
        if (playing.get()) return;
        int n = frameCount.get();
        if (n == 0 || playback == null) {
            status.set(StatusMessage.info("Nothing to play yet: the audio is still loading"));
            return;
        }
        if (playhead.get() >= n - 1) setPlayhead(0);
        if (hasLoop() && (playhead.get() < loopIn.get() || playhead.get() >= loopOut.get())) setPlayhead(loopIn.get());
        playback.start(frameRate().frameToTicks(playhead.get()));
        playing.set(true);
    }

    /** Marks the loop's start at the playhead (I); an end at or before it is cleared. */
    public void markLoopIn() {
        loopIn.set(playhead.get());
        if (loopOut.get() >= 0 && loopOut.get() <= loopIn.get()) loopOut.set(-1);
    }

    /** Marks the loop's end at the playhead (O): the range ends after this frame; a start after it is cleared. */
    public void markLoopOut() {
        int n = frameCount.get();
        loopOut.set(Math.min(n, playhead.get() + 1));
        if (loopIn.get() >= loopOut.get()) loopIn.set(-1);
        if (loopIn.get() < 0 && loopOut.get() > 0) loopIn.set(0);
    }

    /** Removes the loop range. */
    public void clearLoop() {
        loopIn.set(-1);
        loopOut.set(-1);
    }

    private boolean hasLoop() {
        return loopIn.get() >= 0 && loopOut.get() > loopIn.get();
    }

    public ReadOnlyIntegerProperty loopInProperty() {
        return loopIn.getReadOnlyProperty();
    }

    /** The frame after the loop's last frame, or -1. */
    public ReadOnlyIntegerProperty loopOutProperty() {
        return loopOut.getReadOnlyProperty();
    }

    public void pause() {
        if (!playing.get()) return;
        if (playback != null) playback.stop();
        playing.set(false);
    }

    /**
     * Moves the playhead to where playback is; the view calls it once per pulse while playing. Stops at the end of
     * the shot; with a loop range, starts the range again when it passes its end.
     */
    public void followPlayback() {
        Playback pb = playback;
        ShotAudio a = audio.get();
        if (!playing.get() || pb == null || a == null) return;
        long t = pb.positionTicks();
        int n = frameCount.get();
        int f = (int) Math.min(n - 1L, frameRate().ticksToFrame(Math.max(0, t)));
        if (hasLoop() && f >= loopOut.get()) {
            // the loop: back to its first frame, with the sound
            pb.start(frameRate().frameToTicks(loopIn.get()));
            setPlayhead(loopIn.get());
            return;
        }
        setPlayhead(f);
        if (t >= a.durationTicks() || f >= n - 1) {
            pause();
        }
    }

    private void stopPlaybackAndClose() {
        pause();
        if (playback != null) playback.close();
        playback = null;
    }

    // ---------------------------------------------------------------- saving and takes

    /**
     * Saves the project as it is now: the snapshot is taken here on the JavaFX thread, the file is written in the
     * background. Completes with the file, or exceptionally (the status line says why).
     */
    public CompletableFuture<Path> save() {
        LoadedProject lp = loaded;
        History h = history;
        if (lp == null || h == null) return CompletableFuture.failedFuture(new IllegalStateException("no project"));
        if (saving.get()) return CompletableFuture.failedFuture(new IllegalStateException("already saving"));
        Project snapshot = h.current();
        Path file = lp.file();
        saving.set(true);
        CompletableFuture<Path> done = new CompletableFuture<>();
        exec.background().execute(() -> {
            Throwable failure = null;
            try {
                ProjectFiles.save(file, snapshot);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            Throwable f = failure;
            exec.fx().execute(() -> {
                saving.set(false);
                if (f != null) {
                    status.set(StatusMessage.error("Could not save " + file + ": " + ErrorText.describe(f)));
                    done.completeExceptionally(f instanceof IOException io ? new UncheckedIOException(io) : f);
                    return;
                }
                // Edits made while writing stay unsaved: only the state that was written counts as saved.
                if (history == h && h.current() == snapshot) h.markSaved();
                if (loaded == lp) loaded = lp.with(snapshot);
                refresh();
                status.set(StatusMessage.success("Saved " + file));
                done.complete(file);
            });
        });
        return done;
    }


    /** Stops playback, drops pending work and releases the sound line. */
    public void dispose() {
        epoch++;
        stopPlaybackAndClose();
        stopAutosave();
    }

    // ---------------------------------------------------------------- read-only state

    private History history() {
        if (history == null) throw new IllegalStateException("no project is open");
        return history;
    }

    /** The current shot's frame rate (25 fps before a project is open). */
    public FrameRate frameRate() {
        Shot s = shot.get();
        return s == null ? FrameRate.FPS_25 : s.frameRate();
    }

    /** Length of the current shot: its audio once decoded, else the end of its last cue. */
    public long durationTicks() {
        ShotAudio a = audio.get();
        if (a != null) return a.durationTicks();
        Shot s = shot.get();
        return s == null ? 0 : s.allCues().stream().mapToLong(c -> c.range().endExclusive()).max().orElse(0);
    }

    /** The open project's files, or {@code null} before one is open. */
    public @Nullable LoadedProject loadedProject() {
        return loaded;
    }

    /** Why there is no preview picture, or {@code null} while the renderer is loaded or loading. */
    public @Nullable String rendererProblem() {
        return rendererProblem;
    }

    /** The cue being dragged, if any. */
    public Optional<CueDrag> currentDrag() {
        return Optional.ofNullable(drag);
    }


    UiExecutors executors() {
        return exec;
    }

    public ReadOnlyObjectProperty<@Nullable Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** The ports the view model works through (the take list, the comparison and the live view use them too). */
    public StudioPorts ports() {
        return ports;
    }

    public ReadOnlyObjectProperty<@Nullable Shot> shotProperty() {
        return shot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty playheadProperty() {
        return playhead.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty frameCountProperty() {
        return frameCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable String> selectedCueIdProperty() {
        return selectedCueId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Cue> selectedCueProperty() {
        return selectedCue.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable ShotAudio> audioProperty() {
        return audio.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Performance> performanceProperty() {
        return performance.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable RgbaImage> previewImageProperty() {
        return previewImage.getReadOnlyProperty();
    }

    /** The frame the preview image shows (it lags the playhead while frames render), or -1 before the first. */
    public ReadOnlyIntegerProperty previewFrameProperty() {
        return previewFrame.getReadOnlyProperty();
    }

    /** Why the preview shows no picture ("Loading renderer…", "Renderer unavailable: …"); empty when it does. */
    public ReadOnlyStringProperty previewMessageProperty() {
        return previewMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** "Audio" or "Silent clock" once the shot's audio is loaded. */
    public ReadOnlyStringProperty playbackInfoProperty() {
        return playbackInfo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Changes whenever the timeline has something new to draw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
