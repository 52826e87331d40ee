package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.edit.AddCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The take sheet's view model without any window: synchronous executors, fake renders. */
class TakesViewModelTest {
    @TempDir
    Path tmp;

    private Path projectDir;
    private FakePorts ports;
    private StudioViewModel studio;
    private TakesViewModel takes;

    @BeforeEach
    void openSample() {
        projectDir = SampleProjects.copyHello(tmp);
        ports = new FakePorts();
        studio = new StudioViewModel(ports, UiExecutors.synchronous());
        assertThat(studio.open(projectDir).join()).isTrue();
        takes = new TakesViewModel(studio);
    }

    private Take take(String id) {
        return studio.shotProperty().get().requireTake(id);
    }

    @Test
    void variationsAreRecordedAsTakesWithConsecutiveSeedsAndTheirOwnFiles() {
        takes.renderVariations(3, Quality.PREVIEW, 10);

        assertThat(takes.takes()).extracting(Take::id).containsExactly("take-1", "take-2", "take-3");
        assertThat(takes.takes()).extracting(Take::seed).containsExactly(10L, 11L, 12L);
        assertThat(takes.takes()).extracting(Take::output)
                .containsExactly("takes/hello-take-1.mp4", "takes/hello-take-2.mp4", "takes/hello-take-3.mp4");
        assertThat(projectDir.resolve("takes/hello-take-3.mp4")).exists();
        assertThat(take("take-2").name()).isEqualTo("Take 2");
        assertThat(takes.runningProperty().get()).isFalse();
        assertThat(studio.dirtyProperty().get()).isTrue();
        assertThat(studio.statusProperty().get().text()).startsWith("Recorded Take 3 (seed 12)");
        assertThat(takes.nextSeed()).isEqualTo(13);
    }

    @Test
    void eachRecordedVariationIsOneUndoStep() {
        takes.renderVariations(2, Quality.PREVIEW, 1);
        studio.undo();
        assertThat(takes.takes()).extracting(Take::id).containsExactly("take-1");
        studio.redo();
        assertThat(takes.takes()).extracting(Take::id).containsExactly("take-1", "take-2");
    }

    @Test
    void aNewTakeNeverOverwritesAFileAlreadyInTheTakesFolder() throws Exception {
        Files.createDirectories(projectDir.resolve("takes"));
        Files.writeString(projectDir.resolve("takes/hello-take-4.mp4"), "older render");
        takes.renderVariations(1, Quality.PREVIEW, 1);
        assertThat(takes.takes()).extracting(Take::output).containsExactly("takes/hello-take-5.mp4");
        assertThat(projectDir.resolve("takes/hello-take-4.mp4")).hasContent("older render");
    }

    @Test
    void ratingCirclingAndNotesAreUndoableEditsSavedWithTheProject() throws Exception {
        takes.renderVariations(1, Quality.PREVIEW, 1);
        assertThat(takes.rate("take-1", 4)).isTrue();
        assertThat(takes.circle("take-1", true)).isTrue();
        assertThat(takes.note("take-1", "  keep the wave  ")).isTrue();
        assertThat(take("take-1")).extracting(Take::rating, Take::circled, Take::notes).containsExactly(4, true,
                "keep the wave");
        assertThat(studio.undoLabelProperty().get()).isEqualTo("Note take");

        studio.undo();
        assertThat(take("take-1").notes()).isEmpty();
        studio.undo();
        assertThat(take("take-1").circled()).isFalse();
        studio.undo();
        assertThat(take("take-1").rating()).isZero();
        studio.redo();
        studio.redo();
        studio.redo();
        assertThat(take("take-1")).extracting(Take::rating, Take::circled, Take::notes).containsExactly(4, true,
                "keep the wave");

        studio.save().join();
        Take saved = ProjectFiles.open(projectDir).project().requireShot("hello").requireTake("take-1");
        assertThat(saved).extracting(Take::rating, Take::circled, Take::notes).containsExactly(4, true, "keep the wave");
    }

    @Test
    void unchangedJudgementsMakeNoUndoStep() {
        takes.renderVariations(1, Quality.PREVIEW, 1);
        takes.note("take-1", "");
        takes.rate("take-1", 0);
        takes.circle("take-1", false);
        assertThat(studio.undoLabelProperty().get()).isEqualTo("Record take Take 1");
    }

    @Test
    void aBlankNameIsRefusedWithAMessageAndTheTakeKeepsItsName() {
        takes.renderVariations(1, Quality.PREVIEW, 1);
        assertThat(takes.rename("take-1", "Warm")).isTrue();
        assertThat(take("take-1").name()).isEqualTo("Warm");
        assertThat(takes.rename("take-1", "   ")).isFalse();
        assertThat(take("take-1").name()).isEqualTo("Warm");
        assertThat(studio.statusProperty().get().severity()).isEqualTo(StatusMessage.Severity.WARNING);
    }

