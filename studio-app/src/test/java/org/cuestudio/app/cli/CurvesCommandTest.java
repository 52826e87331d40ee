package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.curves.LiveLinkFaceCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CurvesCommandTest {
    /** The sample shot: 15.37 s at 25 fps. */
    private static final int SAMPLE_FRAMES = 385;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    /** Runs {@code curves ARGS} in-process with the studio's error handling, wherever the command is registered. */
    static Run curves(String... args) {
        CommandLine cl = new CommandLine(new CurvesCommand());
        cl.setExecutionExceptionHandler(CueCommand.commandLine().getExecutionExceptionHandler());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesLiveLinkFaceCsvWithOneRowPerFrame() throws Exception {
        Path csv = dir.resolve("out/hello.csv");
        Run r = curves(SampleCopy.into(dir).toString(), "--shot", "hello", "--format", "livelinkface", "--out",
                csv.toString(), "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hello: 385 frames at 25 fps").contains("Live Link Face CSV");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + SAMPLE_FRAMES);
        assertThat(lines.get(0)).isEqualTo(String.join(",", LiveLinkFaceCsv.HEADER));
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(63));
        assertThat(lines.get(SAMPLE_FRAMES)).startsWith("00:00:15:09.000,61,");
        try (var files = Files.list(csv.getParent())) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(csv);
        }
    }

    @Test
    void writesCurveJsonWithEveryChannel() throws Exception {
        Path json = dir.resolve("hello.json");
        Run r = curves(SampleCopy.into(dir).toString(), "--format", "json", "--out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("format").asText()).isEqualTo("cue-studio-curves");
        assertThat(doc.get("frameCount").asInt()).isEqualTo(SAMPLE_FRAMES);
        assertThat(doc.get("source").get("shot").asText()).isEqualTo("hello");
        assertThat(doc.get("channels")).hasSize(org.cuestudio.core.perform.PerformanceFrame.SIZE);
        assertThat(doc.get("curves").get("headYaw")).hasSize(SAMPLE_FRAMES);
        assertThat(doc.get("curves").get("mouthSmileLeft")).hasSize(SAMPLE_FRAMES);
    }

    @Test
    void writesTheShotsMouthAsRhubarbCuesWithTheCorrectionsApplied() throws Exception {
        Path p = SampleCopy.into(dir);
        Path file = p.resolve("project.json");
        // A correction: lips closed from 2.00 to 2.20 s.
        Files.writeString(file, Files.readString(file).replaceFirst("\"timing\": \\[", "\"mouth\": [\n"
                + "          {\"type\": \"MouthShapeCue.1\", \"id\": \"close-lips\", \"start\": 1411200000,"
                + " \"duration\": 141120000, \"shape\": \"A\"}\n        ],\n        \"timing\": ["));
        Path tsv = dir.resolve("hello.tsv");
        Run r = curves(p.toString(), "--shot", "hello", "--format", "rhubarb-tsv", "--out", tsv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("\\d+\\.\\d{2}\t[A-HX]"));
        assertThat(lines).contains("2.00\tA").last().isEqualTo("15.40\tX");
        int at = lines.indexOf("2.00\tA");
        assertThat(lines.get(at + 1)).startsWith("2.20\t").isNotEqualTo("2.20\tA");
        Path json = dir.resolve("hello-mouth.json");
        assertThat(curves(p.toString(), "--shot", "hello", "--format", "rhubarb-json", "--out", json.toString()).code())
                .isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("metadata").get("soundFile").asText()).isEqualTo("audio/hello.wav");
        assertThat(doc.get("mouthCues")).anySatisfy(c -> {
            assertThat(c.get("start").asDouble()).isEqualTo(2.0);
            assertThat(c.get("value").asText()).isEqualTo("A");
        });
    }

    @Test
    void unknownFormatIsExplained() throws Exception {
        Run r = curves(SampleCopy.into(dir).toString(), "--format", "fbx", "--out", dir.resolve("x.fbx").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown format 'fbx': use livelinkface, json, rhubarb-tsv or rhubarb-json").doesNotContain("\tat ");
    }

    @Test
    void unknownRotationUnitsAreExplained() throws Exception {
        Run r = curves(SampleCopy.into(dir).toString(), "--format", "livelinkface", "--rotation-units", "turns",
                "--out", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown rotation units 'turns'");
    }

    @Test
    void unknownShotIsNamed() throws Exception {
        Run r = curves(SampleCopy.into(dir).toString(), "--shot", "nope", "--format", "json", "--out",
                dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no shot 'nope'").contains("hello");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void brokenProjectIsRefusedWithAClearMessage() throws Exception {
        Path p = SampleCopy.into(dir);
        Files.writeString(p.resolve("project.json"), "{\"type\": \"Project.1\", \"shots\": [}");
        Run r = curves(p.toString(), "--format", "json", "--out", dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("project.json:1:").contains("invalid JSON").doesNotContain("\tat ");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void outMustBeAFile() throws Exception {
        Run r = curves(SampleCopy.into(dir).toString(), "--format", "json", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--out must name a file");
    }

    @Test
    void formatAndOutAreRequired() throws Exception {
        Run r = curves(SampleCopy.into(dir).toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--format").contains("--out");
    }
}
