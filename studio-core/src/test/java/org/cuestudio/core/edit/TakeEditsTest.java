package org.cuestudio.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.junit.jupiter.api.Test;

/** The take edits: state before, after undo and after redo, and the refusals. */
class TakeEditsTest {
    static Take take(String id, long seed) {
        return new Take(id, "Take " + id, "2025-05-01T10:00:00Z", seed, Quality.FINAL, Resolution.HD, "abc", "djl",
                "3", 0, false, "", "takes/s1-" + id + ".mp4", Map.of("frameRate", "25"));
    }

    static List<Take> takes(Project p) {
        return p.requireShot("s1").takes();
    }

    /** Applies the edit, checks the change, then that undo restores the start exactly and redo the result. */
    static Project roundTrip(History h, Edit edit) {
        Project before = h.current();
        assertThat(h.apply(edit)).as("takes do not change the performance").isEmpty();
        Project after = h.current();
        assertThat(after).isNotEqualTo(before);
        h.undo();
        assertThat(h.current()).isEqualTo(before);
        h.redo();
        assertThat(h.current()).isEqualTo(after);
        return after;
    }

    @Test
    void createTakeAppendsTheTakeAndIsUndoneAndRedone() {
        History h = new History(HistoryTest.project());
        Project after = roundTrip(h, new CreateTake("s1", take("take-1", 7)));
        assertThat(takes(after)).containsExactly(take("take-1", 7));
        assertThat(CreateTake.nextNumber(after.requireShot("s1"))).isEqualTo(2);
    }

    @Test
    void nextNumberFollowsTheHighestNumberedTakeAndIgnoresNamedOnes() {
        Project p = new CreateTake("s1", take("take-4", 1)).apply(HistoryTest.project());
        p = new CreateTake("s1", take("best", 2)).apply(p);
        assertThat(CreateTake.nextNumber(p.requireShot("s1"))).isEqualTo(5);
        assertThat(CreateTake.nextNumber(HistoryTest.project().requireShot("s1"))).isEqualTo(1);
    }

