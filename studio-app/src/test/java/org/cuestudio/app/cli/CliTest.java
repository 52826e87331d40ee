package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run cue(String... args) {
        CommandLine cl = CueCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validatePrintsOkForTheSample() throws Exception {
        Run r = cue("validate", SampleCopy.into(dir).toString());
        assertThat(r.out().strip()).isEqualTo("ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void validateListsEveryProblemWithLineAndColumn() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\"")
                .replace("\"gesture\": \"nod\"", "\"gesture\": \"Moon Walk\""));
        Run r = cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(l -> assertThat(l).matches(".*project\\.json:\\d+:\\d+: .*"));
        assertThat(r.out()).contains("\"glee\" is not a valid emotion").contains("\"Moon Walk\" is not a gesture id");
        // A project that reads is checked against the gesture library too, at the cue's place.
        String moonwalk = original.replace("\"gesture\": \"nod\"", "\"gesture\": \"moonwalk\"");
        Files.writeString(file, moonwalk);
        long line = moonwalk.substring(0, moonwalk.indexOf("moonwalk")).lines().count();
        Run g = cue("validate", p.toString());
        assertThat(g.code()).isEqualTo(1);
        assertThat(g.out()).matches("(?s).*project\\.json:" + line + ":\\d+: .*\"moonwalk\" is not a valid gesture.*")
                .contains("the gesture library");
    }

    /** A cue made from a preset the project lacks still renders (it keeps its mix): a note, not a problem. */
    @Test
    void validateNotesACueNamingAPresetTheProjectLacksButShippedPresetsCount() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        String original = Files.readString(file);
        String cue = "\"easeOut\": 352800000}";
        int at = original.indexOf(cue);
        Files.writeString(file, original.substring(0, at) + "\"easeOut\": 352800000, \"blend\": {\"sadness\": 0.6},"
                + " \"preset\": \"gone\"}" + original.substring(at + cue.length()));
        Run r = cue("validate", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).first().isEqualTo("ok");
        assertThat(r.out()).containsPattern("note: .*project\\.json:\\d+:\\d+: emotion cue '.*' of shot 'hello' was"
                + " made from preset 'gone', which the project does not have");
        Files.writeString(file, Files.readString(file).replace("\"preset\": \"gone\"", "\"preset\": \"bittersweet\""));
        Run shipped = cue("validate", p.toString());
        assertThat(shipped.out().strip()).isEqualTo("ok");
    }

    @Test
    void gesturesListsTheLibraryAndReportsABrokenOneWithItsPlace() throws Exception {
        Run r = cue("gestures");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("25 gestures in").containsPattern("(?m)^  facepalm +one +0\\.35 / 0\\.20 / 0\\.50");
        Path bad = dir.resolve("library.json");
        Files.writeString(bad, "{\"type\": \"GestureLibrary.1\",\n \"gestures\": [{\"id\": \"Wave\"}]}");
        Run broken = cue("gestures", "--library", bad.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("library.json:2:").contains("lower-case words");
    }

    @Test
    void directTurnsANoteIntoCuesOfTheShotAndSavesThem() throws Exception {
        Path p = SampleCopy.into(dir);
        String before = Files.readString(p.resolve("project.json"));
        Run dry = cue("direct", p.toString(), "--note", "nervous, then shrugs and smiles at the end", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("note-1").contains("Fear").contains("Shrug").contains("Joy");
        assertThat(Files.readString(p.resolve("project.json"))).isEqualTo(before);

        Run within = cue("direct", p.toString(), "--note", "facepalm at the end", "--within", "4-6");
        assertThat(within.code()).as(within.err()).isZero();
        assertThat(within.out()).containsPattern("note-1 +Gesture +4\\.00- +6\\.00 s +Facepalm")
                .contains("added 1 cue");
        Run again = cue("direct", p.toString(), "--note", "nods", "--within", "1-2");
        assertThat(again.out()).contains("note2-1");
        assertThat(Files.readString(p.resolve("project.json"))).contains("\"gesture\": \"facepalm\"")
                .contains("note2-1");
        assertThat(cue("validate", p.toString()).out().strip()).isEqualTo("ok");
        Run outside = cue("direct", p.toString(), "--note", "nods", "--within", "14-99");
        assertThat(outside.code()).isEqualTo(1);
        assertThat(outside.err()).contains("is not a stretch of shot 'hello'");
    }

    @Test
    void validateReportsHostilePathsWithoutTouchingThem() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        Files.writeString(file, Files.readString(file).replace("\"audio/hello.wav\"", "\"../../../../etc/shadow\""));
        Run r = cue("validate", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("leads outside the project folder");
    }

    @Test
    void validateOfAMissingProjectSaysSo() {
        Run r = cue("validate", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("nope").contains("no such file");
    }

    @Test
    void renderRefusesABrokenProjectWithAClearMessageAndNoStackTrace() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.writeString(p.resolve("project.json"), "{\"type\": \"Project.1\", \"shots\": [}");
        Run r = cue("render", p.toString(), "--out", dir.resolve("x.mp4").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("project.json:1:").contains("invalid JSON").doesNotContain("\tat ");
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void renderOfMissingAudioNamesTheFile() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.delete(p.resolve("audio/hello.wav"));
        Run r = cue("render", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("audio/hello.wav").contains("does not exist");
    }

    @Test
    void unknownShotIsNamed() throws Exception {
        Run r = cue("render", SampleCopy.into(dir).toString(), "--shot", "nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no shot 'nope'").contains("hello");
    }

    @Test
    void badQualityIsExplained() throws Exception {
        Run r = cue("render", SampleCopy.into(dir).toString(), "--quality", "ultra");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown quality 'ultra'");
    }
}
