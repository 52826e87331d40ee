package org.cuestudio.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.cuestudio.app.settings.StudioSettings;
import org.cuestudio.core.model.Quality;
import org.cuestudio.format.Autosave;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * What the studio window adds around the {@link StudioView}: the menu bar (new project, open, recent projects, save,
 * preferences, render, theme), the user's settings (recent projects and theme are kept), the autosave clock, and the
 * prompt that offers unsaved work found at open.
 */
final class StudioWindow {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Stage stage;
    private final StudioView view;
    private final StudioViewModel vm;
    private final StudioSettings settings;
    private final Menu recent = new Menu("Open Recent");
    private final ExportViewModel exports;
    private final Timeline autosave;
    private @Nullable Path lastRecorded;
    /** The recovery prompt on screen, if any (tests answer it). */
    @Nullable Alert recoveryPrompt;

    StudioWindow(Stage stage, StudioView view, StudioSettings settings) {
        this.stage = stage;
        this.view = view;
        this.vm = view.viewModel();
        this.settings = settings;
        this.exports = new ExportViewModel(vm);
        view.installMenuBar(menuBar());
        rebuildRecent();
        vm.projectProperty().addListener(o -> recordOpened());
        vm.recoveryProperty().addListener((o, was, now) -> {
            if (now != null) offerRecovery(now);
        });
        java.time.Duration every = Autosave.interval();
        autosave = new Timeline(new KeyFrame(Duration.millis(Math.max(1000, every.toMillis())), e -> vm.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        if (!every.isZero()) autosave.play();
        settings.problem().ifPresent(p -> Platform.runLater(() -> view.showNote(p)));
    }

    /** Sets the AtlantaFX theme for the whole application and marks the window's root for the studio's own rules. */
    static void applyTheme(StudioSettings.Theme theme, @Nullable StudioView view) {
        Application.setUserAgentStylesheet(theme == StudioSettings.Theme.LIGHT
                ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet());
        if (view != null) {
            view.getStyleClass().removeAll("theme-light", "theme-dark");
            view.getStyleClass().add(theme == StudioSettings.Theme.LIGHT ? "theme-light" : "theme-dark");
            view.timeline().setLight(theme == StudioSettings.Theme.LIGHT);
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem newProject = item("New Project…", "Shortcut+N", this::newProject);
        newProject.setId("menu-new");
        MenuItem open = item("Open…", "Shortcut+O", view::openWithChooser);
        MenuItem save = item("Save", "Shortcut+S", vm::save);
        save.disableProperty().bind(vm.projectProperty().isNull());
        MenuItem export = item("Export…", "Shortcut+E", this::export);
        export.setId("menu-export");
        export.disableProperty().bind(vm.shotProperty().isNull().or(exports.runningProperty()));
        MenuItem prefs = item("Preferences…", "Shortcut+Comma", this::preferences);
        prefs.setId("menu-preferences");
        MenuItem quit = item("Quit", "Shortcut+Q", () -> view.afterConfirmingDiscard("Quit Cue Studio", stage::close));
        recent.setId("menu-recent");
        file.getItems().addAll(newProject, open, recent, new SeparatorMenuItem(), save, export, new SeparatorMenuItem(), prefs,
                new SeparatorMenuItem(), quit);

        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", null, vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item("Redo", null, vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        edit.getItems().addAll(undo, redo);

        Menu render = new Menu("Render");
        MenuItem fin = item("Render Take (final quality)", null, () -> view.renderTake(Quality.FINAL));
        MenuItem pre = item("Render Take (preview quality)", null, () -> view.renderTake(Quality.PREVIEW));
        fin.disableProperty().bind(view.takesViewModel().runningProperty().or(vm.shotProperty().isNull()));
        pre.disableProperty().bind(fin.disableProperty());
        render.getItems().addAll(fin, pre);

        Menu viewMenu = new Menu("View");
        CheckMenuItem light = new CheckMenuItem("Light Theme");
        light.setId("menu-light");
        light.setSelected(settings.theme() == StudioSettings.Theme.LIGHT);
        light.selectedProperty().addListener((o, was, now) -> {
            settings.setTheme(now ? StudioSettings.Theme.LIGHT : StudioSettings.Theme.DARK);
            applyTheme(settings.theme(), view);
            saveSettings();
        });
        viewMenu.getItems().add(light);

        MenuBar bar = new MenuBar(file, edit, render, viewMenu);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, @Nullable String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        // The view's key handler owns the shortcuts it has; here they are only shown (no double action).
        if (keys != null && !keys.equals("Shortcut+O") && !keys.equals("Shortcut+S")) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    void newProject() {
        view.afterConfirmingDiscard("New Project", () -> {
            NewProjectDialog d = new NewProjectDialog(stage, NewProjectDialog.bundledSheets());
            d.showAndWait().ifPresent(vm::createProject);
        });
    }

    void export() {
        new ExportDialog(stage, exports).showAndWait().ifPresent(exports::export);
    }

    ExportViewModel exports() {
        return exports;
    }

    void preferences() {
        PreferencesDialog d = new PreferencesDialog(stage, settings, System.getProperty(StudioSettings.DEVICE_PROPERTY));
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            applyTheme(settings.theme(), view);
            saveSettings();
        });
    }

    private void saveSettings() {
        settings.save().ifPresent(view::showNote);
    }

    private void recordOpened() {
        LoadedProject lp = vm.loadedProject();
        if (lp == null || lp.folder().equals(lastRecorded)) return;
        lastRecorded = lp.folder();
        settings.opened(lp.folder());
        rebuildRecent();
        saveSettings();
    }

    private void rebuildRecent() {
        recent.getItems().clear();
        for (Path p : settings.recentProjects()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p);
            m.setMnemonicParsing(false);
            m.setOnAction(e -> view.afterConfirmingDiscard("Open " + p.getFileName(), () -> {
                if (!Files.exists(p)) {
                    settings.forget(p);
                    rebuildRecent();
                    saveSettings();
                    view.showNote("The project " + p + " is no longer there; it was taken off the recent list");
                    return;
                }
                vm.open(p);
            }));
            recent.getItems().add(m);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private void offerRecovery(Autosave.Recovery r) {
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.WARNING, "", recover, discard);
        a.setTitle("Recover unsaved changes");
        a.setHeaderText("Unsaved changes to " + r.project().name() + " were found");
        a.setContentText("Cue Studio stopped before they were saved. They were autosaved at "
                + WHEN.format(r.autosavedAt().toInstant()) + (r.savedAt() == null ? "; the project file is missing."
                : "; the project was last saved at " + WHEN.format(r.savedAt().toInstant()) + ".")
                + "\n\nRecover makes them the project (the saved version is kept as project.json.bak). "
                + "Discard deletes them.");
        a.initOwner(stage);
        a.getDialogPane().lookupButton(recover).setId("recover");
        a.getDialogPane().lookupButton(discard).setId("discard-recovery");
        a.setOnHidden(e -> {
            recoveryPrompt = null;
            if (a.getResult() == recover) vm.acceptRecovery();
            else if (a.getResult() == discard) vm.discardRecovery();
        });
        recoveryPrompt = a;
        a.show();
    }

    void dispose() {
        exports.cancel();
        autosave.stop();
    }
}