    @Test
    void aTakeIdIsUniqueInItsShot() {
        Project p = new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project());
        assertThatThrownBy(() -> new CreateTake("s1", take("take-1", 2)).apply(p))
                .hasMessageContaining("already has a take 'take-1'");
    }

    @Test
    void renameChangesOnlyTheName() {
        History h = new History(new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project()));
        Project after = roundTrip(h, new RenameTake("s1", "take-1", "Warm"));
        assertThat(takes(after)).containsExactly(take("take-1", 1).withName("Warm"));
        assertThatThrownBy(() -> new RenameTake("s1", "take-1", " ").apply(after)).hasMessageContaining("blank");
    }

    @Test
    void duplicateInsertsACopyAfterTheOriginalWithItsOwnIdNameAndFile() {
        Project start = new CreateTake("s1", take("take-2", 9))
                .apply(new CreateTake("s1", take("take-1", 5)).apply(HistoryTest.project()));
        History h = new History(JudgeTake.rate("s1", "take-1", 4).apply(start));
        Project after = roundTrip(h, new DuplicateTake("s1", "take-1", "take-3", "Take 1 copy", "takes/s1-take-3.mp4"));
        assertThat(takes(after)).extracting(Take::id).containsExactly("take-1", "take-3", "take-2");
        Take copy = takes(after).get(1);
        assertThat(copy.name()).isEqualTo("Take 1 copy");
        assertThat(copy.output()).isEqualTo("takes/s1-take-3.mp4");
        assertThat(copy.seed()).isEqualTo(5);
        assertThat(copy.rating()).isEqualTo(4);
        assertThat(copy.shotHash()).isEqualTo("abc");
        assertThatThrownBy(() -> new DuplicateTake("s1", "take-1", "take-2", "x", null).apply(after))
                .hasMessageContaining("already has a take 'take-2'");
    }

    @Test
    void deleteRemovesTheTake() {
        History h = new History(new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project()));
        Project after = roundTrip(h, new DeleteTake("s1", "take-1"));
        assertThat(takes(after)).isEmpty();
    }

    @Test
    void judgementSetsRatingCircleAndNotesAndLeavesTheRestAlone() {
        History h = new History(new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project()));
        Project rated = roundTrip(h, JudgeTake.rate("s1", "take-1", 5));
        assertThat(takes(rated).get(0).rating()).isEqualTo(5);
        Project circled = roundTrip(h, JudgeTake.circle("s1", "take-1", true));
        assertThat(takes(circled).get(0).circled()).isTrue();
        Project noted = roundTrip(h, JudgeTake.note("s1", "take-1", "keep the wave"));
        assertThat(takes(noted).get(0)).isEqualTo(take("take-1", 1).withRating(5).withCircled(true)
                .withNotes("keep the wave"));
        assertThat(h.undoLabel()).contains("Note take");
    }

    @Test
    void aRatingOutsideZeroToFiveIsRefused() {
        assertThatThrownBy(() -> JudgeTake.rate("s1", "take-1", 6)).hasMessageContaining("0 to 5 stars, got 6");
    }

    @Test
    void replaceKeepsNameAndJudgementAndTakesTheNewRender() {
        Project start = JudgeTake.rate("s1", "take-1", 3).apply(new RenameTake("s1", "take-1", "Warm")
                .apply(new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project())));
        History h = new History(start);
        Take again = new Take("take-1", "ignored", "2025-06-01T00:00:00Z", 1, Quality.FINAL, Resolution.HD, "def",
                "djl", "4", 0, false, "", "takes/s1-take-1.mp4", Map.of("rerenders", "1"));
        Project after = roundTrip(h, new ReplaceTake("s1", again));
        Take t = takes(after).get(0);
        assertThat(t.name()).isEqualTo("Warm");
        assertThat(t.rating()).isEqualTo(3);
        assertThat(t.shotHash()).isEqualTo("def");
        assertThat(t.backendVersion()).isEqualTo("4");
        assertThat(t.createdAt()).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(t.metadata()).containsEntry("rerenders", "1");
    }

    @Test
    void anUnknownTakeIsNamedWithTheTakesThereAre() {
        Project p = new CreateTake("s1", take("take-2", 1))
                .apply(new CreateTake("s1", take("take-1", 1)).apply(HistoryTest.project()));
        History h = new History(p);
        assertThatThrownBy(() -> h.apply(new RenameTake("s1", "take-9", "x")))
                .hasMessage("shot 's1' has no take 'take-9' (takes: take-1, take-2)");
        assertThat(h.current()).isSameAs(p);
        assertThatThrownBy(() -> p.requireShot("s1").requireTake("nope"))
                .hasMessageContaining("(takes: take-1, take-2)");
        assertThat(p.requireShot("s1").requireTake("Take take-2").id()).isEqualTo("take-2");
    }

    @Test
    void randomTakeEditsUndoAllTheWayBackAndRedoAllTheWayForward() {
        SplittableRandom r = new SplittableRandom(11);
        History h = new History(HistoryTest.project());
        List<Project> states = new java.util.ArrayList<>(List.of(h.current()));
        for (int i = 0; i < 200; i++) {
            Shot s = h.current().requireShot("s1");
            List<Take> ts = s.takes();
            String some = ts.isEmpty() ? "none" : ts.get(r.nextInt(ts.size())).id();
            Edit e = switch (ts.isEmpty() ? 0 : r.nextInt(6)) {
                case 0 -> new CreateTake("s1", take(CreateTake.ID_PREFIX + CreateTake.nextNumber(s), r.nextLong()));
                case 1 -> new RenameTake("s1", some, "n" + i);
                case 2 -> new DuplicateTake("s1", some, "dup-" + i, "copy " + i, null);
                case 3 -> new DeleteTake("s1", some);
                case 4 -> JudgeTake.rate("s1", some, r.nextInt(6));
                default -> new JudgeTake("s1", some, null, r.nextBoolean(), "note " + i);
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
