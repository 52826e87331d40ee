package org.cuestudio.app.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.PerformancePlanner;
import org.jspecify.annotations.Nullable;

/**
 * The take sheet of the current shot beside the preview: each take with its name, time, seed, planner and backend,
 * rating (click the stars), circle and notes, all edited in place as undoable edits; buttons to render variations,
 * render the selected take again and compare two selected takes ({@link TakeCompareView}); progress while takes
 * render. It only shows the {@link TakesViewModel} and forwards gestures to it.
 */
public final class TakesPanel extends VBox {
    static final String STYLESHEET = Objects.requireNonNull(TakesPanel.class.getResource("takes.css")).toExternalForm();

    private final TakesViewModel vm;
    private final ListView<Take> list = new ListView<>();
    private final ComboBox<Integer> count = new ComboBox<>(FXCollections.observableArrayList(1, 2, 3, 4, 6, 8, 12,
            TakesViewModel.MAX_VARIATIONS));
    private @Nullable Stage compareStage;
    private @Nullable TakeCompareView compareView;

    public TakesPanel(TakesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("takes-panel");
        getStylesheets().add(STYLESHEET);
        setMinWidth(220);

        Label heading = new Label("TAKES");
        heading.getStyleClass().add("inspector-heading");
        Label total = new Label();
        total.getStyleClass().add("takes-count");
        Runnable counted = () -> total.setText(vm.takes().isEmpty() ? "" : vm.takes().size() + "");
        vm.takes().addListener((javafx.collections.ListChangeListener<Take>) c -> counted.run());
        counted.run();
        HBox head = new HBox(8, heading, total);
        head.setAlignment(Pos.CENTER_LEFT);

        list.setId("takes-list");
        list.getStyleClass().addAll("takes-list", Styles.DENSE);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new TakeCell());
        list.setFocusTraversable(false);
        Label empty = new Label("No takes of this shot yet.\nRender variations to record some.");
        empty.getStyleClass().add("takes-empty");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        vm.takes().addListener((javafx.collections.ListChangeListener<Take>) c -> syncItems());
        syncItems();

