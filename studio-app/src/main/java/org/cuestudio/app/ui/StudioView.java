package org.cuestudio.app.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * The studio window's content: toolbar (open, save, undo, redo, transport, timecode, shot, render take), the
 * preview with the inspector beside it, the timeline below, and a status bar for messages and take progress.
 * Keyboard shortcuts are installed on the scene it is put in. It only shows the {@link StudioViewModel} and
 * forwards gestures to it.
 */
public final class StudioView extends BorderPane {
    private static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");

    private final StudioViewModel vm;
    private final PreviewView preview;
    private final InspectorView inspector;
    private final TimelineView timeline;
    private final TakesPanel takesPanel;
    /** The shot's takes: the take sheet, and the Render Take button, which records each render as a take. */
    private final TakesViewModel takesVm;
    private final Label timecode = new Label("00:00:00:00");
    private final Label frameLabel = new Label();
    private final Button playButton = new Button();
    private final Label statusText = new Label();
    private final HBox statusIcon = new HBox();
    private final AnimationTimer playbackTimer;

    public StudioView(StudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("studio");
        preview = new PreviewView(vm);
        inspector = new InspectorView(vm);
        timeline = new TimelineView(vm);

        takesVm = new TakesViewModel(vm);
        takesPanel = new TakesPanel(takesVm);
        SplitPane top = new SplitPane(preview, TakesPanel.besideInspector(inspector, takesPanel));
        top.setOrientation(Orientation.HORIZONTAL);
        top.getStyleClass().add("studio-split");
        SplitPane.setResizableWithParent(top.getItems().get(1), false);
        top.setDividerPositions(0.78);
        VBox timelineBox = new VBox(timeline);
        timelineBox.getStyleClass().add("timeline-box");
        VBox.setVgrow(timeline, Priority.ALWAYS);
        SplitPane main = new SplitPane(top, timelineBox);
        main.setOrientation(Orientation.VERTICAL);
        main.getStyleClass().add("studio-split");
        SplitPane.setResizableWithParent(timelineBox, false);
        main.setDividerPositions(0.66);

        setTop(toolbar());
        setCenter(main);
        setBottom(statusBar());

        playbackTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.followPlayback();
            }
        };
        vm.playingProperty().addListener((o, was, now) -> {
            if (now) playbackTimer.start();
            else playbackTimer.stop();
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removeEventFilter(KeyEvent.KEY_PRESSED, this::key);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        });
        // Keep the timeline's share when the window grows: the preview gets the new room.
        main.heightProperty().addListener((o, was, now) -> {
            double want = timeline.prefHeight(-1) + 2;
            if (now.doubleValue() > want * 1.6) main.setDividerPositions(1 - want / now.doubleValue());
        });
    }

    // ---------------------------------------------------------------- toolbar

    private ToolBar toolbar() {
        Button open = Icons.button(Icons.OPEN, "Open project… (Ctrl+O)", this::openWithChooser);
        Button save = Icons.button(Icons.SAVE, "Save (Ctrl+S)", vm::save);
        save.disableProperty().bind(vm.savingProperty().or(vm.projectProperty().isNull()));
        Button undo = Icons.button(Icons.UNDO, "Undo (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(vm.undoLabelProperty().get().isEmpty()
                ? "Undo (Ctrl+Z)" : "Undo " + vm.undoLabelProperty().get() + " (Ctrl+Z)"), vm.undoLabelProperty()));
        Button redo = Icons.button(Icons.REDO, "Redo (Ctrl+Shift+Z)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(vm.redoLabelProperty().get().isEmpty()
                ? "Redo (Ctrl+Shift+Z)" : "Redo " + vm.redoLabelProperty().get() + " (Ctrl+Shift+Z)"),
                vm.redoLabelProperty()));

        Button toStart = Icons.button(Icons.TO_START, "Go to start (Home)", () -> vm.seekFrame(0));
        Button back = Icons.button(Icons.STEP_BACK, "Previous frame (←)", () -> vm.step(-1));
        Button forward = Icons.button(Icons.STEP_FORWARD, "Next frame (→)", () -> vm.step(1));
        playButton.setId("play");
        playButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.BUTTON_CIRCLE, "play-button");
        playButton.setFocusTraversable(false);
        playButton.setOnAction(e -> vm.togglePlayback());
        playButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> Icons.of(vm.playingProperty().get() ? Icons.PAUSE : Icons.PLAY), vm.playingProperty()));
        playButton.setTooltip(new Tooltip("Play / pause (Space)"));
        playButton.disableProperty().bind(vm.frameCountProperty().isEqualTo(0));

        timecode.getStyleClass().add("timecode");
        timecode.setId("timecode");
        frameLabel.getStyleClass().add("frame-label");
        VBox clock = new VBox(-2, timecode, frameLabel);
        clock.setAlignment(Pos.CENTER_LEFT);
        clock.getStyleClass().add("clock");
        vm.playheadProperty().addListener(o -> updateClock());
        vm.frameCountProperty().addListener(o -> updateClock());
        vm.shotProperty().addListener(o -> updateClock());
        updateClock();

        ComboBox<Shot> shots = new ComboBox<>();
        shots.setId("shots");
        shots.setCellFactory(l -> new ShotCell());
        shots.setButtonCell(new ShotCell());
        shots.setFocusTraversable(false);
        Runnable syncShots = () -> {
            var p = vm.projectProperty().get();
            if (p == null) shots.getItems().clear();
            else if (!ids(shots.getItems()).equals(ids(p.shots()))) shots.getItems().setAll(p.shots());
            Shot current = vm.shotProperty().get();
            if (current != null && (shots.getValue() == null || !shots.getValue().id().equals(current.id()))) {
                shots.setValue(shots.getItems().stream().filter(x -> x.id().equals(current.id())).findFirst()
                        .orElse(null));
            }
        };
        vm.projectProperty().addListener(o -> syncShots.run());
        vm.shotProperty().addListener(o -> syncShots.run());
        shots.valueProperty().addListener((o, was, now) -> {
            if (now != null && vm.shotProperty().get() != null && !now.id().equals(vm.shotProperty().get().id())) {
                vm.selectShot(now.id());
            }
        });
        Label shotLabel = new Label("Shot");
        shotLabel.getStyleClass().add(Styles.TEXT_MUTED);

        SplitMenuButton render = new SplitMenuButton();
        render.setId("render-take");
        render.setText("Render Take");
        render.setGraphic(Icons.of(Icons.RENDER));
        render.getStyleClass().add(Styles.ACCENT);
        render.setFocusTraversable(false);
        MenuItem fin = new MenuItem();
        MenuItem pre = new MenuItem();
        vm.shotProperty().addListener((o, was, now) -> {
            if (now == null) return;
            fin.setText("Final quality (" + RenderSettings.forShot(now, Quality.FINAL).resolution() + ")");
            pre.setText("Preview quality (" + RenderSettings.forShot(now, Quality.PREVIEW).resolution() + ", fast)");
        });
        fin.setText("Final quality");
        pre.setText("Preview quality (fast)");
        fin.setOnAction(e -> renderTake(Quality.FINAL));
        pre.setOnAction(e -> renderTake(Quality.PREVIEW));
        render.getItems().addAll(fin, pre);
        render.setOnAction(e -> renderTake(Quality.FINAL));
        render.setTooltip(new Tooltip("Render the shot to takes/<shot>-take-N.mp4 (final quality; arrow for preview)"));
        render.disableProperty().bind(takesVm.runningProperty().or(vm.shotProperty().isNull()));

        Button live = new Button("Live");
        live.setTooltip(new Tooltip("Perform the shot live from the microphone (docs/live-mode.md)"));
        live.disableProperty().bind(vm.shotProperty().isNull());
        live.setOnAction(e -> {
            var lp = vm.loadedProject();
            var shot = vm.shotProperty().get();
            if (lp != null && shot != null) new LiveWindow(vm.ports(), lp, shot).show();
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, save, new Separator(Orientation.VERTICAL), undo, redo,
                new Separator(Orientation.VERTICAL), toStart, back, playButton, forward, clock, spacer, shotLabel, shots,
                new Separator(Orientation.VERTICAL), render, live);
        bar.getStyleClass().add("studio-toolbar");
        return bar;
    }

    private static java.util.List<String> ids(java.util.List<Shot> shots) {
        return shots.stream().map(Shot::id).toList();
    }

    private static final class ShotCell extends ListCell<Shot> {
        @Override
        protected void updateItem(@Nullable Shot item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name().isBlank() ? item.id() : item.name());
        }
    }

    private void updateClock() {
        Shot s = vm.shotProperty().get();
        int f = vm.playheadProperty().get();
        timecode.setText(s == null ? "--:--:--:--" : Timecode.of(f, s.frameRate()));
        int n = vm.frameCountProperty().get();
        frameLabel.setText(n == 0 ? "frame " + f : String.format(Locale.ROOT, "frame %d of %d", f, n));
    }

    // ---------------------------------------------------------------- status bar

    private HBox statusBar() {
        statusText.getStyleClass().add("status-text");
        statusText.setId("status");
        statusText.setMaxWidth(Double.MAX_VALUE);
        statusText.setMinWidth(0);
        HBox.setHgrow(statusText, Priority.ALWAYS);
        statusIcon.setAlignment(Pos.CENTER);
        statusIcon.setMinWidth(16);
        vm.statusProperty().addListener((o, was, now) -> showStatus(now));
        showStatus(vm.statusProperty().get());

        TakesViewModel takes = takesVm;
        Label renderText = new Label();
        renderText.getStyleClass().add("render-text");
        renderText.textProperty().bind(takes.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("render-progress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(takes.progressProperty());
        bar.getStyleClass().add(Styles.SMALL);
        Button cancel = new Button("Cancel");
        cancel.setId("render-cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        cancel.setOnAction(e -> takes.cancel());
        cancel.setFocusTraversable(false);
        HBox render = new HBox(8, renderText, bar, cancel);
        render.setAlignment(Pos.CENTER_RIGHT);
        render.visibleProperty().bind(takes.runningProperty());
        render.managedProperty().bind(takes.runningProperty());

        Label playback = new Label();
        playback.getStyleClass().add("status-chip");
        playback.textProperty().bind(vm.playbackInfoProperty());
        playback.visibleProperty().bind(vm.playbackInfoProperty().isNotEmpty());
        playback.setTooltip(new Tooltip("Where playback sound goes: your audio device, or a silent clock when "
                + "there is none"));

        HBox bar1 = new HBox(8, statusIcon, statusText, render, playback);
        bar1.setAlignment(Pos.CENTER_LEFT);
        bar1.setPadding(new Insets(4, 12, 4, 12));
        bar1.getStyleClass().add("status-bar");
        return bar1;
    }

    private void showStatus(StatusMessage m) {
        statusText.setText(m.text().isEmpty() ? "Ready" : m.text());
        statusText.getStyleClass().removeAll("info", "success", "warning", "error");
        statusText.getStyleClass().add(m.severity().name().toLowerCase(Locale.ROOT));
        statusIcon.getChildren().setAll(switch (m.severity()) {
            case INFO -> Icons.of(Icons.INFO);
            case SUCCESS -> Icons.of(Icons.CHECK);
            case WARNING, ERROR -> Icons.of(Icons.WARNING);
        });
        statusIcon.getStyleClass().removeAll("info", "success", "warning", "error");
        statusIcon.getStyleClass().addAll("status-icon", m.severity().name().toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- keys and commands

    private void key(KeyEvent e) {
        Scene scene = getScene();
        if (scene != null && scene.getFocusOwner() instanceof TextInputControl) return;
        boolean handled = true;
        if (SAVE.match(e)) vm.save();
        else if (OPEN.match(e)) openWithChooser();
        else if (REDO.match(e) || REDO_Y.match(e)) vm.redo();
        else if (UNDO.match(e)) vm.undo();
        else if (e.isShortcutDown() || e.isAltDown()) handled = false;
        else {
            switch (e.getCode()) {
                case SPACE -> vm.togglePlayback();
                case K -> vm.pause();
                case L -> vm.play();
                case J -> vm.seekFrame(vm.playheadProperty().get() - (int) Math.round(vm.frameRate().fps()));
                case I -> vm.markLoopIn();
                case O -> vm.markLoopOut();
                case X -> vm.clearLoop();
                case DELETE, BACK_SPACE -> vm.deleteSelectedCue();
                case LEFT -> vm.step(e.isShiftDown() ? -10 : -1);
                case RIGHT -> vm.step(e.isShiftDown() ? 10 : 1);
                case HOME -> vm.seekFrame(0);
                case END -> vm.seekFrame(Integer.MAX_VALUE);
                case ESCAPE -> {
                    if (!timeline.cancelDrag()) vm.select(null);
                }
                default -> handled = false;
            }
        }
        if (handled) e.consume();
    }

    /** Asks for a project file and opens it, after offering to save unsaved changes. */
    public void openWithChooser() {
        afterConfirmingDiscard("Open another project", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open Cue Studio project");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Cue Studio project (project.json)",
                    "project.json", "*.json"));
            LoadedProject lp = vm.loadedProject();
            if (lp != null && lp.folder().getParent() != null && lp.folder().getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(lp.folder().getParent().toFile());
            }
            Window w = getScene() == null ? null : getScene().getWindow();
            File f = chooser.showOpenDialog(w);
            if (f != null) vm.open(Path.of(f.getPath()));
        });
    }

    /**
     * Runs {@code next} at once when there are no unsaved changes; else asks whether to save them first, drop them,
     * or cancel (then {@code next} does not run). Never blocks on the save: {@code next} runs when it has succeeded.
     *
     * @param action what is about to happen, for the dialog's title
     */
    public void afterConfirmingDiscard(String action, Runnable next) {
        if (!vm.dirtyProperty().get()) {
            next.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to this project are not saved.", save, discard,
                ButtonType.CANCEL);
        a.setTitle(action);
        a.setHeaderText("Save changes to " + Optional.ofNullable(vm.projectProperty().get()).map(p -> p.name())
                .orElse("the project") + "?");
        if (getScene() != null) a.initOwner(getScene().getWindow());
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return;
        if (r.get() == save) {
            // The status line already says why a save failed; then nothing else happens.
            vm.save().thenRun(next);
        } else {
            next.run();
        }
    }

    private @Nullable StudioWindow window;

    void setWindow(StudioWindow w) {
        window = w;
    }

    /** The menus, settings and autosave clock around this view, when it is in a window. */
    @Nullable StudioWindow window() {
        return window;
    }

    /** Renders the shot as it is now into the next numbered take file and records it in the take sheet. */
    void renderTake(Quality quality) {
        takesVm.renderVariations(1, quality, StudioViewModel.DEFAULT_SEED);
    }

    TakesViewModel takesViewModel() {
        return takesVm;
    }

    /** Puts the window's menu bar above the toolbar. */
    void installMenuBar(javafx.scene.control.MenuBar bar) {
        setTop(new VBox(bar, getTop()));
    }

    /** Shows a note (a warning that needs no answer) in the status line. */
    void showNote(String text) {
        vm.note(StatusMessage.warning(text));
    }

    public StudioViewModel viewModel() {
        return vm;
    }

    TimelineView timeline() {
        return timeline;
    }

    PreviewView preview() {
        return preview;
    }

    InspectorView inspector() {
        return inspector;
    }

    TakesPanel takesPanel() {
        return takesPanel;
    }

    /** Stops the playback timer and unhooks from the scene. */
    public void dispose() {
        if (window != null) window.dispose();
        playbackTimer.stop();
        takesPanel.dispose();
        timeline.dispose();
        vm.dispose();
    }
}
