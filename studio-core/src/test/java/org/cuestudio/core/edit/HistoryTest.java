package org.cuestudio.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

class HistoryTest {
    static Project project() {
        Shot shot = new Shot("s1", "Shot", "a.wav", "c1", FrameRate.FPS_25, Resolution.HD, List.of(), List.of(), Map.of());
        return new Project("P", List.of(new Character("c1", "C", "sheet", Personality.DEFAULT, Map.of())), List.of(shot),
                Map.of());
    }

    static EmotionCue joy(String id, double startSeconds) {
        return new EmotionCue(id, new TimeRange(Ticks.ofSeconds(startSeconds), Ticks.PER_SECOND), Emotion.JOY, 0.8, 0, 0);
    }

    @Test
    void addCueIsUndoneAndRedone() {
        History h = new History(project());
        Project before = h.current();
        h.apply(new AddCue("s1", joy("e1", 1)));
        Project after = h.current();
        assertThat(after.requireShot("s1").track(CueLane.EMOTION).cues()).hasSize(1);
        h.undo();
        assertThat(h.current()).isEqualTo(before);
        h.redo();
        assertThat(h.current()).isEqualTo(after);
    }

    @Test
    void moveReportsOldAndNewRangesAsDirty() {
        History h = new History(project());
        h.apply(new AddCue("s1", joy("e1", 1)));
        List<DirtyRange> dirty = h.apply(ReplaceCue.move(h.current(), "s1", "e1", Ticks.ofSeconds(3)));
        assertThat(dirty).extracting(d -> d.range().start()).containsExactly(Ticks.ofSeconds(1), Ticks.ofSeconds(3));
        assertThat(h.current().requireShot("s1").cue("e1").orElseThrow().range().start()).isEqualTo(Ticks.ofSeconds(3));
    }

    @Test
    void failedEditChangesNothing() {
        History h = new History(project());
        Project before = h.current();
        assertThatThrownBy(() -> h.apply(new RemoveCue("s1", "missing"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.apply(new AddCue("nope", joy("e1", 0)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.current()).isSameAs(before);
        assertThat(h.canUndo()).isFalse();
    }

    @Test
    void duplicateCueIdIsRefused() {
        History h = new History(project());
        h.apply(new AddCue("s1", joy("e1", 0)));
        assertThatThrownBy(() -> h.apply(new AddCue("s1", new GazeCue("e1",
                new TimeRange(0, Ticks.PER_SECOND), GazeTarget.LEFT)))).hasMessageContaining("already has a cue 'e1'");
    }

    @Test
    void dragIsOneUndoStep() {
        History h = new History(project());
        h.apply(new AddCue("s1", joy("e1", 1)));
        Project beforeDrag = h.current();
        EditSession drag = h.begin();
        for (int i = 1; i <= 10; i++) drag.preview(ReplaceCue.move(beforeDrag, "s1", "e1", Ticks.ofSeconds(1 + i * 0.1)));
        drag.commit();
        assertThat(h.current().requireShot("s1").cue("e1").orElseThrow().range().start()).isEqualTo(Ticks.ofSeconds(2));
        h.undo();
        assertThat(h.current()).isEqualTo(beforeDrag);
    }

    @Test
    void cancelledDragRestoresTheStart() {
        History h = new History(project());
        h.apply(new AddCue("s1", joy("e1", 1)));
        Project start = h.current();
        EditSession drag = h.begin();
        drag.preview(ReplaceCue.move(start, "s1", "e1", Ticks.ofSeconds(5)));
        drag.cancel();
        assertThat(h.current()).isSameAs(start);
        assertThat(h.undoLabel()).contains("Add Joy 80%");
    }

    @Test
    void dirtyFlagFollowsUndoBackToTheSavedState() {
        History h = new History(project());
        assertThat(h.isDirty()).isFalse();
        h.apply(new AddCue("s1", joy("e1", 1)));
        assertThat(h.isDirty()).isTrue();
        h.undo();
        assertThat(h.isDirty()).isFalse();
    }

    @Test
    void randomEditsUndoAllTheWayBackAndRedoAllTheWayForward() {
        SplittableRandom r = new SplittableRandom(42);
        History h = new History(project());
        List<Project> states = new java.util.ArrayList<>(List.of(h.current()));
        int next = 0;
        for (int i = 0; i < 300; i++) {
            List<org.cuestudio.core.model.Cue> cues = h.current().requireShot("s1").allCues();
            int choice = cues.isEmpty() ? 0 : r.nextInt(3);
            Edit e = switch (choice) {
                case 0 -> new AddCue("s1", joy("e" + next++, r.nextDouble() * 30));
                case 1 -> new RemoveCue("s1", cues.get(r.nextInt(cues.size())).id());
                default -> ReplaceCue.move(h.current(), "s1", cues.get(r.nextInt(cues.size())).id(),
                        Ticks.ofSeconds(r.nextDouble() * 30));
            };
            h.apply(e);
            states.add(h.current());
        }
        for (int i = states.size() - 1; i > 0; i--) {
            assertThat(h.current()).isEqualTo(states.get(i));
            h.undo();
        }
        assertThat(h.current()).isEqualTo(states.get(0));
        for (int i = 1; i < states.size(); i++) {
            h.redo();
            assertThat(h.current()).isEqualTo(states.get(i));
        }
    }
}
