package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.edit.AddCue;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's view model without any window: synchronous executors, fake media and renderer. */
class StudioViewModelTest {
    private static final long FRAME = Ticks.PER_SECOND / 25;

    @TempDir
    Path tmp;

    private Path projectDir;
    private FakePorts ports;
    private StudioViewModel vm;

    @BeforeEach
    void openSample() {
        projectDir = SampleProjects.copyHello(tmp);
        ports = new FakePorts();
        vm = new StudioViewModel(ports, UiExecutors.synchronous());
        assertThat(vm.open(projectDir).join()).isTrue();
    }

    private Shot shot() {
        return vm.shotProperty().get();
    }

    private long startOf(String cueId) {
        return shot().cue(cueId).orElseThrow().range().start();
    }

    private int cueCount() {
        return shot().allCues().size();
    }

    @Test
    void openingPlansTheWholeShotWithAllFourLanes() {
        assertThat(shot().id()).isEqualTo("hello");
        assertThat(shot().tracks()).extracting(t -> t.lane()).containsExactly(CueLane.values());
        // Every lane but the mouth lane, which holds corrections of the lip-sync track only (the sample needs none).
        assertThat(shot().tracks()).filteredOn(t -> t.lane() != CueLane.MOUTH)
                .allSatisfy(t -> assertThat(t.cues()).isNotEmpty());
        assertThat(vm.audioProperty().get()).isNotNull();
        assertThat(vm.frameCountProperty().get()).isEqualTo(vm.performanceProperty().get().frameCount())
                .isGreaterThan(15 * 25);
        assertThat(vm.titleProperty().get()).isEqualTo("Hello — Cue Studio");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo(StatusMessage.info("Opened Hello from hello: 2 shots, 19 cues"));
    }

    @Test
    void openingAMissingProjectSaysSoInTheStatusLine() {
        boolean opened = vm.open(tmp.resolve("nowhere")).join();
        assertThat(opened).isFalse();
        assertThat(vm.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.ERROR);
        assertThat(vm.statusProperty().get().text()).contains("nowhere").doesNotContain("Exception");
        assertThat(shot().id()).isEqualTo("hello");
    }

    @Test
    void previewShowsTheFrameUnderThePlayhead() {
        vm.seekFrame(42);
        assertThat(vm.playheadProperty().get()).isEqualTo(42);
        assertThat(vm.previewImageProperty().get()).isNotNull();
        assertThat(vm.previewImageProperty().get().pixels()[0]).isEqualTo((byte) 42);
        assertThat(vm.previewFrameProperty().get()).isEqualTo(42);
        assertThat(vm.previewMessageProperty().get()).isEmpty();
    }

    @Test
    void aShotWithAPartnerPreviewsTheWholeCastStagedWide() throws Exception {
        ports.loadsCast = true;
        vm.open(org.cuestudio.app.TwoCharacterRenderTest.duo(ProjectFiles.open(projectDir)), List.of());
        vm.selectShot("duo");
        vm.seekFrame(250);
        assertThat(vm.previewImageProperty().get()).isNotNull();
        assertThat(vm.previewMessageProperty().get()).isEmpty();
        Scene last = ports.scenes.get(ports.scenes.size() - 1);
        assertThat(last.actors()).extracting(a -> a.character()).containsExactly(FakePorts.CHARACTER, FakePorts.PARTNER);
        assertThat(last.framing()).isEqualTo(Framing.WIDE);
        // The shot's own character listens to its partner: while Otto speaks (5.2-14.1 s) Mira looks his way.
        assertThat(vm.performanceProperty().get().frames().get(250).get(Channel.EYE_YAW)).isPositive();
    }

    @Test
    void portsThatLoadOnlyTheShotsCharacterPreviewItAlone() throws Exception {
        vm.open(org.cuestudio.app.TwoCharacterRenderTest.duo(ProjectFiles.open(projectDir)), List.of());
        vm.selectShot("duo");
        vm.seekFrame(250);
        assertThat(vm.previewImageProperty().get()).isNotNull();
        Scene last = ports.scenes.get(ports.scenes.size() - 1);
        assertThat(last).isEqualTo(Scene.of(FakePorts.CHARACTER));
    }

    @Test
    void seekingIsClampedToTheShot() {
        vm.seekFrame(-5);
        assertThat(vm.playheadProperty().get()).isZero();
        vm.seekFrame(1_000_000);
        assertThat(vm.playheadProperty().get()).isEqualTo(vm.frameCountProperty().get() - 1);
        vm.seekTicks(Ticks.ofMillis(2000));
        assertThat(vm.playheadProperty().get()).isEqualTo(50);
    }