        count.setId("variation-count");
        count.setValue(3);
        count.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(@Nullable Integer n) {
                return n == null ? "" : n + (n == 1 ? " take" : " takes");
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll("\\D", ""));
            }
        });
        count.setPrefWidth(96);
        count.getStyleClass().add(Styles.SMALL);
        count.setFocusTraversable(false);
        count.setTooltip(new Tooltip("How many variations: takes of the same direction, each with its own seed"));
        SplitMenuButton variations = new SplitMenuButton();
        variations.setId("render-variations");
        variations.setText("Render variations");
        variations.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        variations.setFocusTraversable(false);
        variations.setTooltip(new Tooltip("Render takes of the shot as it is now with the next seeds (preview "
                + "quality; arrow for final)"));
        variations.setOnAction(e -> vm.renderVariations(count.getValue(), Quality.PREVIEW, vm.nextSeed()));
        MenuItem fin = new MenuItem("Final quality");
        fin.setOnAction(e -> vm.renderVariations(count.getValue(), Quality.FINAL, vm.nextSeed()));
        MenuItem pre = new MenuItem("Preview quality (fast)");
        pre.setOnAction(e -> vm.renderVariations(count.getValue(), Quality.PREVIEW, vm.nextSeed()));
        variations.getItems().addAll(pre, fin);
        variations.disableProperty().bind(vm.runningProperty());
        HBox renderRow = new HBox(6, count, variations);
        renderRow.setAlignment(Pos.CENTER_LEFT);

        Button rerender = new Button("Re-render");
        rerender.setId("rerender");
        rerender.getStyleClass().add(Styles.SMALL);
        rerender.setFocusTraversable(false);
        rerender.setTooltip(new Tooltip("Render the selected take again from the shot as it is now, with its seed; "
                + "only changed segments are rendered"));
        rerender.setOnAction(e -> {
            List<Take> sel = List.copyOf(list.getSelectionModel().getSelectedItems());
            if (sel.size() == 1) vm.rerender(sel.get(0).id());
        });
        Button compare = new Button("Compare A/B");
        compare.setId("compare");
        compare.getStyleClass().add(Styles.SMALL);
        compare.setFocusTraversable(false);
        compare.setTooltip(new Tooltip("Compare the two selected takes side by side or with a wipe "
                + "(Ctrl+click selects a second take)"));
        compare.setOnAction(e -> compareSelected());
        Runnable enable = () -> {
            int n = list.getSelectionModel().getSelectedItems().size();
            rerender.setDisable(n != 1 || vm.runningProperty().get());
            compare.setDisable(n != 2);
        };
        list.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<Take>) c ->
                enable.run());
        vm.runningProperty().addListener(o -> enable.run());
        enable.run();
        HBox actions = new HBox(6, rerender, compare);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label progressText = new Label();
        progressText.setId("takes-progress-text");
        progressText.getStyleClass().add("takes-progress-text");
        progressText.textProperty().bind(vm.messageProperty());
        progressText.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("takes-progress");
        bar.getStyleClass().add(Styles.SMALL);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("takes-cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> vm.cancel());
        HBox barRow = new HBox(6, bar, cancel);
        barRow.setAlignment(Pos.CENTER_LEFT);
        VBox progress = new VBox(4, progressText, barRow);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());

        // A comparison belongs to one shot: it closes when the window goes to another.
        vm.studio().shotProperty().addListener((o, was, now) -> {
            TakeCompareView open = compareView;
            if (open != null && (now == null || !now.id().equals(open.viewModel().shotId()))) closeCompare();
        });

        setSpacing(8);
        setPadding(new Insets(10, 12, 12, 12));
        getChildren().addAll(head, list, progress, renderRow, actions);
    }

    /** The inspector and the take sheet as two tabs of the window's side panel (the inspector first), on its edge. */
    static javafx.scene.control.TabPane besideInspector(InspectorView inspector, TakesPanel takes) {
        javafx.scene.control.Tab cue = new javafx.scene.control.Tab("Inspector", inspector);
        cue.setId("inspector-tab");
        javafx.scene.control.Tab sheet = new javafx.scene.control.Tab("Takes", takes);
        sheet.setId("takes-tab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(cue, sheet);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        // Tabs on the right edge, as tool windows: they take no height from the inspector.
        tabs.setSide(javafx.geometry.Side.RIGHT);
        tabs.getStyleClass().addAll("side-tabs", Styles.DENSE);
        tabs.setMinWidth(240);
        tabs.setPrefWidth(320);
        tabs.setFocusTraversable(false);
        return tabs;
    }

    private void syncItems() {
        List<String> selected = list.getSelectionModel().getSelectedItems().stream().map(Take::id).toList();
        list.getItems().setAll(vm.takes());
        for (String id : selected) {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).id().equals(id)) list.getSelectionModel().select(i);
            }
        }
    }

    /** Opens the comparison of the two selected takes (the first selected is A). */
    void compareSelected() {
        List<Take> sel = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (sel.size() != 2) return;
        openCompare(sel.get(0), sel.get(1));
    }

    /** Opens (or replaces) the comparison window of two takes. */
    TakeCompareView openCompare(Take a, Take b) {
        closeCompare();
        TakeCompareViewModel cvm = new TakeCompareViewModel(vm.studio(), a, b);
        TakeCompareView view = new TakeCompareView(cvm);
        Window owner = getScene() == null ? null : getScene().getWindow();
        Stage stage = TakeCompareView.show(view, owner);
        stage.setOnHidden(e -> {
            view.dispose();
            if (compareView == view) {
                compareView = null;
                compareStage = null;
            }
        });
        compareStage = stage;
        compareView = view;
        return view;
    }

    /** Closes the comparison window if one is open. */
    void closeCompare() {
        Stage s = compareStage;
        if (s != null) s.close();
    }

    /** The open comparison, for tests. */
    @Nullable TakeCompareView compareView() {
        return compareView;
    }

    ListView<Take> list() {
        return list;
    }

    public TakesViewModel viewModel() {
        return vm;
    }

    /** Closes the comparison and stops the take renders. */
    public void dispose() {
        closeCompare();
        vm.dispose();
    }

    // ---------------------------------------------------------------- one take

    private final class TakeCell extends ListCell<Take> {
        private final ToggleButton circle = new ToggleButton();
        private final Label name = new Label();
        private final TextField nameEditor = new TextField();
        private final StackPane nameBox = new StackPane(name, nameEditor);
        private final HBox stars = new HBox(1);
        private final Label meta = new Label();
        private final Label origin = new Label();
        private final Label state = new Label();
        private final TextField notes = new TextField();
        private final VBox box;
        private boolean updating;
        /** The take and the notes the notes field was last filled with. */
        private @Nullable String notesOf;
        private String shownNotes = "";

        TakeCell() {
            getStyleClass().add("take-cell");
            // As wide as the list, never wider: a narrow panel shortens names and notes, it does not scroll sideways.
            setPrefWidth(0);
            Circle ring = new Circle(6);
            ring.getStyleClass().add("take-circle-ring");
            circle.setGraphic(ring);
            circle.getStyleClass().addAll("take-circle", Styles.BUTTON_ICON, Styles.FLAT);
            circle.setFocusTraversable(false);
            circle.setTooltip(new Tooltip("Circle this take: a keeper"));
            circle.setOnAction(e -> {
                Take t = getItem();
                if (t != null && !updating) vm.circle(t.id(), circle.isSelected());
            });

            name.getStyleClass().add("take-name");
            name.setMinWidth(0);
            nameBox.setAlignment(Pos.CENTER_LEFT);
            nameBox.setMinWidth(0);
            nameEditor.setPrefColumnCount(6);
            nameEditor.getStyleClass().addAll(Styles.SMALL, "take-name-editor");
            nameEditor.setVisible(false);
            name.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) editName();
            });
            nameEditor.setOnAction(e -> commitName());
            nameEditor.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    nameEditor.setVisible(false);
                    e.consume();
                }
            });
            nameEditor.focusedProperty().addListener((o, was, now) -> {
                if (!now && nameEditor.isVisible()) commitName();
            });
            HBox.setHgrow(nameBox, Priority.ALWAYS);

            stars.getStyleClass().add("take-stars");
            for (int i = 1; i <= 5; i++) {
                int value = i;
                Label star = new Label("★");
                star.getStyleClass().add("take-star");
                star.setOnMouseClicked(e -> {
                    Take t = getItem();
                    if (t == null || e.getButton() != MouseButton.PRIMARY) return;
                    // Clicking the rating's own star again takes the rating away.
                    vm.rate(t.id(), t.rating() == value ? 0 : value);
                    e.consume();
                });
                stars.getChildren().add(star);
            }
            HBox top = new HBox(4, circle, nameBox, stars);
            top.setAlignment(Pos.CENTER_LEFT);

            meta.getStyleClass().add("take-meta");
            meta.setMinWidth(0);
            state.getStyleClass().add("take-state");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox info = new HBox(6, meta, gap, state);
            info.setAlignment(Pos.CENTER_LEFT);

            notes.setPromptText("Notes…");
            notes.setPrefColumnCount(6);
            // Only a click puts the caret here: Space and the arrows keep driving playback otherwise.
            notes.setFocusTraversable(false);
            nameEditor.setFocusTraversable(false);
            notes.getStyleClass().addAll(Styles.SMALL, "take-notes");
            notes.setOnAction(e -> {
                commitNotes();
                // Enter is done with the note: playback keys (Space, arrows) work again.
                list.requestFocus();
            });
            notes.focusedProperty().addListener((o, was, now) -> {
                if (!now) commitNotes();
            });

            origin.getStyleClass().add("take-meta");
            origin.setMinWidth(0);
            box = new VBox(2, top, info, origin, notes);
            box.getStyleClass().add("take-box");
            setContextMenu(menu());
        }

        private ContextMenu menu() {
            MenuItem rename = new MenuItem("Rename");
            rename.setOnAction(e -> editName());
            MenuItem again = new MenuItem("Re-render");
            again.setOnAction(e -> {
                if (getItem() != null) vm.rerender(getItem().id());
            });
            MenuItem remove = new MenuItem("Remove from take sheet");
            remove.setOnAction(e -> {
                if (getItem() != null) vm.delete(getItem().id());
            });
            return new ContextMenu(rename, again, remove);
        }

        private void editName() {
            Take t = getItem();
            if (t == null) return;
            nameEditor.setText(t.name());
            nameEditor.setVisible(true);
            nameEditor.requestFocus();
            nameEditor.selectAll();
        }

        private void commitName() {
            Take t = getItem();
            nameEditor.setVisible(false);
            if (t != null && !updating) vm.rename(t.id(), nameEditor.getText());
        }

        private void commitNotes() {
            Take t = getItem();
            if (t != null && !updating) vm.note(t.id(), notes.getText());
        }

        @Override
        protected void updateItem(@Nullable Take t, boolean empty) {
            super.updateItem(t, empty);
            updating = true;
            try {
                if (empty || t == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                setText(null);
                setId("take-" + t.id());
                circle.setSelected(t.circled());
                name.setText(t.name());
                nameEditor.setVisible(false);
                for (int i = 0; i < 5; i++) {
                    stars.getChildren().get(i).pseudoClassStateChanged(ON, i < t.rating());
                }
                stars.setAccessibleText(t.rating() + " of 5 stars");
                meta.setText(metaText(t));
                origin.setText(originText(t));
                Tooltip tip = new Tooltip(details(t));
                meta.setTooltip(tip);
                origin.setTooltip(tip);
                TakesViewModel.ShotState s = vm.shotState(t);
                state.setText(s == TakesViewModel.ShotState.CHANGED ? "shot changed" : "");
                state.setVisible(s == TakesViewModel.ShotState.CHANGED);
                state.setTooltip(new Tooltip("The shot was edited after this take was rendered: re-render it to "
                        + "bring it up to date"));
                // Keep what the user is typing; else show the take's notes (after an undo too).
                boolean typing = notes.isFocused() && t.id().equals(notesOf) && !notes.getText().equals(shownNotes);
                if (!typing) notes.setText(t.notes());
                notesOf = t.id();
                shownNotes = t.notes();
                setGraphic(box);
            } finally {
                updating = false;
            }
        }
    }

    private static final javafx.css.PseudoClass ON = javafx.css.PseudoClass.getPseudoClass("on");

    /** "seed 3 · preview 640x360", the line under a take's name. */
    static String metaText(Take t) {
        return String.format(Locale.ROOT, "seed %d · %s %s", t.seed(), t.quality().id(), t.resolution());
    }

    /** "planner 5 · neural-sheet 3 · 20:14", the second line under a take's name. */
    static String originText(Take t) {
        return String.format(Locale.ROOT, "planner %s · %s · %s", t.metadata().getOrDefault(TakeRecorder.PLANNER, "?"),
                t.backendVersion().isEmpty() ? t.backendId() : t.backendId() + " " + t.backendVersion(),
                time(t.createdAt()));
    }

    /** Everything a take records, for its tooltip. */
    static String details(Take t) {
        String planner = t.metadata().getOrDefault(TakeRecorder.PLANNER, "?");
        String rerenders = t.metadata().getOrDefault(TakeRecorder.RERENDERS, "0");
        return String.format(Locale.ROOT, "%s (%s)%nrendered %s%nseed %d, %s %s%nplanner %s%s, backend %s %s%n"
                + "re-rendered %s times%n%s", t.name(), t.id(), t.createdAt(), t.seed(), t.quality().id(),
                t.resolution(), planner, planner.equals(PerformancePlanner.VERSION) ? "" : " (now "
                + PerformancePlanner.VERSION + ")", t.backendId(), t.backendVersion(), rerenders,
                t.output() == null ? "no file in the project" : t.output());
    }

    /** The time of day of an ISO-8601 instant ("20:14"), or the text as it is. */
    static String time(String createdAt) {
        int tee = createdAt.indexOf('T');
        return tee > 0 && createdAt.length() >= tee + 6 ? createdAt.substring(tee + 1, tee + 6) : createdAt;
    }
}
