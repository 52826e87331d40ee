package org.cuestudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

class ShotHashTest {
    static final Character MIRA = new Character("mira", "Mira", "characters/mira", Personality.DEFAULT, Map.of());
    static final Character OTTO = new Character("otto", "Otto", "characters/otto", Personality.DEFAULT,
            Ticks.ofMillis(200), Map.of());

    static EmotionCue joy(double start) {
        return new EmotionCue("e1", new TimeRange(Ticks.ofSeconds(start), Ticks.PER_SECOND), Emotion.JOY, 0.8, 0, 0,
                Map.of(Emotion.SURPRISE, 0.5, Emotion.SADNESS, 0.25), "");
    }

    static Project project(Shot shot, Character... cast) {
        return new Project("P", List.of(cast), List.of(shot), Map.of());
    }

    static Shot shot(Cue... cues) {
        return new Shot("s1", "Shot", "audio/a.wav", "mira", FrameRate.FPS_25, Resolution.HD,
                List.of(new CueTrack(CueLane.EMOTION, List.of(cues))), List.of(), Map.of());
    }

    @Test
    void equalShotsHashEquallyAndTheHashIsHex() {
        String a = ShotHash.of(project(shot(joy(1)), MIRA), "s1");
        assertThat(a).hasSize(64).matches("[0-9a-f]+").isEqualTo(ShotHash.of(project(shot(joy(1)), MIRA), "s1"));
    }

    @Test
    void movingACueChangesTheHash() {
        assertThat(ShotHash.of(project(shot(joy(1)), MIRA), "s1"))
                .isNotEqualTo(ShotHash.of(project(shot(joy(1.04)), MIRA), "s1"));
    }

    @Test
    void namesMetadataAndTakesDoNotCount() {
        Shot s = shot(joy(1));
        Shot renamed = new Shot("s1", "Another name", "audio/a.wav", "mira", FrameRate.FPS_25, Resolution.HD,
                s.tracks(), List.of(new Take("t1", "T", "", 1, Quality.FINAL, Resolution.HD, "", "", "", 3, true, "",
                        null, Map.of())), Map.of("note", "x"));
        Character renamedMira = new Character("mira", "Mira B.", "characters/mira", Personality.DEFAULT,
                Map.of("k", "v"));
        assertThat(ShotHash.of(project(renamed, renamedMira), "s1")).isEqualTo(ShotHash.of(project(s, MIRA), "s1"));
    }

    @Test
    void personalityReactionDelayAndSheetCount() {
        String base = ShotHash.of(project(shot(joy(1)), MIRA), "s1");
        Character calmer = new Character("mira", "Mira", "characters/mira", new Personality(.2, .5, .5, .5, .5),
                Map.of());
        Character slower = new Character("mira", "Mira", "characters/mira", Personality.DEFAULT, Ticks.ofMillis(300),
                Map.of());
        Character otherSheet = new Character("mira", "Mira", "characters/mira2", Personality.DEFAULT, Map.of());
        assertThat(List.of(calmer, slower, otherSheet)).allSatisfy(c ->
                assertThat(ShotHash.of(project(shot(joy(1)), c), "s1")).isNotEqualTo(base));
    }

    @Test
    void partnersAndTheirCharactersCount() {
        Shot alone = shot(joy(1));
        Shot withOtto = alone.withPartners(List.of(new Partner("otto", null,
                List.of(new TimeRange(0, Ticks.PER_SECOND)), List.of())));
        String duo = ShotHash.of(project(withOtto, MIRA, OTTO), "s1");
        assertThat(duo).isNotEqualTo(ShotHash.of(project(alone, MIRA, OTTO), "s1"));
        Character quickOtto = new Character("otto", "Otto", "characters/otto", Personality.DEFAULT, Map.of());
        assertThat(ShotHash.of(project(withOtto, MIRA, quickOtto), "s1")).isNotEqualTo(duo);
        assertThat(ShotHash.of(project(alone, MIRA, quickOtto), "s1"))
                .as("a character not in the shot does not count").isEqualTo(ShotHash.of(project(alone, MIRA, OTTO), "s1"));
    }

    @Test
    void theCanonicalTextSortsMapsSoTheHashDoesNotDependOnHashing() {
        String text = ShotHash.canonical(project(shot(joy(1)), MIRA), shot(joy(1)));
        assertThat(text).startsWith(ShotHash.VERSION + "\n")
                .contains("blend={\"SADNESS\":0.25,\"SURPRISE\":0.5}");
    }
}