    @Test
    void missingRendererLeavesTheTimelineWorkingAndSaysWhy() {
        ports.characterFailure = new IllegalStateException("no render backend found: the inference module is missing");
        vm.open(projectDir).join();
        assertThat(vm.previewImageProperty().get()).isNull();
        assertThat(vm.previewMessageProperty().get())
                .isEqualTo("Renderer unavailable: no render backend found: the inference module is missing");
        assertThat(vm.performanceProperty().get()).isNotNull();
        assertThat(vm.addCue(CueLane.GAZE, 0)).isPresent();
    }

    @Test
    void missingAudioIsAnErrorInTheStatusLineNotACrash() {
        ports.audioFailure = new AudioDecodeException(Path.of("audio/hello.wav"), "no such file");
        vm.open(projectDir).join();
        assertThat(vm.audioProperty().get()).isNull();
        assertThat(vm.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.ERROR);
        assertThat(vm.statusProperty().get().text()).contains("hello.wav").contains("no such file");
        assertThat(vm.previewMessageProperty().get()).startsWith("No audio");
    }

    @Test
    void selectingACueExposesItAndUnknownIdsClearTheSelection() {
        vm.select("wave-hello");
        assertThat(vm.selectedCueProperty().get()).isInstanceOf(GestureCue.class);
        vm.select("no-such-cue");
        assertThat(vm.selectedCueIdProperty().get()).isNull();
        assertThat(vm.selectedCueProperty().get()).isNull();
    }

