package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code cue timeline}: OTIO and FCPXML over a rendered file of the sample, and the takes recorded in a project. */
class TimelineCommandTest {
    @TempDir
    Path dir;

    @Test
    void otioOfAMediaFileHasTheSampleCuesAsMarkersOverTheShotsFrames() throws Exception {
        Path project = SampleCopy.into(dir);
        Path movie = Files.write(dir.resolve("hello.mp4"), new byte[] {0});
        Path out = dir.resolve("t/hello.otio");
        CliTest.Run r = CliTest.cue("timeline", project.toString(), "--media", movie.toString(), "--format", "otio",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hello: 1 clip(s) of 385 frames at 25 fps, 13 markers");

        JsonNode clip = new ObjectMapper().readTree(out.toFile()).get("tracks").get("children").get(0)
                .get("children").get(0);
        assertThat(clip.get("media_references").get("DEFAULT_MEDIA").get("target_url").asText())
                .isEqualTo(movie.toUri().toString());
        assertThat(clip.get("source_range").get("duration").get("value").asDouble()).isEqualTo(385.0);
        JsonNode first = clip.get("markers").get(0);
        // The sample's first cue, surprise-oh, starts at 0.45 s: frame 11 at 25 fps.
        assertThat(first.get("name").asText()).isEqualTo("Emotion: Surprise 85%");
        assertThat(first.get("marked_range").get("start_time").get("value").asDouble()).isEqualTo(11.0);
    }

    @Test
    void fcpxmlOfARecordedTakeCarriesItsSeedRatingAndNotes() throws Exception {
        Path project = SampleCopy.into(dir);
        Files.createDirectories(project.resolve("renders"));
        Files.write(project.resolve("renders/t1.mov"), new byte[] {0});
        Path json = project.resolve("project.json");
        Files.writeString(json, Files.readString(json).replace("\"takes\": []", """
                "takes": [{"type": "Take.1", "id": "t1", "name": "Warm", "seed": 42, "quality": "final",
                  "resolution": {"width": 1920, "height": 1080}, "rating": 4, "circled": true,
                  "notes": "keep the wave", "output": "renders/t1.mov"}]"""));
        Path out = dir.resolve("hello.fcpxml");
        CliTest.Run r = CliTest.cue("export-timeline", project.toString(), "--take", "Warm", "--format", "fcpxml",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(out.toFile());
        Element clip = (Element) d.getElementsByTagName("asset-clip").item(0);
        assertThat(clip.getAttribute("duration")).isEqualTo("385/25s");
        assertThat(clip.getElementsByTagName("note").item(0).getTextContent())
                .isEqualTo("Cue Studio shot hello, take t1 (Warm): seed 42, rating 4/5, circled, final 1920x1080. "
                        + "Notes: keep the wave");
        assertThat(clip.getElementsByTagName("marker").getLength()).isEqualTo(13);
        Element media = (Element) d.getElementsByTagName("media-rep").item(0);
        assertThat(media.getAttribute("src")).isEqualTo(project.resolve("renders/t1.mov").toUri().toString());
    }

    @Test
    void missingMediaAnUnknownTakeAndAFolderAreNamedWithTheReason() throws Exception {
        Path project = SampleCopy.into(dir);
        Path out = dir.resolve("x.otio");
        CliTest.Run missing = CliTest.cue("timeline", project.toString(), "--media", dir.resolve("nope.mp4").toString(),
                "--format", "otio", "--out", out.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.mp4: no such file");

        CliTest.Run take = CliTest.cue("timeline", project.toString(), "--take", "t9", "--format", "otio", "--out",
                out.toString());
        assertThat(take.code()).isEqualTo(1);
        assertThat(take.err()).contains("shot 'hello' has no take 't9' (it has no takes yet)");

        CliTest.Run folder = CliTest.cue("timeline", project.toString(), "--media", dir.toString(), "--format",
                "fcpxml", "--out", dir.resolve("x.fcpxml").toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("is a folder: a timeline references a movie file");

        CliTest.Run extension = CliTest.cue("timeline", project.toString(), "--media", dir.toString(), "--format",
                "fcpxml", "--out", out.toString());
        assertThat(extension.err()).contains("--out must name a .fcpxml file");
        assertThat(out).doesNotExist();
    }
}
