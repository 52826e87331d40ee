package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio window, headless (Monocle), on a copy of the sample project with the real services: the render
 * backend and codecs of the inference module when they are on the class path.
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    /** One frame at the sample's 25 fps, in ticks. */
    private static final long FRAME = Ticks.PER_SECOND / 25;

    private static StudioServices services;
    private static UiExecutors executors;

    @TempDir
    Path tmp;

    private Path projectDir;
    private StudioViewModel vm;
    private StudioView view;

    @BeforeAll
    static void services() {
        System.setProperty("cue.audio", "off");
        services = new StudioServices();
        executors = UiExecutors.javafx();
    }

    @AfterAll
    static void closeServices() {
        executors.shutdown().run();
        services.close();
    }

    @Start
    void start(Stage stage) {
        projectDir = SampleProjects.copyHello(tmp);
        vm = new StudioViewModel(new ServicesPorts(services), executors);
        view = StudioApp.show(stage, vm);
        stage.setWidth(1200);
        stage.setHeight(760);
        vm.open(projectDir);
    }

    @AfterEach
    void close() throws Exception {
        UiExecutors.callOnFx(() -> {
            view.dispose();
            return null;
        });
        FxToolkit.cleanupStages();
    }

    /** Waits until the shot is planned and the timeline is at a known zoom: 100 px a second, no scroll. */
    private void awaitOpen() throws Exception {
        await(60, () -> vm.performanceProperty().get() != null);
        UiExecutors.callOnFx(() -> {
            view.timeline().setPixelsPerSecond(100);
            view.timeline().scrollProperty().set(0);
            view.timeline().drawNow();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
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


    private Shot shot() throws Exception {
        return UiExecutors.callOnFx(() -> vm.shotProperty().get());
    }

    private long startOf(String cueId) throws Exception {
        return shot().cue(cueId).orElseThrow().range().start();
    }

    /** A point of the timeline canvas on the screen. */
    private Point2D screen(double x, double y) throws Exception {
        return UiExecutors.callOnFx(() -> view.timeline().contentCanvas().localToScreen(x, y));
    }

    private Point2D cueOnScreen(String cueId) throws Exception {
        Point2D local = UiExecutors.callOnFx(() -> view.timeline().cueCenter(cueId).orElseThrow());
        return screen(local.getX(), local.getY());
    }

    @Test
    void opensOnTheSampleWithFourLanesOfCuesDrawnAndTheCharacterInThePreview(FxRobot robot) throws Exception {
        awaitOpen();
        assertThat(UiExecutors.callOnFx(() -> ((Stage) view.getScene().getWindow()).getTitle())).isEqualTo("Hello — Cue Studio");
        Shot shot = shot();
        WritableImage pixels = UiExecutors.callOnFx(() -> {
            view.timeline().drawNow();
            return view.timeline().snapshot(null, null);
        });
        PixelReader px = pixels.getPixelReader();
        for (CueLane lane : CueLane.values()) {
            // The mouth lane holds corrections of the lip-sync track only; the sample needs none.
            if (lane == CueLane.MOUTH) continue;
            assertThat(shot.track(lane).cues()).as(lane + " cues").isNotEmpty();
            Cue first = shot.track(lane).cues().get(0);
            Point2D c = UiExecutors.callOnFx(() -> view.timeline().cueCenter(first.id()).orElseThrow());
            // The coloured strip along the top of each block is the lane's colour.
            Color strip = px.getColor((int) c.getX(), (int) TimelineView.laneTop(lane) + 6);
            assertThat(close(strip, TimelineView.laneColor(lane))).as(lane + " strip " + strip).isTrue();
            // Away from the blocks, the lane is its background.
            double empty = UiExecutors.callOnFx(() -> view.timeline().xOf(shot.track(lane).cues().get(0).range().start())) - 4;
            if (empty > TimelineView.HEADER_WIDTH + 2) {
                Color bg = px.getColor((int) empty, (int) (TimelineView.laneTop(lane) + TimelineView.LANE_HEIGHT / 2));
                assertThat(close(bg, TimelineView.laneColor(lane))).as(lane + " background").isFalse();
            }
        }
        // The playhead (frame 0) is a red line at the start of the shot.
        Color head = px.getColor((int) TimelineView.HEADER_WIDTH, (int) (TimelineView.laneTop(CueLane.GAZE) + 17));
        assertThat(close(head, TimelineView.PLAYHEAD)).as("playhead " + head).isTrue();
        // The waveform is drawn: some column in the dialogue band is the wave colour.
        boolean wave = false;
        for (int x = (int) TimelineView.HEADER_WIDTH + 1; x < pixels.getWidth() && !wave; x++) {
            wave = close(px.getColor(x, (int) (TimelineView.RULER_HEIGHT + TimelineView.WAVE_HEIGHT / 2 - 3)),
                    TimelineView.WAVE);
        }
        assertThat(wave).as("waveform drawn").isTrue();

        await(120, () -> vm.previewImageProperty().get() != null || vm.rendererProblem() != null);
        assertThat(UiExecutors.callOnFx(() -> vm.rendererProblem())).as("renderer problem").isNull();
        WritableImage preview = UiExecutors.callOnFx(() -> view.preview().shownImage());
        assertThat(preview).isNotNull();
        assertThat(preview.getWidth()).isEqualTo(RenderSettings.forShot(shot, org.cuestudio.core.model.Quality.PREVIEW)
                .resolution().width());
        assertThat(countNotBackground(preview)).as("pixels of the character").isGreaterThan(5_000);
    }

    private static int countNotBackground(WritableImage img) {
        Color bg = Color.rgb((RenderSettings.DEFAULT_BACKGROUND >> 16) & 0xff, (RenderSettings.DEFAULT_BACKGROUND >> 8) & 0xff,
                RenderSettings.DEFAULT_BACKGROUND & 0xff);
        int n = 0;
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if (!close(r.getColor(x, y), bg)) n++;
            }
        }
        return n;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

    @Test
    void clickSelectsACueAndDraggingMovesItAsOneUndoStep(FxRobot robot) throws Exception {
        awaitOpen();
        long start = startOf("wave-hello");
        robot.clickOn(cueOnScreen("wave-hello"), MouseButton.PRIMARY);
        assertThat(UiExecutors.callOnFx(() -> vm.selectedCueIdProperty().get())).isEqualTo("wave-hello");
        assertThat(UiExecutors.callOnFx(() -> vm.canUndoProperty().get())).as("a click is not an edit").isFalse();

        // 100 px at 100 px/s is one second: 25 frames.
        robot.drag(cueOnScreen("wave-hello"), MouseButton.PRIMARY).moveBy(50, 0).moveBy(50, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("wave-hello")).isEqualTo(start + 25 * FRAME);
        assertThat(UiExecutors.callOnFx(() -> vm.undoLabelProperty().get())).isEqualTo("Move cue");
        assertThat(UiExecutors.callOnFx(() -> vm.titleProperty().get())).isEqualTo("Hello* — Cue Studio");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("wave-hello")).isEqualTo(start);
        assertThat(UiExecutors.callOnFx(() -> vm.canUndoProperty().get())).as("one drag, one undo step").isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("wave-hello")).isEqualTo(start + 25 * FRAME);

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("wave-hello")).isEqualTo(start + 25 * FRAME);
    }

    @Test
    void doubleClickOnAnEmptyLaneAddsACueAndDeleteRemovesIt(FxRobot robot) throws Exception {
        awaitOpen();
        int before = shot().allCues().size();
        double x = UiExecutors.callOnFx(() -> view.timeline().xOf(Ticks.PER_SECOND)) + 2;
        double y = TimelineView.laneTop(CueLane.GAZE) + TimelineView.LANE_HEIGHT / 2;
        robot.moveTo(screen(x, y)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shot().allCues()).hasSize(before + 1);
        Cue added = shot().cue("gaze-1").orElseThrow();
        assertThat(added).isInstanceOfSatisfying(GazeCue.class, g -> assertThat(g.target()).isEqualTo(GazeTarget.LEFT));
        assertThat(added.range().start()).isEqualTo(Ticks.PER_SECOND);
        assertThat(added.range().duration()).isEqualTo(NewCues.DEFAULT_LENGTH);
        assertThat(UiExecutors.callOnFx(() -> vm.selectedCueIdProperty().get())).isEqualTo("gaze-1");

        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shot().allCues()).hasSize(before);
        assertThat(shot().cue("gaze-1")).isEmpty();
    }

    @Test
    void ctrlSSavesAndTheSavedFileHasTheEdit(FxRobot robot) throws Exception {
        awaitOpen();
        long start = startOf("look-down");
        robot.drag(cueOnScreen("look-down"), MouseButton.PRIMARY).moveBy(-30, 0).moveBy(-30, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        long moved = startOf("look-down");
        assertThat(moved).isEqualTo(start - 15 * FRAME);

        robot.push(KeyCode.CONTROL, KeyCode.S);
        await(20, () -> !vm.dirtyProperty().get() && !vm.savingProperty().get());
        assertThat(UiExecutors.callOnFx(() -> vm.titleProperty().get())).isEqualTo("Hello — Cue Studio");
        assertThat(UiExecutors.callOnFx(() -> vm.statusProperty().get().severity())).isEqualTo(StatusMessage.Severity.SUCCESS);
        var reopened = ProjectFiles.open(projectDir);
        assertThat(reopened.project().requireShot("hello").cue("look-down").orElseThrow().range().start())
                .isEqualTo(moved);
        assertThat(reopened.project()).isEqualTo(UiExecutors.callOnFx(() -> vm.projectProperty().get()));
    }

    @Test
    void clickingTheRulerScrubsAndSpacePlaysAndPauses(FxRobot robot) throws Exception {
        awaitOpen();
        double x = UiExecutors.callOnFx(() -> view.timeline().xOf(2 * Ticks.PER_SECOND)) + 1;
        robot.clickOn(screen(x, TimelineView.RULER_HEIGHT / 2), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiExecutors.callOnFx(() -> vm.playheadProperty().get())).isEqualTo(50);
        assertThat(robot.lookup("#timecode").queryLabeled().getText()).isEqualTo("00:00:02:00");
        await(60, () -> vm.previewFrameProperty().get() == 50);

        robot.push(KeyCode.SPACE);
        assertThat(UiExecutors.callOnFx(() -> vm.playingProperty().get())).isTrue();
        await(10, () -> vm.playheadProperty().get() > 55);
        robot.push(KeyCode.SPACE);
        assertThat(UiExecutors.callOnFx(() -> vm.playingProperty().get())).isFalse();
    }

    @Test
    void jklShuttleAndIOMarkALoop(FxRobot robot) throws Exception {
        awaitOpen();
        UiExecutors.callOnFx(() -> {
            vm.seekFrame(100);
            return null;
        });
        robot.push(KeyCode.I);
        robot.push(KeyCode.RIGHT).push(KeyCode.RIGHT).push(KeyCode.RIGHT);
        robot.push(KeyCode.O);
        assertThat(UiExecutors.callOnFx(() -> vm.loopInProperty().get())).isEqualTo(100);
        assertThat(UiExecutors.callOnFx(() -> vm.loopOutProperty().get())).isEqualTo(104);
        robot.push(KeyCode.J); // back a second
        assertThat(UiExecutors.callOnFx(() -> vm.playheadProperty().get())).isEqualTo(78);
        robot.push(KeyCode.L);
        assertThat(UiExecutors.callOnFx(() -> vm.playingProperty().get())).isTrue();
        assertThat(UiExecutors.callOnFx(() -> vm.playheadProperty().get())).isBetween(100, 103); // in the loop
        robot.push(KeyCode.K);
        assertThat(UiExecutors.callOnFx(() -> vm.playingProperty().get())).isFalse();
        robot.push(KeyCode.X);
        assertThat(UiExecutors.callOnFx(() -> vm.loopInProperty().get())).isEqualTo(-1);
    }

    @Test
    void escapeDuringADragPutsTheCueBack(FxRobot robot) throws Exception {
        awaitOpen();
        long start = startOf("hold-beat");
        robot.drag(cueOnScreen("hold-beat"), MouseButton.PRIMARY).moveBy(60, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("hold-beat")).isNotEqualTo(start);
        robot.push(KeyCode.ESCAPE);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(startOf("hold-beat")).isEqualTo(start);
        assertThat(UiExecutors.callOnFx(() -> vm.canUndoProperty().get())).isFalse();
    }

    private void startPreviewTake(FxRobot robot) throws Exception {
        await(120, () -> vm.previewImageProperty().get() != null || vm.rendererProblem() != null);
        robot.clickOn(robot.lookup("#render-take").lookup(".arrow-button").queryAs(javafx.scene.Node.class));
        robot.clickOn("Preview quality (640x360, fast)");
    }

    @Test
    void aPreviewTakeIsRenderedToTheTakesFolderWithProgress(FxRobot robot) throws Exception {
        awaitOpen();
        startPreviewTake(robot);
        await(10, () -> view.takesViewModel().runningProperty().get());
        assertThat(robot.lookup("#render-progress").query().isVisible()).isTrue();
        await(10, () -> view.takesViewModel().progressProperty().get() > 0);
        await(90, () -> !view.takesViewModel().runningProperty().get());
        StatusMessage done = UiExecutors.callOnFx(() -> vm.statusProperty().get());
        assertThat(done.severity()).as(done.text()).isEqualTo(StatusMessage.Severity.SUCCESS);
        assertThat(done.text()).startsWith("Recorded Take 1 (seed 1): 385 frames");
        assertThat(projectDir.resolve("takes/hello-take-1.mp4")).isNotEmptyFile();
        // the render is a take of the shot, in the take sheet
        assertThat(UiExecutors.callOnFx(() -> vm.shotProperty().get().takes())).singleElement()
                .satisfies(t -> assertThat(t.output()).isEqualTo("takes/hello-take-1.mp4"));
        assertThat(robot.lookup("#status").queryLabeled().getText()).isEqualTo(done.text());
    }

    @Test
    void aTakeCanBeCancelled(FxRobot robot) throws Exception {
        awaitOpen();
        startPreviewTake(robot);
        await(20, () -> view.takesViewModel().progressProperty().get() > 0);
        robot.clickOn("#render-cancel");
        await(30, () -> !view.takesViewModel().runningProperty().get());
        assertThat(UiExecutors.callOnFx(() -> vm.statusProperty().get()))
                .isEqualTo(StatusMessage.info("Render cancelled; takes that finished are kept"));
        assertThat(UiExecutors.callOnFx(() -> vm.shotProperty().get().takes())).isEmpty();
        assertThat(projectDir.resolve("takes/hello-take-1.mp4")).doesNotExist();
    }

    @Test
    void ctrlWheelZoomsAroundThePointerAndTheWheelScrolls(FxRobot robot) throws Exception {
        awaitOpen();
        UiExecutors.callOnFx(() -> {
            view.timeline().setPixelsPerSecond(200);
            view.timeline().scrollProperty().set(600);
            return null;
        });
        double x = UiExecutors.callOnFx(() -> view.timeline().xOf(5 * Ticks.PER_SECOND));
        Point2D at = screen(x, TimelineView.laneTop(CueLane.GAZE) + 4);
        robot.moveTo(at);
        robot.press(KeyCode.CONTROL).scroll(2, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double pps = UiExecutors.callOnFx(() -> view.timeline().pixelsPerSecondProperty().get());
        // Monocle's robot and real wheels disagree on which way is up: only the change is checked.
        assertThat(pps).isNotCloseTo(200, org.assertj.core.data.Offset.offset(5.0));
        // The time under the pointer stays under the pointer.
        assertThat(UiExecutors.callOnFx(() -> Ticks.toSeconds(view.timeline().ticksAt(x)))).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.02));

        double scrolled = UiExecutors.callOnFx(() -> view.timeline().scrollProperty().get());
        robot.scroll(2, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiExecutors.callOnFx(() -> view.timeline().scrollProperty().get())).isNotEqualTo(scrolled);
    }

    @Test
    void aDirectionNoteTypedInTheInspectorBecomesCues(FxRobot robot) throws Exception {
        awaitOpen();
        int before = UiExecutors.callOnFx(() -> vm.shotProperty().get().allCues().size());
        robot.clickOn("#direction-note").write("shrugs at the start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#direction-note").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("shrugs at the start");
        robot.clickOn("#direct");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiExecutors.callOnFx(() -> vm.statusProperty().get().text())).startsWith("the note gave 1 cue");
        assertThat(UiExecutors.callOnFx(() -> vm.shotProperty().get().cue("note-1"))).get()
                .extracting(c -> c.label()).isEqualTo("Shrug");
        assertThat(UiExecutors.callOnFx(() -> vm.shotProperty().get().allCues().size())).isEqualTo(before + 1);
        assertThat(robot.lookup("#direction-note").queryAs(javafx.scene.control.TextArea.class).getText()).isEmpty();
    }

    @Test
    void rightClickOnAnEmptyLaneOffersEveryCueOfThatLane(FxRobot robot) throws Exception {
        awaitOpen();
        double x = UiExecutors.callOnFx(() -> view.timeline().xOf(4 * Ticks.PER_SECOND)) + 2;
        double y = TimelineView.laneTop(CueLane.GESTURE) + TimelineView.LANE_HEIGHT / 2;
        robot.moveTo(screen(x, y)).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Menu all = UiExecutors.callOnFx(() -> view.timeline().contextMenu().getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.Menu).map(i -> (javafx.scene.control.Menu) i)
                .findFirst().orElseThrow());
        assertThat(all.getText()).isEqualTo("Add gesture cue");
        assertThat(all.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactlyElementsOf(org.cuestudio.app.StudioServices.gestureLibrary().gestures().stream()
                        .map(org.cuestudio.core.perform.GestureSpec::label).toList())
                .contains("Nod", "Shrug", "Facepalm", "Thumbs up");

        robot.clickOn("Add Nod here");
        WaitForAsyncUtils.waitForFxEvents();
        Cue added = shot().cue("gesture-1").orElseThrow();
        assertThat(added.label()).isEqualTo("Nod");
        assertThat(added.range().start()).isEqualTo(4 * Ticks.PER_SECOND);

        // On a cue, the menu offers to delete it.
        robot.moveTo(cueOnScreen("wave-hello")).clickOn(MouseButton.SECONDARY);
        robot.clickOn("Delete Wave (right)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shot().cue("wave-hello")).isEmpty();
    }

    @Test
    void withoutARendererThePreviewSaysWhyAndTheTimelineStillWorks(FxRobot robot) throws Exception {
        awaitOpen();
        Path bare = SampleProjects.copyHello(tmp.resolve("bare"));
        try (var files = java.nio.file.Files.walk(bare.resolve("characters"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        UiExecutors.callOnFx(() -> vm.open(bare));
        await(60, () -> vm.rendererProblem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiExecutors.callOnFx(() -> view.preview().shownImage())).isNull();
        assertThat(UiExecutors.callOnFx(() -> view.preview().shownMessage())).startsWith("Renderer unavailable: character sheet: 'Mira'");
        assertThat(UiExecutors.callOnFx(() -> vm.statusProperty().get().severity())).isEqualTo(StatusMessage.Severity.WARNING);

        awaitOpen();
        int before = shot().allCues().size();
        double x = UiExecutors.callOnFx(() -> view.timeline().xOf(3 * Ticks.PER_SECOND)) + 2;
        robot.moveTo(screen(x, TimelineView.laneTop(CueLane.TIMING) + 17)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shot().allCues()).hasSize(before + 1);
    }

    @Test
    void idlePulsesDoNotRedrawTheTimeline() throws Exception {
        awaitOpen();
        await(120, () -> vm.previewImageProperty().get() != null || vm.rendererProblem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int draws = UiExecutors.callOnFx(() -> view.timeline().contentDraws());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiExecutors.callOnFx(() -> view.timeline().contentDraws())).isEqualTo(draws);
        Canvas canvas = UiExecutors.callOnFx(() -> view.timeline().contentCanvas());
        assertThat(canvas.getWidth()).isGreaterThan(800);
    }

    @Test
    void aDraggedCueSnapsToNearbyCueEdgesAndStressedSyllables() throws Exception {
        awaitOpen();
        UiExecutors.callOnFx(() -> {
            TimelineView t = view.timeline();
            Shot s = vm.shotProperty().get();
            org.cuestudio.core.model.Cue wave = s.cue("wave-hello").orElseThrow();
            org.cuestudio.core.model.Cue chest = s.cue("hand-chest").orElseThrow();
            long length = wave.range().duration();
            // 3 px after the end of another cue (at 100 px a second): pulled onto it, or onto a nearer target
            long edge = chest.range().start() + chest.range().duration();
            long near = edge + Ticks.ofMillis(30);
            TimelineView.Snap snap = t.magnet(near, length, wave.id());
            assertThat(snap).isNotNull();
            assertThat(snap.start() == snap.at() || snap.start() + length == snap.at()).isTrue();
            long moved = Math.abs(snap.start() - near);
            assertThat(moved).isLessThanOrEqualTo(Ticks.ofMillis(30));
            // the end of the block snaps too
            TimelineView.Snap byEnd = t.magnet(chest.range().start() - length + Ticks.ofMillis(20), length, wave.id());
            assertThat(byEnd).isNotNull();
            assertThat(Math.abs(byEnd.start() - (chest.range().start() - length + Ticks.ofMillis(20))))
                    .isLessThanOrEqualTo(Ticks.ofMillis(20));
            var accents = vm.audioProperty().get().features().prosody().accents();
            assertThat(accents).isNotEmpty();
            long a = accents.get(accents.size() / 2).ticks();
            TimelineView.Snap onAccent = t.magnet(a + Ticks.ofMillis(40), length, wave.id());
            assertThat(onAccent).isNotNull();
            assertThat(Math.abs(onAccent.start() - (a + Ticks.ofMillis(40)))).isLessThanOrEqualTo(Ticks.ofMillis(60));
            t.setPixelsPerSecond(2000); // zoomed in, 6 px is 3 ms: 30 ms away no longer snaps to the cue edge
            TimelineView.Snap far = t.magnet(near, length, wave.id());
            assertThat(far == null || far.at() != edge).isTrue();
            return null;
        });
    }
}