    @Test
    void aDragPreviewsManyTimesAndCommitsOneUndoStep() {
        long start = startOf("wave-hello");
        StudioViewModel.CueDrag drag = vm.beginCueDrag("wave-hello").orElseThrow();
        for (int i = 1; i <= 10; i++) {
            drag.moveTo(start + i * FRAME);
            assertThat(startOf("wave-hello")).isEqualTo(start + i * FRAME);
        }
        assertThat(vm.canUndoProperty().get()).isFalse();
        drag.commit();
        assertThat(startOf("wave-hello")).isEqualTo(start + 10 * FRAME);
        assertThat(vm.undoLabelProperty().get()).isEqualTo("Move cue");
        assertThat(vm.titleProperty().get()).isEqualTo("Hello* — Cue Studio");

        vm.undo();
        assertThat(startOf("wave-hello")).isEqualTo(start);
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.redo();
        assertThat(startOf("wave-hello")).isEqualTo(start + 10 * FRAME);
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void aDragThatEndsWhereItStartedAddsNoUndoStep() {
        long start = startOf("wave-hello");
        StudioViewModel.CueDrag drag = vm.beginCueDrag("wave-hello").orElseThrow();
        drag.moveTo(start + 5 * FRAME);
        drag.moveTo(start);
        drag.commit();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aCancelledDragPutsTheCueBack() {
        long start = startOf("wave-hello");
        StudioViewModel.CueDrag drag = vm.beginCueDrag("wave-hello").orElseThrow();
        drag.moveTo(start + 7 * FRAME);
        drag.cancel();
        assertThat(startOf("wave-hello")).isEqualTo(start);
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void aDragCannotMoveACueBeforeTheStart() {
        vm.moveCue("react-oh", -10 * Ticks.PER_SECOND);
        assertThat(startOf("react-oh")).isZero();
    }

    @Test
    void aDragReplansThePerformance() {
        var before = vm.performanceProperty().get();
        StudioViewModel.CueDrag drag = vm.beginCueDrag("joy-made-it").orElseThrow();
        drag.moveTo(startOf("joy-made-it") - Ticks.PER_SECOND);
        assertThat(vm.performanceProperty().get()).isNotSameAs(before);
        drag.commit();
    }

    @Test
    void addedCuesHaveTheirLanesDefaultsAndNewIds() {
        int before = cueCount();
        Cue emotion = vm.addCue(CueLane.EMOTION, Ticks.ofMillis(1010)).orElseThrow();
        Cue gesture = vm.addCue(CueLane.GESTURE, 0).orElseThrow();
        Cue gaze = vm.addCue(CueLane.GAZE, 0).orElseThrow();
        Cue timing = vm.addCue(CueLane.TIMING, 0).orElseThrow();
        assertThat(cueCount()).isEqualTo(before + 4);
        assertThat(emotion).isInstanceOfSatisfying(EmotionCue.class, e -> {
            assertThat(e.emotion()).isEqualTo(Emotion.JOY);
            assertThat(e.intensity()).isEqualTo(0.8);
        });
        // Snapped to the start of the frame that holds 1.010 s (frame 25 at 25 fps).
        assertThat(emotion.range()).isEqualTo(new TimeRange(Ticks.PER_SECOND, Ticks.ofMillis(1500)));
        assertThat(emotion.id()).isEqualTo("emotion-1");
        assertThat(gesture).isInstanceOfSatisfying(GestureCue.class, g -> assertThat(g.gesture()).isEqualTo("nod"));
        assertThat(gaze).isInstanceOfSatisfying(GazeCue.class, g -> assertThat(g.target()).isEqualTo(GazeTarget.LEFT));
        assertThat(timing).isInstanceOfSatisfying(TimingCue.class, t -> assertThat(t.kind()).isEqualTo(TimingCue.Kind.HOLD));
        assertThat(vm.selectedCueIdProperty().get()).isEqualTo(timing.id());
        assertThat(vm.addCue(CueLane.EMOTION, 0).orElseThrow().id()).isEqualTo("emotion-2");
    }

    @Test
    void aMouthCorrectionOnTheMouthLaneShowsInThePerformanceAndUndoes() {
        // A frame of speech where the mouth is open, so that closing it is a visible change.
        int frame = 100;
        while (vm.performanceProperty().get().frames().get(frame).mouthShape() == org.cuestudio.core.model.MouthShape.A
                || vm.performanceProperty().get().frames().get(frame).mouthShape() == org.cuestudio.core.model.MouthShape.X) {
            frame++;
        }
        long at = org.cuestudio.core.time.FrameRate.FPS_25.frameToTicks(frame);
        org.cuestudio.core.model.MouthShape before = vm.performanceProperty().get().frames().get(frame).mouthShape();
        Cue mouth = vm.addCue(CueLane.MOUTH, at).orElseThrow();
        assertThat(mouth).isInstanceOfSatisfying(org.cuestudio.core.model.MouthShapeCue.class,
                m -> assertThat(m.shape()).isEqualTo(org.cuestudio.core.model.MouthShape.A));
        assertThat(vm.performanceProperty().get().frames().get(frame).mouthShape())
                .isEqualTo(org.cuestudio.core.model.MouthShape.A);
        assertThat(vm.performanceProperty().get().frames().get(frame + 1).mouthShape())
                .isEqualTo(org.cuestudio.core.model.MouthShape.A);
        vm.undo();
        assertThat(vm.performanceProperty().get().frames().get(frame).mouthShape()).isEqualTo(before);
    }

    @Test
    void aDirectionNoteBecomesCuesOfTheShotInOneUndoStep() {
        int before = cueCount();
        var r = vm.applyDirectionNote("nervous, then shrugs and smiles at the end");
        assertThat(r).isNotNull();
        assertThat(cueCount()).isEqualTo(before + r.cues().size()).isGreaterThanOrEqualTo(before + 3);
        assertThat(shot().cue("note-1")).isPresent();
        assertThat(vm.statusProperty().get().text()).startsWith("the note gave " + r.cues().size() + " cues");
        // A second note does not reuse the ids.
        assertThat(vm.applyDirectionNote("nods at the start").cues()).extracting(Cue::id).containsExactly("note2-1");
        vm.undo();
        vm.undo();
        assertThat(cueCount()).isEqualTo(before);
        assertThat(vm.applyDirectionNote("blorp")).isNull();
        assertThat(vm.statusProperty().get().text()).contains("the note gave no cues").contains("blorp");
    }

    @Test
    void anEmotionCueSavedAsAPresetIsOfferedAndOneUndoStep() {
        EmotionCue mixed = new EmotionCue("e", new TimeRange(0, Ticks.PER_SECOND), Emotion.JOY, 0.7, 0, 0,
                java.util.Map.of(Emotion.SADNESS, 0.5), "");
        assertThat(vm.emotionPresets()).extracting(org.cuestudio.core.model.EmotionPreset::id).contains("smug")
                .doesNotContain("my-bittersweet");
        assertThat(vm.saveEmotionPreset(mixed, "My Bittersweet!")).isTrue();
        assertThat(vm.emotionPresets()).first().satisfies(p -> {
            assertThat(p.id()).isEqualTo("my-bittersweet");
            assertThat(p.label()).isEqualTo("My Bittersweet!");
            assertThat(p.blend()).containsEntry(Emotion.SADNESS, 0.5);
        });
        vm.undo();
        assertThat(vm.emotionPresets()).extracting(org.cuestudio.core.model.EmotionPreset::id)
                .doesNotContain("my-bittersweet");
        assertThat(vm.saveEmotionPreset(mixed, "  --  ")).isFalse();
    }

    @Test
    void deletingTheSelectedCueIsOneUndoStep() {
        int before = cueCount();
        vm.select("look-down");
        assertThat(vm.deleteSelectedCue()).isTrue();
        assertThat(cueCount()).isEqualTo(before - 1);
        assertThat(vm.selectedCueIdProperty().get()).isNull();
        assertThat(vm.deleteSelectedCue()).isFalse();
        vm.undo();
        assertThat(shot().cue("look-down")).isPresent();
    }

    @Test
    void undoingAnAddClearsTheSelectionOfTheCueThatIsGone() {
        vm.addCue(CueLane.GAZE, 0);
        assertThat(vm.selectedCueIdProperty().get()).isEqualTo("gaze-1");
        vm.undo();
        assertThat(vm.selectedCueIdProperty().get()).isNull();
        assertThat(vm.statusProperty().get().text()).isEqualTo("Undid Add Look left");
    }

    @Test
    void aRefusedEditChangesNothingAndWarns() {
        Cue existing = shot().cue("look-down").orElseThrow();
        assertThat(vm.apply(new AddCue("hello", existing))).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.WARNING);
        assertThat(vm.statusProperty().get().text()).contains("already has a cue 'look-down'");
    }

    @Test
    void saveWritesTheSnapshotAndClearsTheStar() throws Exception {
        vm.moveCue("wave-hello", 3 * Ticks.PER_SECOND);
        assertThat(vm.titleProperty().get()).contains("*");
        Path file = vm.save().join();
        assertThat(vm.titleProperty().get()).doesNotContain("*");
        assertThat(vm.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.SUCCESS);
        LoadedProject reopened = ProjectFiles.open(file);
        assertThat(reopened.project().requireShot("hello").cue("wave-hello").orElseThrow().range().start())
                .isEqualTo(3 * Ticks.PER_SECOND);
        assertThat(reopened.project()).isEqualTo(vm.projectProperty().get());
    }

    @Test
    void aFailedSaveKeepsTheChangesUnsavedAndSaysWhy() throws Exception {
        LoadedProject lp = vm.loadedProject();
        Path blocker = tmp.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        vm.open(new LoadedProject(blocker.resolve("p"), blocker.resolve("p/project.json"), lp.project()), List.of());
        vm.moveCue("wave-hello", 0);
        CompletableFuture<Path> saved = vm.save();
        assertThatThrownBy(saved::join).isNotNull();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.ERROR);
        assertThat(vm.statusProperty().get().text()).startsWith("Could not save");
    }

    @Test
    void playbackOnTheSilentClockMovesThePlayheadAndStopsAtTheEnd() throws Exception {
        vm.seekFrame(10);
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        Thread.sleep(250);
        vm.followPlayback();
        assertThat(vm.playheadProperty().get()).isGreaterThan(10);
        vm.togglePlayback();
        assertThat(vm.playingProperty().get()).isFalse();
        int stopped = vm.playheadProperty().get();
        Thread.sleep(100);
        vm.followPlayback();
        assertThat(vm.playheadProperty().get()).isEqualTo(stopped);

        vm.seekFrame(vm.frameCountProperty().get() - 2);
        vm.play();
        Thread.sleep(150);
        vm.followPlayback();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.playheadProperty().get()).isEqualTo(vm.frameCountProperty().get() - 1);
    }

