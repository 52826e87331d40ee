package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cuestudio.app.settings.StudioSettings;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.format.Autosave;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window around the studio view, headless: new project, recent projects, autosave and crash recovery, and the
 * preferences, with light ports (no render engine) and a settings file of the test's own.
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowMenusTest {
    @TempDir
    Path tmp;

    private UiExecutors exec;
    private StudioViewModel vm;
    private StudioView view;
    private StudioSettings settings;
    private Path settingsFile;

    @Start
    void start(Stage stage) {
        exec = UiExecutors.javafx();
        settingsFile = tmp.resolve("config/settings.json");
        settings = StudioSettings.load(settingsFile);
        vm = new StudioViewModel(new FakePorts(), exec);
        view = StudioApp.show(stage, vm, settings);
        stage.setWidth(1200);
        stage.setHeight(760);
    }

    @AfterEach
    void close() throws Exception {
        UiExecutors.callOnFx(() -> {
            view.dispose();
            return null;
        });
        exec.shutdown().run();
        FxToolkit.cleanupStages();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void newProjectInThreeStepsFromTheFileMenu(FxRobot robot) throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        Path audio = Files.copy(sample.resolve("audio/hello.wav"), tmp.resolve("greeting.wav"));
        robot.clickOn("File").clickOn("New Project…");
        TextField audioField = robot.lookup("#new-audio").queryAs(TextField.class);
        robot.interact(() -> audioField.setText(audio.toString()));
        // the folder is suggested beside the recording; the first bundled character is chosen
        TextField folder = robot.lookup("#new-folder").queryAs(TextField.class);
        assertThat(folder.getText()).isEqualTo(tmp.resolve("greeting project").toString());
        ComboBox<?> character = robot.lookup("#new-character").queryAs(ComboBox.class);
        assertThat(character.getValue()).asString().contains("bundled");
        robot.clickOn("#new-create");
        await(() -> vm.loadedProject() != null && vm.frameCountProperty().get() > 0);
        Project p = UiExecutors.callOnFx(() -> vm.projectProperty().get());
        assertThat(p.name()).isEqualTo("greeting project");
        assertThat(p.shots()).singleElement().satisfies(s -> assertThat(s.audio()).isEqualTo("audio/greeting.wav"));
        assertThat(tmp.resolve("greeting project/project.json")).exists();
        // and it is now the most recent project, kept in the settings file
        assertThat(StudioSettings.load(settingsFile).recentProjects()).first().isEqualTo(tmp.resolve("greeting project"));
    }

    @Test
    void recentProjectsAreListedInTheFileMenu(FxRobot robot) throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        UiExecutors.callOnFx(() -> vm.open(sample));
        await(() -> vm.loadedProject() != null);
        robot.clickOn("File").clickOn("Open Recent");
        assertThat(robot.lookup(sample.getFileName() + "  —  " + sample).tryQuery()).isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(StudioSettings.load(settingsFile).recentProjects()).containsExactly(sample);
    }

    @Test
    void autosaveWritesTheSideFileOnlyWhileThereAreUnsavedChanges() throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        Path side = Autosave.sideFile(sample.resolve("project.json"));
        UiExecutors.callOnFx(() -> vm.open(sample));
        await(() -> vm.shotProperty().get() != null);
        assertThat(UiExecutors.callOnFx(() -> vm.autosave()).get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(side).doesNotExist();
        UiExecutors.callOnFx(() -> vm.addCue(CueLane.EMOTION, Ticks.ofSeconds(12)));
        assertThat(UiExecutors.callOnFx(() -> vm.autosave()).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(side).exists();
        assertThat(ProjectFiles.open(side).project()).isEqualTo(UiExecutors.callOnFx(() -> vm.projectProperty().get()));
        // written once per change, and a save makes it go
        assertThat(UiExecutors.callOnFx(() -> vm.autosave()).get(10, TimeUnit.SECONDS)).isFalse();
        UiExecutors.callOnFx(() -> vm.save()).get(10, TimeUnit.SECONDS);
        assertThat(side).doesNotExist();
    }

    @Test
    void unsavedWorkFoundAtOpenIsOfferedAndRecovered(FxRobot robot) throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        Path file = sample.resolve("project.json");
        Project saved = ProjectFiles.open(file).project();
        Project unsaved = new Project("Hello (unsaved)", saved.characters(), saved.shots(), saved.emotionPresets(),
                saved.metadata(), saved.unknown());
        Autosave.write(file, unsaved);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        UiExecutors.callOnFx(() -> vm.open(sample));
        await(() -> view.window() != null && view.window().recoveryPrompt != null);
        robot.clickOn("#recover");
        await(() -> vm.projectProperty().get() != null && vm.projectProperty().get().name().equals("Hello (unsaved)")
                && !vm.dirtyProperty().get());
        assertThat(Autosave.sideFile(file)).doesNotExist();
        assertThat(ProjectFiles.open(file).project().name()).isEqualTo("Hello (unsaved)");
        assertThat(ProjectFiles.open(ProjectFiles.backupFile(file)).project().name()).isEqualTo(saved.name());
    }

    @Test
    void discardingTheOfferDeletesTheAutosaveAndKeepsTheProject(FxRobot robot) throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        Path file = sample.resolve("project.json");
        Project saved = ProjectFiles.open(file).project();
        Autosave.write(file, new Project("Other", saved.characters(), saved.shots(), saved.emotionPresets(),
                saved.metadata(), saved.unknown()));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        UiExecutors.callOnFx(() -> vm.open(sample));
        await(() -> view.window() != null && view.window().recoveryPrompt != null);
        robot.clickOn("#discard-recovery");
        await(() -> !Files.exists(Autosave.sideFile(file)));
        assertThat(UiExecutors.callOnFx(() -> vm.projectProperty().get().name())).isEqualTo(saved.name());
    }

    @Test
    void preferencesChangeTheThemeAtOnceAndAreKept(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Preferences…");
        @SuppressWarnings("unchecked")
        ComboBox<StudioSettings.Theme> theme = robot.lookup("#pref-theme").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<StudioSettings.Device> device = robot.lookup("#pref-device").queryAs(ComboBox.class);
        TextField cache = robot.lookup("#pref-cache").queryAs(TextField.class);
        robot.interact(() -> {
            theme.setValue(StudioSettings.Theme.LIGHT);
            device.setValue(StudioSettings.Device.CPU);
            cache.setText("12kb");
        });
        assertThat(robot.lookup("#pref-ok").queryButton().isDisabled()).isTrue(); // too small a cache
        robot.interact(() -> cache.setText("4G"));
        robot.clickOn("#pref-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyleClass()).contains("theme-light");
        StudioSettings kept = StudioSettings.load(settingsFile);
        assertThat(kept.theme()).isEqualTo(StudioSettings.Theme.LIGHT);
        assertThat(kept.device()).isEqualTo(StudioSettings.Device.CPU);
        assertThat(kept.cacheBytes()).isEqualTo(4L << 30);
        robot.interact(() -> StudioWindow.applyTheme(StudioSettings.Theme.DARK, view));
    }

    @Test
    void theExportDialogExportsTheShotWhereItSuggests(FxRobot robot) throws Exception {
        Path sample = SampleProjects.copyHello(tmp);
        UiExecutors.callOnFx(() -> vm.open(sample));
        await(() -> vm.performanceProperty().get() != null);
        robot.clickOn("File").clickOn("Export…");
        @SuppressWarnings("unchecked")
        ComboBox<ExportViewModel.Kind> kind = robot.lookup("#export-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(ExportViewModel.Kind.PRORES_422_HQ));
        TextField out = robot.lookup("#export-output").queryAs(TextField.class);
        assertThat(out.getText()).isEqualTo(sample.resolve("exports/hello.mov").toAbsolutePath().toString());
        // a timeline needs a rendered take: none yet, so Export is off with a reason
        robot.interact(() -> kind.setValue(ExportViewModel.Kind.OTIO));
        assertThat(robot.lookup("#export-ok").queryButton().isDisabled()).isTrue();
        robot.interact(() -> kind.setValue(ExportViewModel.Kind.PRORES_422_HQ));
        robot.clickOn("#export-ok");
        await(() -> Files.exists(sample.resolve("exports/hello.mov"))
                && vm.statusProperty().get().text().startsWith("Exported"));
        assertThat(sample.resolve("exports/hello.mov")).hasContent("export of hello as PRORES_422_HQ at FINAL");
    }
}