    @Test
    void reRenderingKeepsTheJudgementAndCountsTheRerender() throws Exception {
        takes.renderVariations(1, Quality.PREVIEW, 7);
        takes.rate("take-1", 5);
        takes.note("take-1", "best");
        String hashBefore = take("take-1").shotHash();
        Files.writeString(projectDir.resolve("takes/hello-take-1.mp4"), "old file");
        studio.apply(new AddCue("hello", new EmotionCue("fear-extra", new TimeRange(2 * Ticks.PER_SECOND,
                Ticks.PER_SECOND), Emotion.FEAR, 0.5, 0, 0)));
        assertThat(takes.shotState(take("take-1"))).isEqualTo(TakesViewModel.ShotState.CHANGED);

        takes.rerender("take-1");

        Take again = take("take-1");
        assertThat(again).extracting(Take::rating, Take::notes, Take::seed, Take::output).containsExactly(5, "best", 7L,
                "takes/hello-take-1.mp4");
        assertThat(again.shotHash()).isNotEqualTo(hashBefore);
        assertThat(again.metadata()).containsEntry(TakeRecorder.RERENDERS, "1");
        assertThat(takes.shotState(again)).isEqualTo(TakesViewModel.ShotState.SAME);
        assertThat(projectDir.resolve("takes/hello-take-1.mp4")).content().startsWith("take of hello");
        try (var files = Files.list(projectDir.resolve("takes"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hello-take-1.mp4");
        }
        assertThat(studio.statusProperty().get().text()).startsWith("Re-rendered Take 1 (the shot had changed)");
        studio.undo();
        assertThat(take("take-1").metadata()).doesNotContainKey(TakeRecorder.RERENDERS);
    }

    @Test
    void aFailedReRenderLeavesTheTakeAndItsFile() throws Exception {
        takes.renderVariations(1, Quality.PREVIEW, 7);
        Files.writeString(projectDir.resolve("takes/hello-take-1.mp4"), "old file");
        Take before = take("take-1");
        ports.takeFailure = new java.io.IOException("disk full");

        takes.rerender("take-1");

        assertThat(take("take-1")).isEqualTo(before);
        assertThat(projectDir.resolve("takes/hello-take-1.mp4")).hasContent("old file");
        assertThat(studio.statusProperty().get()).isEqualTo(StatusMessage.error(
                "Render failed: input/output error: disk full"));
        assertThat(takes.runningProperty().get()).isFalse();
    }

    @Test
    void aCancelledVariationRecordsNoTake() {
        ports.cancelTakes = true;
        takes.renderVariations(2, Quality.PREVIEW, 1);
        assertThat(takes.takes()).isEmpty();
        assertThat(takes.runningProperty().get()).isFalse();
        assertThat(studio.statusProperty().get().text()).startsWith("Render cancelled");
    }

    @Test
    void progressCoversAllTheVariationsRequested() {
        java.util.List<Double> seen = new java.util.ArrayList<>();
        takes.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
        takes.renderVariations(2, Quality.PREVIEW, 1);
        assertThat(seen).contains(0.25, 0.5, 0.75).last().isEqualTo(0.0);
        assertThat(seen.stream().filter(p -> p > 0)).isSorted();
    }

    @Test
    void removingATakeKeepsItsFileAndCanBeUndone() {
        takes.renderVariations(1, Quality.PREVIEW, 1);
        takes.delete("take-1");
        assertThat(takes.takes()).isEmpty();
        assertThat(projectDir.resolve("takes/hello-take-1.mp4")).exists();
        studio.undo();
        assertThat(takes.takes()).extracting(Take::id).containsExactly("take-1");
    }

    @Test
    void theSheetFollowsTheCurrentShot() {
        takes.renderVariations(1, Quality.PREVIEW, 1);
        studio.selectShot("conversation");
        assertThat(takes.takes()).isEmpty();
        studio.selectShot("hello");
        assertThat(takes.takes()).hasSize(1);
    }

    @Test
    void cancellingDropsTheVariationsStillWaiting() {
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        StudioViewModel held = new StudioViewModel(ports, new UiExecutors(later::add, Runnable::run, Runnable::run,
                () -> { }));
        held.open(SampleProjects.copyHello(tmp.resolve("held")));
        while (!later.isEmpty()) later.remove(0).run();
        TakesViewModel sheet = new TakesViewModel(held);

        sheet.renderVariations(3, Quality.PREVIEW, 1);
        assertThat(sheet.runningProperty().get()).isTrue();
        sheet.cancel();

        assertThat(sheet.runningProperty().get()).isFalse();
        assertThat(held.statusProperty().get().text()).startsWith("Render cancelled");
        while (!later.isEmpty()) later.remove(0).run();
        assertThat(sheet.takes()).isEmpty();
    }

    @Test
    void etaIsWrittenForPeople() {
        assertThat(TakesViewModel.etaText(java.time.Duration.ofMillis(40_700))).isEqualTo("about 40 s");
        assertThat(TakesViewModel.etaText(java.time.Duration.ofSeconds(125))).isEqualTo("about 2 min 5 s");
        assertThat(TakesViewModel.etaText(java.time.Duration.ofSeconds(-3))).isEqualTo("about 0 s");
    }
}