    @Test
    void playingFromTheLastFrameStartsOver() {
        vm.seekFrame(Integer.MAX_VALUE);
        vm.play();
        assertThat(vm.playheadProperty().get()).isZero();
        vm.pause();
    }

    @Test
    void iAndOMarkALoopThatPlaybackRepeats() throws Exception {
        vm.seekFrame(40);
        vm.markLoopIn();
        vm.seekFrame(44);
        vm.markLoopOut();
        assertThat(vm.loopInProperty().get()).isEqualTo(40);
        assertThat(vm.loopOutProperty().get()).isEqualTo(45);
        // playing from outside the range starts at its first frame
        vm.seekFrame(100);
        vm.play();
        assertThat(vm.playheadProperty().get()).isEqualTo(40);
        // past its end, playback goes back to its start (the silent clock runs in real time: 200 ms is 5 frames)
        Thread.sleep(300);
        vm.followPlayback();
        assertThat(vm.playheadProperty().get()).isBetween(40, 44);
        assertThat(vm.playingProperty().get()).isTrue();
        vm.pause();
        // an end before the start clears the start; X clears both
        vm.seekFrame(30);
        vm.markLoopOut();
        assertThat(vm.loopInProperty().get()).isZero();
        assertThat(vm.loopOutProperty().get()).isEqualTo(31);
        vm.clearLoop();
        assertThat(vm.loopInProperty().get()).isEqualTo(-1);
        assertThat(vm.loopOutProperty().get()).isEqualTo(-1);
    }
}
