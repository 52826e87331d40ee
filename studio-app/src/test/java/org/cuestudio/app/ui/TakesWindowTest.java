package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cuestudio.core.model.Take;
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
 * The take sheet and the take comparison in the studio window, headless (Monocle), on a copy of the sample project
 * with fast fake renders: render variations, judge a take with undo, compare two takes, move the wipe, play both.
 */
@ExtendWith(ApplicationExtension.class)
class TakesWindowTest {
    @TempDir
    Path tmp;

    private UiExecutors exec;
    private StudioViewModel vm;
    private StudioView view;

    @Start
    void start(Stage stage) {
        System.setProperty("cue.audio", "off");
        Path project = SampleProjects.copyHello(tmp);
        exec = UiExecutors.javafx();
        vm = new StudioViewModel(new FakePorts(), exec);
        view = StudioApp.show(stage, vm);
        // Inside Monocle's 1280x800 screen, so the robot reaches the side panel's tabs on the right edge.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1200);
        stage.setHeight(760);
        vm.open(project);
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

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private TakesPanel panel() {
        return view.takesPanel();
    }

    /** A take as the project has it now; call it on the JavaFX thread (as {@link #await} does). */
    private Take take(String id) {
        return vm.shotProperty().get().requireTake(id);
    }

    private Take takeNow(String id) throws Exception {
        return UiExecutors.callOnFx(() -> take(id));
    }

    /** Opens the takes tab and renders two variations through its buttons. */
    private void renderTwo(FxRobot robot) throws Exception {
        await(30, () -> vm.performanceProperty().get() != null);
        robot.clickOn(robot.lookup(".side-tabs .tab").nth(1).queryAs(Node.class));
        await(5, () -> ((javafx.scene.control.TabPane) view.lookup(".side-tabs")).getSelectionModel().getSelectedIndex() == 1);
        UiExecutors.callOnFx(() -> {
            robot.lookup("#variation-count").queryAs(ComboBox.class).setValue(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The button's own part, not its arrow (which opens the quality menu).
        robot.clickOn(robot.from(robot.lookup("#render-variations").queryAs(Node.class)).lookup(".label").queryAs(Node.class));
        await(30, () -> panel().viewModel().takes().size() == 2 && !panel().viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node inCell(FxRobot robot, String takeId, String query) {
        return robot.from(robot.lookup("#take-" + takeId).queryAs(ListCell.class)).lookup(query).query();
    }

    @Test
    void rendersVariationsIntoTheTakeSheet(FxRobot robot) throws Exception {
        renderTwo(robot);
        assertThat(takeNow("take-1").seed()).isEqualTo(1);
        assertThat(takeNow("take-2").seed()).isEqualTo(2);
        assertThat(robot.lookup("#take-take-2").tryQuery()).isPresent();
        assertThat(UiExecutors.callOnFx(() -> vm.statusProperty().get().text())).startsWith("Recorded Take 2 (seed 2)");
        assertThat(UiExecutors.callOnFx(() -> vm.dirtyProperty().get())).isTrue();
    }

    @Test
    void ratesCirclesAndNotesATakeInPlaceWithUndo(FxRobot robot) throws Exception {
        renderTwo(robot);
        Node fourthStar = UiExecutors.callOnFx(() -> {
            Node stars = inCell(robot, "take-1", ".take-stars");
            return ((javafx.scene.Parent) stars).getChildrenUnmodifiable().get(3);
        });
        robot.clickOn(fourthStar);
        await(5, () -> take("take-1").rating() == 4);
        robot.clickOn(inCell(robot, "take-1", ".take-circle"));
        await(5, () -> take("take-1").circled());
        TextField notes = (TextField) inCell(robot, "take-1", ".take-notes");
        robot.clickOn(notes).write("keep the wave").type(KeyCode.ENTER);
        await(5, () -> take("take-1").notes().equals("keep the wave"));
        assertThat(UiExecutors.callOnFx(() -> vm.undoLabelProperty().get())).isEqualTo("Note take");

        UiExecutors.callOnFx(() -> {
            vm.undo();
            return null;
        });
        assertThat(takeNow("take-1").notes()).isEmpty();
        await(5, () -> ((TextField) inCell(robot, "take-1", ".take-notes")).getText().isEmpty());
        UiExecutors.callOnFx(() -> {
            vm.undo();
            vm.undo();
            return null;
        });
        assertThat(takeNow("take-1").rating()).isZero();
        assertThat(takeNow("take-1").circled()).isFalse();
    }

    @Test
    void renamesATakeByDoubleClickingItsName(FxRobot robot) throws Exception {
        renderTwo(robot);
        robot.doubleClickOn(inCell(robot, "take-2", ".take-name"));
        robot.write("Warm").type(KeyCode.ENTER);
        await(5, () -> take("take-2").name().equals("Warm"));
    }

    @Test
    void comparesTwoTakesWithAWipeAndPlaysBothInSync(FxRobot robot) throws Exception {
        renderTwo(robot);
        robot.clickOn(inCell(robot, "take-1", ".take-meta"));
        robot.press(KeyCode.CONTROL).clickOn(inCell(robot, "take-2", ".take-meta")).release(KeyCode.CONTROL);
        robot.clickOn("#compare");
        await(10, () -> panel().compareView() != null);
        TakeCompareView compare = UiExecutors.callOnFx(() -> panel().compareView());
        TakeCompareViewModel cvm = compare.viewModel();
        assertThat(cvm.a().takeProperty().get().id()).isEqualTo("take-1");
        assertThat(cvm.b().takeProperty().get().id()).isEqualTo("take-2");
        await(20, () -> cvm.a().shownFrameProperty().get() == 0 && cvm.b().shownFrameProperty().get() == 0);

        robot.clickOn("#compare-wipe");
        assertThat(UiExecutors.callOnFx(() -> cvm.modeProperty().get())).isEqualTo(TakeCompareViewModel.Mode.WIPE);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D handle = UiExecutors.callOnFx(compare::dividerOnScreen);
        double pictureWidth = UiExecutors.callOnFx(compare::wipeWidth);
        robot.drag(handle).dropTo(handle.add(-pictureWidth / 4, 0));
        assertThat(UiExecutors.callOnFx(() -> cvm.wipeProperty().get())).isCloseTo(0.25, within(0.05));

        robot.clickOn("#compare-play");
        Thread.sleep(400);
        robot.clickOn("#compare-play");
        await(5, () -> !vm.playingProperty().get());
        int playhead = UiExecutors.callOnFx(() -> vm.playheadProperty().get());
        assertThat(playhead).isGreaterThan(0);
        await(10, () -> cvm.a().shownFrameProperty().get() == playhead && cvm.b().shownFrameProperty().get() == playhead);

        robot.clickOn("#compare-side-by-side");
        UiExecutors.callOnFx(() -> {
            panel().closeCompare();
            return null;
        });
        assertThat(UiExecutors.callOnFx(() -> panel().compareView())).isNull();
    }

    @Test
    void spaceStillPlaysWithTheTakeSheetShown(FxRobot robot) throws Exception {
        await(30, () -> vm.performanceProperty().get() != null);
        UiExecutors.callOnFx(() -> {
            ((javafx.scene.control.TabPane) view.lookup(".side-tabs")).getSelectionModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Object owner = UiExecutors.callOnFx(() -> view.getScene().getFocusOwner());
        assertThat(owner instanceof javafx.scene.control.TextInputControl).as("focus on a text field: " + owner).isFalse();
        assertThat(owner instanceof ComboBox).as("focus on the variation count").isFalse();
        robot.type(KeyCode.SPACE);
        await(5, () -> vm.playingProperty().get());
        robot.type(KeyCode.SPACE);
        await(5, () -> !vm.playingProperty().get());
    }
}
