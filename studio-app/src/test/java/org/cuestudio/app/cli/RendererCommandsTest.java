package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.app.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue doctor}, {@code cue sheet check} and {@code cue bench render}, in process on the real backend. */
class RendererCommandsTest {
    @TempDir
    Path dir;

    @Test
    void doctorReportsTheMachineTheBackendAndTheCodecs() {
        Run r = CliTest.cue("doctor");
        assertThat(r.out()).contains("java ", "cores ", "max heap ", "id               djl-layers",
                "device           cpu()", "engine           PyTorch 2.7.1", "threads ", "libx264          available",
                "aac              available", "budget ");
        assertThat(r.out()).contains("native library ", "downloads        off (ai.djl.offline=true)");
        if (r.out().contains("device           cpu()")) assertThat(r.out()).contains("why no gpu", "PYTORCH_LIBRARY_PATH");
        assertThat(r.out().strip()).endsWith("ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void doctorSaysHowToGoBackToTheBundledLibraryWhenAnOverrideBreaksTheEngine() {
        assertThat(DoctorCommand.torchOverrideHint(java.util.Map.of())).isEmpty();
        assertThat(DoctorCommand.torchOverrideHint(java.util.Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib")))
                .isEqualTo(" (PyTorch was asked for another libtorch: PYTORCH_LIBRARY_PATH=/opt/libtorch/lib; unset it to "
                        + "render on the CPU with the bundled library, see docs/gpu.md)");
    }

    @Test
    void doctorListsTheNeuralBackendAndHowToSelectIt() {
        Run r = CliTest.cue("doctor");
        assertThat(r.out()).contains("backends         djl-layers (rank 100, in use), neural-torchscript (rank 10, "
                + "-Dcue.render.backend=neural-torchscript)");
        assertThat(DoctorCommand.backends("neural-torchscript")).isEqualTo("djl-layers (rank 100, "
                + "-Dcue.render.backend=djl-layers), neural-torchscript (rank 10, in use)");
    }

    @Test
    void sheetCheckOfANeuralModelFolderWithTheNeuralBackend() {
        Path fixture = Path.of("..", "inference", "src", "test", "resources", "neural", "fixture");
        Run r = CliTest.cue("sheet", "check", "--backend", "neural-torchscript", fixture.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("Neural fixture (").contains("neural model model.pt", "draws 64x64")
                .endsWith("ok" + System.lineSeparator());
        Path broken = fixture.resolveSibling("wrong-shape");
        Run bad = CliTest.cue("sheet", "check", "--backend", "neural-torchscript", broken.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("(1, 3, 64, 64)", "(1, 4, 64, 64)", "not usable");
    }

    @Test
    void sheetCheckOfTheSampleIsUsable() throws Exception {
        Path mira = SampleCopy.into(dir).resolve("characters/mira");
        Run r = CliTest.cue("sheet", "check", mira.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("Mira (").contains("provides:", "`Frontal`", "Mouth (");
        assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow()).matches("ok|usable, with \\d+ warnings?");
    }

    @Test
    void sheetCheckOfAPartialSheetWarnsAndStillPasses() throws Exception {
        Path mira = SampleCopy.into(dir).resolve("characters/mira");
        Path svg = mira.resolve("character.svg");
        String art = Files.readString(svg);
        assertThat(art).contains("inkscape:label=\"Left Quarter\"");
        Files.writeString(svg, art.replace("inkscape:label=\"Left Quarter\"", "inkscape:label=\"Old Drawing\"")
                .replace("id=\"Left-Quarter\"", "id=\"old-drawing\""));
        Run r = CliTest.cue("sheet", "check", mira.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("no `Left Quarter` view: head turns to the left cross-fade from `Frontal` "
                + "straight to `Left Profile`").doesNotContain("no `Right Profile`");
    }

    @Test
    void sheetCheckOfABrokenSheetFailsWithTheFileNamed() throws Exception {
        Path mira = SampleCopy.into(dir).resolve("characters/mira");
        Files.writeString(mira.resolve("character.json"), "{\"type\": \"CharacterSheet.1\", \"name\": ");
        Run r = CliTest.cue("sheet", "check", mira.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("errors:", "character.json").endsWith("not usable" + System.lineSeparator());
    }

    @Test
    void sheetCheckOfAMissingFolderFails() {
        Run r = CliTest.cue("sheet", "check", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("nope", "does not exist");
    }

    @Test
    void benchRenderPrintsOneJsonObject() throws Exception {
        Path sample = SampleCopy.into(dir);
        Run r = CliTest.cue("bench", "render", "--json", "--project", sample.toString(), "--preview-frames", "10",
                "--final-frames", "2", "--warmup", "1");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("preview_fps_640x360").asDouble()).isPositive();
        assertThat(j.get("final_fps_1920x1080").asDouble()).isPositive();
        assertThat(j.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(j.get("device").asText()).isIn("cpu()", "gpu(0)");
        assertThat(j.get("characters").get(0).get("name").asText()).isEqualTo("Mira");
    }
}
