package org.cuestudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

class CueTrackTest {
    static EmotionCue joy(String id, double from, double to) {
        return new EmotionCue(id, TimeRange.between(Ticks.ofSeconds(from), Ticks.ofSeconds(to)), Emotion.JOY, 1, 0, 0);
    }

    @Test
    void cuesAreKeptInStartOrder() {
        CueTrack t = new CueTrack(CueLane.EMOTION, List.of(joy("b", 3, 4), joy("a", 1, 2)));
        assertThat(t.cues()).extracting(Cue::id).containsExactly("a", "b");
    }

    @Test
    void activeAtFindsOverlappingCuesAndTreatsTheEndAsExclusive() {
        CueTrack t = new CueTrack(CueLane.EMOTION, List.of(joy("a", 1, 3), joy("b", 2, 4), joy("c", 5, 6)));
        assertThat(t.activeAt(Ticks.ofSeconds(2.5))).extracting(Cue::id).containsExactly("a", "b");
        assertThat(t.activeAt(Ticks.ofSeconds(3))).extracting(Cue::id).containsExactly("b");
        assertThat(t.activeAt(Ticks.ofSeconds(4.5))).isEmpty();
        assertThat(t.activeAt(0)).isEmpty();
    }

    @Test
    void aCueOnTheWrongLaneIsRefused() {
        assertThatThrownBy(() -> new CueTrack(CueLane.GAZE, List.of(joy("a", 0, 1))))
                .hasMessageContaining("cannot sit on the Gaze track");
    }
}
