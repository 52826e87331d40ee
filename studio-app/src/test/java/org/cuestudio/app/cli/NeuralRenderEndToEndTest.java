package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cuestudio.core.render.RenderBackendProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's first shot rendered with the neural backend selected by {@code -Dcue.render.backend}: Mira's sheet
 * folder replaced by the neural fixture model folder (docs/model-contract.md).
 */
class NeuralRenderEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void theSampleShotRendersThroughTheSelectedNeuralBackend() throws Exception {
        Path project = SampleCopy.into(dir);
        Path mira = project.resolve("characters/mira");
        try (Stream<Path> files = Files.list(mira)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Path fixture = SampleCopy.repoRoot().resolve("inference/src/test/resources/neural/fixture");
        for (String f : new String[] {"model.json", "model.pt", "reference.png"}) {
            Files.copy(fixture.resolve(f), mira.resolve(f));
        }
        Path out = dir.resolve("out/hello.mp4");
        String before = System.getProperty(RenderBackendProvider.PROPERTY);
        System.setProperty(RenderBackendProvider.PROPERTY, "neural-torchscript");
        try {
            CliTest.Run r = CliTest.cue("render", project.toString(), "--quality", "preview", "--frames", "0-24",
                    "--no-take", "--out", out.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("25 frames (25 rendered");
        } finally {
            if (before == null) System.clearProperty(RenderBackendProvider.PROPERTY);
            else System.setProperty(RenderBackendProvider.PROPERTY, before);
        }
        assertThat(Files.size(out)).isPositive();
        assertThat(RenderEndToEndTest.stream(RenderEndToEndTest.probe(out), "video").get("width").asInt()).isEqualTo(640);
    }
}
