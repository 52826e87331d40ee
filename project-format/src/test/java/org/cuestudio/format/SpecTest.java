package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cuestudio.core.model.Ids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Keeps docs/project-format.md in step with the code: every current type and field, and every limit. */
class SpecTest {
    static final Path SPEC = Path.of(System.getProperty("cue.repo.root", "..")).resolve("docs/project-format.md");
    static final List<String> TYPES = Golden.TYPES;
    static String spec;

    @BeforeAll
    static void load() throws Exception {
        spec = Files.readString(SPEC);
    }

    /** The text of the section under a heading, up to the next heading of any level. */
    static String section(String heading) {
        int at = spec.indexOf("\n" + heading + "\n");
        assertThat(at).as("heading '%s' in the specification", heading).isNotNegative();
        int end = spec.indexOf("\n#", at + heading.length() + 2);
        return spec.substring(at, end < 0 ? spec.length() : end);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void everyCurrentTypeHasASectionListingEachOfItsFields(String type) {
        String tag = type + "." + Upgrades.CURRENT.get(type);
        String section = section("### " + tag);
        for (String field : ProjectReader.FIELDS.get(type)) {
            assertThat(section).as("field %s of %s", field, tag).contains("| `" + field + "` |");
        }
        assertThat(section).contains("`\"" + tag + "\"`");
    }

    @Test
    void theNestedObjectsListTheirFields() {
        for (String f : List.of("expressiveness", "gestureRate", "blinkRate", "gazeSteadiness", "energy")) {
            assertThat(section("### Character.2")).contains("| `" + f + "` |");
        }
        assertThat(section("### Partner.1")).contains("| `start` |", "| `duration` |");
        assertThat(section("### GazeCue.2")).contains("| `x` |", "| `y` |");
        assertThat(section("### Shot.2")).contains("| `width` |", "| `height` |", "| `emotion` |", "| `gesture` |",
                "| `gaze` |", "| `timing` |", "| `mouth` |");
    }

    /** The versions format 2 (the previous release) wrote: steps from them lead to format 3. */
    static final java.util.Map<String, Integer> FORMAT_2 = java.util.Map.of("Project", 1, "Character", 2, "Shot", 2,
            "Partner", 1, "Take", 1, "EmotionCue", 1, "GestureCue", 2, "GazeCue", 2, "TimingCue", 2);

    @Test
    void everyUpgradeStepIsDescribed() {
        String zero = section("### Format 0: pre-release drafts");
        String one = section("### Format 1: Cue Studio 0.1");
        String two = section("### Format 2: partners, before presets and the mouth lane");
        for (Upgrades.Step s : Upgrades.steps()) {
            String in = s.from() == 0 ? zero : s.from() >= FORMAT_2.getOrDefault(s.type(), 0) ? two : one;
            assertThat(in).as("step %s", s.source()).contains("`" + s.source() + "`");
        }
    }

    @Test
    void theLimitsTableStatesTheLimitsOfTheCode() {
        String limits = section("## 9. Limits");
        for (long v : new long[] {FormatLimits.MAX_FILE_BYTES, FormatLimits.MAX_DEPTH, FormatLimits.MAX_STRING,
            FormatLimits.MAX_NAME, FormatLimits.MAX_NUMBER_DIGITS, FormatLimits.MAX_CHARACTERS, FormatLimits.MAX_SHOTS,
            FormatLimits.MAX_EMOTION_PRESETS,
            FormatLimits.MAX_CUES_PER_TRACK, FormatLimits.MAX_TAKES_PER_SHOT, FormatLimits.MAX_METADATA_ENTRIES,
            FormatLimits.MAX_TICKS, Ids.MAX_LENGTH, FormatLimits.MAX_PROBLEMS}) {
            assertThat(limits).as("limit %d", v).containsPattern("\\| " + String.format(Locale.ROOT, "%,d", v) + "\\b");
        }
    }

    @Test
    void theAutosaveDefaultIsTheOneDocumented() {
        assertThat(section("## 8. Saving, the backup and autosave"))
                .containsPattern("every " + Autosave.DEFAULT_INTERVAL.toSeconds() + "\\s+seconds")
                .contains("-D" + Autosave.INTERVAL_PROPERTY + "=N");
    }
}
