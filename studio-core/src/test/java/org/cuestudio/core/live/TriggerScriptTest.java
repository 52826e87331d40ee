package org.cuestudio.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

/** Trigger scripts: what they accept, and errors that name the file, the line and the fix. */
class TriggerScriptTest {
    private static final Set<String> GESTURES = Set.of("open-palms", "wave");

    private static List<Trigger> parse(String text) {
        return TriggerScript.parse(text, "t.txt", GESTURES::contains);
    }

    @Test
    void linesBecomeTriggersInTimeOrderSkippingCommentsAndBlanks() {
        List<Trigger> t = parse("# time,kind,value\n\n3.0, gesture, open-palms, 0.9\n1.5,emotion,JOY\n");
        assertThat(t).containsExactly(
                new Trigger(Ticks.ofSeconds(1.5), Trigger.Kind.EMOTION, "joy", Trigger.DEFAULT_INTENSITY),
                new Trigger(Ticks.ofSeconds(3.0), Trigger.Kind.GESTURE, "open-palms", 0.9));
    }

    @Test
    void anUnknownKindNamesTheLineAndTheKindsThereAre() {
        assertThatThrownBy(() -> parse("1,emotion,joy\n2,emote,joy"))
                .hasMessage("t.txt line 2 ('2,emote,joy'): unknown kind 'emote' (use emotion or gesture)");
    }

    @Test
    void anUnknownEmotionListsTheEmotions() {
        assertThatThrownBy(() -> parse("1,emotion,glee")).hasMessageStartingWith("t.txt line 1 ('1,emotion,glee'): "
                + "unknown emotion 'glee' (use one of neutral, joy, sadness");
    }

    @Test
    void anUnknownGestureSaysWhereTheLibraryIsListed() {
        assertThatThrownBy(() -> parse("1,gesture,moonwalk"))
                .hasMessage("t.txt line 1 ('1,gesture,moonwalk'): unknown gesture 'moonwalk' (cue gestures lists the library)");
    }

    @Test
    void aBadTimeOrFieldCountOrIntensityIsNamed() {
        assertThatThrownBy(() -> parse("soon,emotion,joy")).hasMessageContaining("line 1")
                .hasMessageContaining("the time 'soon' is not a number of seconds");
        assertThatThrownBy(() -> parse("-1,emotion,joy")).hasMessageContaining("the time must be 0 or more seconds");
        assertThatThrownBy(() -> parse("1,emotion")).hasMessageContaining("expected time,kind,value[,intensity], got 2 fields");
        assertThatThrownBy(() -> parse("1,emotion,joy,2")).hasMessageContaining("intensity must be 0 to 1, got 2.0");
        assertThatThrownBy(() -> parse("1,emotion,joy,lots")).hasMessageContaining("the intensity 'lots' is not a number");
    }
}
