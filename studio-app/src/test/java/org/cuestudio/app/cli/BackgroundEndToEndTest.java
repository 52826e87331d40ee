package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shot's "background" metadata puts a picture behind the characters in a render; a missing one is named. */
class BackgroundEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aBackgroundPictureFillsTheFrameBehindTheCharacter() throws Exception {
        Path project = SampleCopy.into(dir.resolve("p"));
        BufferedImage bg = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 36; y++) for (int x = 0; x < 64; x++) bg.setRGB(x, y, 0x2060A0);
        ImageIO.write(bg, "png", project.resolve("bg.png").toFile());
        Path file = project.resolve("project.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"metadata\": \\{\n        \"dialogue\"",
                "\"metadata\": {\n        \"background\": \"bg.png\",\n        \"dialogue\""));
        assertThat(Files.readString(file)).contains("\"background\": \"bg.png\"");
        Path out = dir.resolve("frames");
        CliTest.Run r = CliTest.cue("render", project.toString(), "--shot", "hello", "--quality", "preview", "--format",
                "png", "--frames", "10-10", "--no-take", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path png;
        try (var files = Files.list(out)) {
            png = files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage frame = ImageIO.read(png.toFile());
        // The corner, far from the character, is the picture, opaque (PNG sequences are otherwise transparent there).
        assertThat(frame.getRGB(2, 2)).isEqualTo(0xFF2060A0);
        assertThat(frame.getRGB(frame.getWidth() / 2, frame.getHeight() / 3)).isNotEqualTo(0xFF2060A0);

        Files.delete(project.resolve("bg.png"));
        CliTest.Run missing = CliTest.cue("render", project.toString(), "--shot", "hello", "--quality", "preview",
                "--format", "png", "--frames", "10-10", "--no-take", "--out", dir.resolve("again").toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("bg.png");
    }
}
