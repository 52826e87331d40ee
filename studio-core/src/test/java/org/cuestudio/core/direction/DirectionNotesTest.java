package org.cuestudio.core.direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Ids;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DirectionNotesTest {
    private static final long TEN_SECONDS = Ticks.ofSeconds(10);

    /** A cue as one short line: lane, what, intensity, side and range in seconds ("emotion joy 0.6 7.5-10"). */
    static String describe(Cue c) {
        String what = switch (c) {
            case EmotionCue e -> "emotion " + name(e.emotion()) + " " + num(e.intensity());
            case GestureCue g -> "gesture " + g.gesture() + " " + num(g.intensity()) + " " + name(g.side());
            case GazeCue g -> "gaze " + name(g.target());
            case TimingCue t -> "timing " + name(t.kind()) + " " + num(t.strength());
            case org.cuestudio.core.model.MouthShapeCue m -> "mouth " + m.shape();
        };
        return what + " " + num(Ticks.toSeconds(c.range().start())) + "-" + num(Ticks.toSeconds(c.range().endExclusive()));
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static Stream<Arguments> notes() {
        return Stream.of(
                // The examples.
                row("nervous, avoids eye contact, then relaxes and smiles at the end",
                        "emotion fear 0.35 0-5", "gaze down-left 0-2", "gaze down-right 2-4", "gaze down-left 4-5",
                        "emotion neutral 1 7.5-10", "emotion joy 0.6 7.5-10"),
                row("(sighs)", "emotion sadness 0.4 0-2", "gaze down 0-1.2"),
                row("looks left at 3s", "gaze left 3-10"),
                row("waves at the start", "gesture wave 0.8 right 0-2"),
                row("angry from 2 to 5 seconds", "emotion anger 0.7 2-5"),
                // Time phrases.
                row("angry between 2 and 5 seconds", "emotion anger 0.7 2-5"),
                row("angry from 2s to 5s", "emotion anger 0.7 2-5"),
                row("angry 2-5s", "emotion anger 0.7 2-5"),
                row("angry at the start", "emotion anger 0.7 0-2.5"),
                row("angry in the middle", "emotion anger 0.7 3.75-6.25"),
                row("angry towards the end", "emotion anger 0.7 7.5-10"),
                row("angry at 4s for 2 seconds", "emotion anger 0.7 4-6"),
                row("calm, then angry until the end", "emotion neutral 1 0-5", "emotion anger 0.7 5-10"),
                row("sad, then angry, then happy", "emotion sadness 0.7 0-3.33", "emotion anger 0.7 3.33-6.67",
                        "emotion joy 0.7 6.67-10"),
                row("first sad; after that happy", "emotion sadness 0.7 0-5", "emotion joy 0.7 5-10"),
                // Emotion words and degrees.
                row("happy", "emotion joy 0.7 0-10"),
                row("slightly happy", "emotion joy 0.35 0-10"),
                row("very happy", "emotion joy 0.98 0-10"),
                row("smiles slightly", "emotion joy 0.3 0-10"),
                row("a little annoyed", "emotion anger 0.23 0-10"),
                row("furious", "emotion anger 0.95 0-10"),
                row("terrified", "emotion fear 0.95 0-10"),
                row("shocked", "emotion surprise 0.9 0-10"),
                row("disgusted", "emotion disgust 0.7 0-10"),
                row("smirks", "emotion contempt 0.5 0-10"),
                row("looks sad", "emotion sadness 0.7 0-10"),
                row("shy", "emotion fear 0.25 0-10", "gaze down-left 0-2", "gaze down-right 2-4",
                        "gaze down-left 4-6", "gaze down-right 6-8", "gaze down-left 8-10"),
                // Gaze.
                row("looks up and to the left", "gaze up-left 0-10"),
                row("glances down right at 2s for 1s", "gaze down-right 2-3"),
                row("looks at the camera", "gaze camera 0-10"),
                row("makes eye contact at the end", "gaze camera 7.5-10"),
                row("looks to her left", "gaze right 0-10"),
                row("looks camera left", "gaze left 0-10"),
                row("looks away in the middle", "gaze down-left 3.75-6.25"),
                row("thinks, then smiles at the camera", "gaze up-left 0-5", "emotion joy 0.6 5-10",
                        "gaze camera 5-10"),
                // Gestures.
                row("nods", "gesture nod 0.8 both 0-1"),
                row("shakes her head at 3s", "gesture head-shake 0.8 both 3-4.4"),
                row("points with the left hand", "gesture point 0.8 left 0-1.6"),
                row("waves with both hands", "gesture wave 0.8 both 0-2"),
                row("puts her hand on her heart", "gesture hand-to-chest 0.8 right 0-2"),
                row("leans in at 4s", "gesture lean-in 0.8 both 4-6"),
                row("shrugs in the middle", "gesture shrug 0.8 both 4.4-5.6"),
                row("leans back at the end", "gesture lean-back 0.8 both 8-10"),
                row("emphasises very strongly", "gesture beat 1 both 0-1.2"),
                row("waves slightly from 1 to 4 seconds", "gesture wave 0.4 right 1-4"),
                row("smiles and waves, then nods", "emotion joy 0.6 0-5", "gesture wave 0.8 right 0-2",
                        "gesture nod 0.8 both 5-6"),
                // Timing and sounds.
                row("pauses at 4s", "timing hold 1 4-5"),
                row("(beat)", "timing hold 1 0-1"),
                row("reacts at 2s", "timing react 0.8 2-3"),
                row("startled at 1s", "timing react 0.9 1-2", "emotion surprise 0.6 1-2.5"),
                row("gasps", "timing react 0.7 0-1", "emotion surprise 0.7 0-1.5"),
                row("laughs at 5s", "emotion joy 0.9 5-7", "gesture lean-back 0.4 both 5-7"),
                // A transcript: directions at their place in the dialogue (10 of 17 letters come before the sigh; 2 of 9 before the gasp).
                row("Hello there. (sighs) I waited.", "emotion sadness 0.4 5.88-7.88", "gaze down 5.88-7.08"),
                row("Well. (sighs, then smiles) Fine.", "emotion sadness 0.4 5-7", "gaze down 5-6.2",
                        "emotion joy 0.6 7.5-10"),
                row("Oh! (gasps) [angrily] You came.", "timing react 0.7 2.22-3.22",
                        "emotion surprise 0.7 2.22-3.72", "emotion anger 0.7 2.22-10"));
    }

    private static Arguments row(String note, String... cues) {
        return Arguments.of(note, List.of(cues));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void notesBecomeTheseCues(String note, List<String> expected) {
        DirectionNotes.Result r = DirectionNotes.parse(note, TEN_SECONDS);
        assertThat(r.cues().stream().map(DirectionNotesTest::describe).toList()).isEqualTo(expected);
        assertThat(r.unknownWords()).as("unknown words in %s", note).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void idsAreNumberedInTheOrderTheNoteMentionsThem(String note, List<String> expected) {
        List<Cue> cues = DirectionNotes.parse(note, TEN_SECONDS).cues();
        for (int i = 0; i < cues.size(); i++) assertThat(cues.get(i).id()).isEqualTo("note-" + (i + 1));
    }

    @Test
    void sameTextGivesTheSameCues() {
        String note = "nervous, avoids eye contact, then relaxes and smiles at the end";
        assertThat(DirectionNotes.parse(note, TEN_SECONDS)).isEqualTo(DirectionNotes.parse(note, TEN_SECONDS));
    }

    @Test
    void idPrefixIsUsedAndMustMakeValidIds() {
        assertThat(DirectionNotes.parse("nods, then waves", TEN_SECONDS, "shot2-note").cues())
                .extracting(Cue::id).containsExactly("shot2-note-1", "shot2-note-2");
        assertThatThrownBy(() -> DirectionNotes.parse("nods", TEN_SECONDS, "bad id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownWordsAreLeftOutAndReportedOnce() {
        DirectionNotes.Result r = DirectionNotes.parse("Mira smiles, blorp and blorp again", TEN_SECONDS);
        assertThat(r.cues()).extracting(DirectionNotesTest::describe).containsExactly("emotion joy 0.6 0-10");
        assertThat(r.unknownWords()).containsExactly("mira", "blorp");
        assertThat(r.warnings()).contains("ignored \"blorp\": not in the vocabulary (see docs/direction-notes.md)");
    }

    @Test
    void negatedWordsGiveNoCueButAWarning() {
        DirectionNotes.Result r = DirectionNotes.parse("not angry, no longer smiling, never looks left", TEN_SECONDS);
        assertThat(r.cues()).isEmpty();
        assertThat(r.warnings()).containsExactly("\"not angry\": negated, so no cue",
                "\"no longer smiling\": negated, so no cue", "\"never looks\": negated, so no cue");
    }

    @Test
    void timesAfterTheShotAreReportedAndLongCuesCut() {
        DirectionNotes.Result r = DirectionNotes.parse("smiles at 20s, waves at 9s", TEN_SECONDS);
        assertThat(r.cues()).extracting(DirectionNotesTest::describe).containsExactly("gesture wave 0.8 right 9-10");
        assertThat(r.warnings()).containsExactly("\"smiles\": starts at 20.00 s, after the shot ends (10.00 s); no cue",
                "\"waves\": cut at the end of the shot (10.00 s)");
    }

    @Test
    void twoTimesInOneClauseUseTheFirstAndSaySo() {
        DirectionNotes.Result r = DirectionNotes.parse("angry from 1 to 2 seconds at the end", TEN_SECONDS);
        assertThat(r.cues()).extracting(DirectionNotesTest::describe).containsExactly("emotion anger 0.7 1-2");
        assertThat(r.warnings()).hasSize(1).first().asString().contains("more than one time");
    }

    @Test
    void aDirectionWithoutALookOrGestureIsReported() {
        DirectionNotes.Result r = DirectionNotes.parse("left", TEN_SECONDS);
        assertThat(r.cues()).isEmpty();
        assertThat(r.warnings()).containsExactly("\"left\": a direction without a look or a gesture; ignored");
    }

    @Test
    void emptyNotesGiveNothing() {
        assertThat(DirectionNotes.parse("", TEN_SECONDS).cues()).isEmpty();
        assertThat(DirectionNotes.parse(" , then ; ", TEN_SECONDS).warnings()).isEmpty();
    }

    @Test
    void randomNotesFromTheVocabularyAlwaysGiveValidCuesInsideTheShot() {
        List<String> words = Vocabulary.phrases();
        String[] times = {"", " at the start", " at the end", " in the middle", " at 3s", " from 2 to 14 seconds",
            " for 2 seconds", " throughout", " at 40s"};
        SplittableRandom r = new SplittableRandom(5);
        long shot = Ticks.ofSeconds(12.34);
        for (int i = 0; i < 2000; i++) {
            StringBuilder note = new StringBuilder();
            int clauses = 1 + r.nextInt(4);
            for (int c = 0; c < clauses; c++) {
                if (c > 0) note.append(r.nextBoolean() ? ", then " : ", ");
                note.append(words.get(r.nextInt(words.size()))).append(' ').append(words.get(r.nextInt(words.size())))
                        .append(times[r.nextInt(times.length)]);
            }
            DirectionNotes.Result res = DirectionNotes.parse(note.toString(), shot);
            assertThat(res).as(note.toString()).isEqualTo(DirectionNotes.parse(note.toString(), shot));
            List<String> ids = new ArrayList<>();
            for (Cue cue : res.cues()) {
                assertThat(cue.range().start()).as(note.toString()).isGreaterThanOrEqualTo(0);
                assertThat(cue.range().endExclusive()).as(note.toString()).isLessThanOrEqualTo(shot);
                assertThat(cue.range().duration()).as(note.toString()).isPositive();
                assertThat(Ids.isValid(cue.id())).isTrue();
                ids.add(cue.id());
            }
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyWordOfTheVocabularyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "direction-notes.md")).toLowerCase(Locale.ROOT);
        List<String> missing = Vocabulary.phrases().stream().filter(p -> !doc.contains(p)).toList();
        assertThat(missing).as("phrases missing from docs/direction-notes.md").isEmpty();
    }
}
