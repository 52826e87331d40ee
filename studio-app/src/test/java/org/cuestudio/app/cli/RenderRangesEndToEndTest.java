package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cue render --frames A-B}: the sample shot rendered whole and in three ranges, each range in its own copy of
 * the project (its own cache, as on separate farm machines), stitched by copying the PNGs together and joining the
 * WAVs, is the whole render pixel for pixel and sample for sample.
 */
class RenderRangesEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void rangesRenderedApartStitchIntoExactlyTheWholeShot() throws Exception {
        Path whole = dir.resolve("whole");
        CliTest.Run all = CliTest.cue("render", SampleCopy.into(dir.resolve("a")).toString(), "--quality", "preview",
                "--format", "png", "--out", whole.toString());
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).contains("385 frames (385 rendered");

        // Boundaries off the 50-frame segment grid, so each range starts and ends inside a segment.
        String[] ranges = {"0-122", "123-260", "261-384"};
        Path stitched = Files.createDirectories(dir.resolve("stitched"));
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        for (String range : ranges) {
            Path part = dir.resolve("part-" + range);
            CliTest.Run r = CliTest.cue("render", SampleCopy.into(dir.resolve("p" + range)).toString(), "--quality",
                    "preview", "--format", "png", "--frames", range, "--out", part.toString());
            assertThat(r.code()).as(r.err()).isZero();
            int first = Integer.parseInt(range.split("-")[0]);
            int last = Integer.parseInt(range.split("-")[1]);
            assertThat(r.out()).contains("hello frames " + range + ": " + (last - first + 1) + " frames");
            for (Path png : pngs(part)) Files.copy(png, stitched.resolve(png.getFileName()));
            byte[] bytes = Files.readAllBytes(part.resolve("audio.wav"));
            wav.write(bytes, 44, bytes.length - 44);
        }

        List<Path> expected = pngs(whole);
        assertThat(expected).hasSize(385);
        assertThat(pngs(stitched).stream().map(p -> p.getFileName().toString()).toList())
                .isEqualTo(expected.stream().map(p -> p.getFileName().toString()).toList());
        for (Path png : expected) {
            assertThat(pixels(stitched.resolve(png.getFileName()))).as("%s", png.getFileName()).isEqualTo(pixels(png));
        }
        byte[] wholeWav = Files.readAllBytes(whole.resolve("audio.wav"));
        assertThat(wav.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(wholeWav, 44, wholeWav.length));
    }

    @Test
    void aBackwardsRangeOrOneBeyondTheShotIsRefusedWithTheReasonAndWritesNothing() throws Exception {
        Path project = SampleCopy.into(dir);
        Path out = dir.resolve("x.mp4");
        CliTest.Run backwards = CliTest.cue("render", project.toString(), "--frames", "10-5", "--out", out.toString());
        assertThat(backwards.code()).isEqualTo(1);
        assertThat(backwards.err()).contains("frame range 10-5: the last frame comes before the first");

        CliTest.Run beyond = CliTest.cue("render", project.toString(), "--quality", "preview", "--frames", "380-400",
                "--out", out.toString());
        assertThat(beyond.code()).isEqualTo(1);
        assertThat(beyond.err()).contains("frame range 380-400 is beyond shot 'hello': it has 385 frames, 0-384");
        assertThat(out).doesNotExist();

        CliTest.Run garbage = CliTest.cue("render", project.toString(), "--frames", "a-b", "--out", out.toString());
        assertThat(garbage.code()).isEqualTo(1);
        assertThat(garbage.err()).contains("not a frame range: 'a-b'");
    }

    private static List<Path> pngs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    private static byte[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
