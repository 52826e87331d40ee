package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.edit.AddCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing two takes without any window: synchronous executors, fake frames that carry their frame number. */
class TakeCompareViewModelTest {
    @TempDir
    Path tmp;

    private FakePorts ports;
    private StudioViewModel studio;
    private TakesViewModel takes;
    private TakeCompareViewModel compare;

    @BeforeEach
    void twoTakes() {
        Path projectDir = SampleProjects.copyHello(tmp);
        ports = new FakePorts();
        studio = new StudioViewModel(ports, UiExecutors.synchronous());
        assertThat(studio.open(projectDir).join()).isTrue();
        takes = new TakesViewModel(studio);
        takes.renderVariations(2, Quality.PREVIEW, 3);
        compare = new TakeCompareViewModel(studio, takes.takes().get(0), takes.takes().get(1));
    }

    @Test
    void bothSidesShowTheFrameUnderThePlayhead() {
        assertThat(compare.a().shownFrameProperty().get()).isZero();
        assertThat(compare.b().shownFrameProperty().get()).isZero();
        compare.seekFrame(40);
        assertThat(studio.playheadProperty().get()).isEqualTo(40);
        assertThat(compare.a().shownFrameProperty().get()).isEqualTo(40);
        assertThat(compare.b().shownFrameProperty().get()).isEqualTo(40);
        assertThat(compare.a().imageProperty().get().pixels()[0]).isEqualTo((byte) 40);
        assertThat(compare.b().imageProperty().get().pixels()[0]).isEqualTo((byte) 40);
    }

    @Test
    void steppingAndPlayingMoveBothSidesTogether() throws Exception {
        compare.step(5);
        assertThat(compare.a().shownFrameProperty().get()).isEqualTo(5).isEqualTo(compare.b().shownFrameProperty().get());
        compare.togglePlayback();
        assertThat(studio.playingProperty().get()).isTrue();
        Thread.sleep(120);
        studio.followPlayback();
        compare.togglePlayback();
        int f = studio.playheadProperty().get();
        assertThat(f).isGreaterThan(5);
        assertThat(compare.a().shownFrameProperty().get()).isEqualTo(f);
        assertThat(compare.b().shownFrameProperty().get()).isEqualTo(f);
    }

    @Test
    void eachSideIsPlannedWithItsTakesSeed() {
        ports.performances.clear();
        compare.seekFrame(10);
        var shot = studio.shotProperty().get();
        var cast = org.cuestudio.core.perform.Cast.of(studio.projectProperty().get(), shot,
                studio.audioProperty().get().features(), path -> { throw new IllegalStateException(path); });
        var seed3 = ports.planner().planAll(shot, cast, 3).get(0);
        var seed4 = ports.planner().planAll(shot, cast, 4).get(0);
        assertThat(seed3).isNotEqualTo(seed4);
        // A (seed 3), B (seed 4) and the main window's preview (the default seed).
        assertThat(ports.performances).hasSize(3).containsOnlyOnce(seed3, seed4, studio.performanceProperty().get());
    }

    @Test
    void theWipeStaysBetweenZeroAndOne() {
        compare.wipeProperty().set(1.7);
        assertThat(compare.wipeProperty().get()).isEqualTo(1.0);
        compare.wipeProperty().set(-3);
        assertThat(compare.wipeProperty().get()).isZero();
        compare.wipeProperty().set(Double.NaN);
        assertThat(compare.wipeProperty().get()).isEqualTo(0.5);
    }

    @Test
    void judgingATakeWhileComparingShowsTheNewJudgement() {
        takes.rate("take-1", 3);
        assertThat(compare.a().takeProperty().get().rating()).isEqualTo(3);
        studio.undo();
        assertThat(compare.a().takeProperty().get().rating()).isZero();
    }

    @Test
    void aTakeOfAnEarlierStateOfTheShotIsMarkedChanged() {
        assertThat(compare.a().shotChanged()).isFalse();
        studio.apply(new AddCue("hello", new EmotionCue("fear-extra", new TimeRange(2 * Ticks.PER_SECOND,
                Ticks.PER_SECOND), Emotion.FEAR, 0.5, 0, 0)));
        assertThat(compare.a().shotChanged()).isTrue();
        assertThat(compare.b().shotChanged()).isTrue();
    }

    @Test
    void aDisposedComparisonNoLongerFollowsThePlayhead() {
        compare.dispose();
        ports.renderedFrames.clear();
        studio.seekFrame(30);
        assertThat(ports.renderedFrames).containsExactly(30);
        assertThat(compare.a().shownFrameProperty().get()).isZero();
    }

    @Test
    void anUnavailableRendererIsSaidInsteadOfAPicture() {
        ports.characterFailure = new IllegalStateException("no backend");
        TakeCompareViewModel broken = new TakeCompareViewModel(studio, takes.takes().get(0), takes.takes().get(1));
        assertThat(broken.messageProperty().get()).isEqualTo("Renderer unavailable: no backend");
        assertThat(broken.a().imageProperty().get()).isNull();
    }

    @Test
    void goesToTheFrameWhereTheTakesDifferMost() {
        int f = compare.mostDifferentFrame();
        assertThat(f).isPositive();
        compare.seekMostDifferent();
        assertThat(studio.playheadProperty().get()).isEqualTo(f);
        assertThat(compare.a().shownFrameProperty().get()).isEqualTo(f).isEqualTo(compare.b().shownFrameProperty().get());
    }

    @Test
    void aTakeComparedWithItselfDiffersNowhere() {
        compare.seekFrame(25);
        TakeCompareViewModel same = new TakeCompareViewModel(studio, takes.takes().get(0), takes.takes().get(0));
        assertThat(same.mostDifferentFrame()).isZero();
    }
}
