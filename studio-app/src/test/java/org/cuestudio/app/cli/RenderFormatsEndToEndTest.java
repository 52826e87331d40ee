package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue render --format}: ProRes 4444 of the sample has real alpha (a transparent background). */
class RenderFormatsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void proRes4444RenderHasTransparentCornersAndAnOpaqueCharacter() throws Exception {
        Path project = SampleCopy.into(dir);
        Path out = dir.resolve("x.mov");
        CliTest.Run run = CliTest.cue("render", project.toString(), "--quality", "preview", "--format", "prores4444",
                "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("385 frames");

        JsonNode probe = RenderEndToEndTest.probe(out);
        JsonNode video = RenderEndToEndTest.stream(probe, "video");
        assertThat(video.get("codec_name").asText()).isEqualTo("prores");
        assertThat(video.get("profile").asText()).isEqualTo("4444");
        assertThat(video.get("pix_fmt").asText()).startsWith("yuva444p");
        assertThat(video.get("nb_read_frames").asInt()).isEqualTo(385);
        assertThat(RenderEndToEndTest.stream(probe, "audio").get("codec_name").asText()).startsWith("pcm_s");
        assertThat(probe.get("format").get("duration").asDouble()).isCloseTo(385 / 25.0, within(1 / 25.0));

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGBA);
            grabber.start();
            Frame first = grabber.grabImage();
            int w = first.imageWidth;
            int h = first.imageHeight;
            assertThat(w).isEqualTo(640);
            ByteBuffer px = (ByteBuffer) first.image[0];
            int stride = first.imageStride;
            int[][] corners = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}};
            for (int[] c : corners) {
                assertThat(px.get(c[1] * stride + c[0] * 4 + 3) & 0xff).as("alpha at %d,%d", c[0], c[1]).isZero();
            }
            int opaque = 0;
            for (int y = 0; y < h; y += 4) {
                for (int x = 0; x < w; x += 4) if ((px.get(y * stride + x * 4 + 3) & 0xff) == 255) opaque++;
            }
            assertThat(opaque).as("opaque pixels of the character").isGreaterThan(100);
        }
    }

    @Test
    void alphaFormatsRenderOnATransparentBackgroundAndOthersOnTheDefault() throws Exception {
        Shot shot = ProjectFiles.open(SampleCopy.into(dir)).project().shots().get(0);
        assertThat(RenderSettings.forExport(shot, Quality.PREVIEW, VideoFormat.PRORES_4444).backgroundArgb() >>> 24)
                .isZero();
        assertThat(RenderSettings.forExport(shot, Quality.PREVIEW, VideoFormat.PNG_SEQUENCE).backgroundArgb())
                .isEqualTo(RenderSettings.TRANSPARENT);
        assertThat(RenderSettings.forExport(shot, Quality.PREVIEW, VideoFormat.PRORES_422_HQ))
                .isEqualTo(RenderSettings.forShot(shot, Quality.PREVIEW));
        assertThat(RenderSettings.forExport(shot, Quality.FINAL, VideoFormat.MP4_H264).resolution())
                .isEqualTo(shot.resolution());
    }

    @Test
    void unknownFormatIsAUsageErrorAndAMismatchedExtensionIsRefused() throws Exception {
        Path project = SampleCopy.into(dir);
        CliTest.Run bad = CliTest.cue("render", project.toString(), "--format", "avi");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --format 'avi'");

        CliTest.Run mismatch = CliTest.cue("render", project.toString(), "--format", "prores422hq", "--out",
                dir.resolve("x.mp4").toString());
        assertThat(mismatch.code()).isEqualTo(1);
        assertThat(mismatch.err()).contains("--out must name a .mov file");
    }
}
