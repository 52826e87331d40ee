package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cuestudio.app.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue lipsync} on the sample's own recording: Rhubarb's formats, and Character Animator's mouth names. */
class LipSyncCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsRhubarbTsvAndCharacterAnimatorMouths() throws Exception {
        Path wav = SampleCopy.into(dir).resolve("audio/hello.wav");
        Run rhubarb = CliTest.cue("lipsync", wav.toString());
        assertThat(rhubarb.code()).as(rhubarb.err()).isZero();
        List<String> lines = rhubarb.out().lines().toList();
        assertThat(lines).allMatch(l -> l.matches("\\d+\\.\\d\\d\\t[A-HX]"));
        assertThat(lines.getLast()).endsWith("\tX");

        Path out = dir.resolve("hello-animator.json");
        Run animator = CliTest.cue("lipsync", wav.toString(), "--mouths", "animator", "--format", "json", "--out",
                out.toString());
        assertThat(animator.code()).as(animator.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"mouthCues\"");
        Set<String> values = new java.util.TreeSet<>();
        var m = java.util.regex.Pattern.compile("\"value\": \"([^\"]+)\"").matcher(json);
        while (m.find()) values.add(m.group(1));
        assertThat(values).isSubsetOf("Neutral", "Aa", "D", "Ee", "F", "L", "M", "Oh", "R", "S", "Uh", "W-Oo");
        // thirteen seconds of speech use the refining mouths, not only each shape's default
        assertThat(values).contains("Ee", "M", "Neutral").containsAnyOf("R", "Uh");
    }

    @Test
    void aMissingFileIsAClearError() {
        Run r = CliTest.cue("lipsync", dir.resolve("nope.wav").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("nope.wav");
    }
}
