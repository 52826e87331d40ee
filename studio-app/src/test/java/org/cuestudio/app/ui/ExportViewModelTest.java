package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.app.ui.ExportViewModel.Kind;
import org.cuestudio.app.ui.ExportViewModel.Request;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog's view model without a window: synchronous executors, fake renders. */
class ExportViewModelTest {
    @TempDir
    Path tmp;

    private Path projectDir;
    private FakePorts ports;
    private StudioViewModel studio;
    private ExportViewModel exports;

    @BeforeEach
    void openSample() {
        projectDir = SampleProjects.copyHello(tmp);
        ports = new FakePorts();
        studio = new StudioViewModel(ports, UiExecutors.synchronous());
        assertThat(studio.open(projectDir).join()).isTrue();
        exports = new ExportViewModel(studio);
    }

    @Test
    void videoExportsRenderTheShotInTheChosenFormat() throws Exception {
        Path out = exports.suggestedOutput(Kind.PRORES_4444, null).toAbsolutePath();
        assertThat(out).isEqualTo(projectDir.resolve("exports/hello-alpha.mov").toAbsolutePath());
        assertThat(exports.export(new Request(Kind.PRORES_4444, Quality.PREVIEW, out, null)).join()).isEqualTo(out);
        assertThat(ports.exported).containsExactly(VideoFormat.PRORES_4444);
        assertThat(out).hasContent("export of hello as PRORES_4444 at PREVIEW");
        assertThat(studio.statusProperty().get().text()).startsWith("Exported " + out).contains("300 frames");
    }

    @Test
    void curvesAreWrittenFromThePlannedPerformance() throws Exception {
        Path csv = tmp.resolve("out/hello.csv");
        assertThat(exports.export(new Request(Kind.LIVE_LINK_FACE, Quality.FINAL, csv, null)).join()).isEqualTo(csv);
        assertThat(Files.readAllLines(csv).getFirst()).startsWith("Timecode,BlendShapeCount,EyeBlinkLeft");
        assertThat(Files.readAllLines(csv)).hasSize(1 + studio.frameCountProperty().get());
        Path json = tmp.resolve("out/hello.json");
        exports.export(new Request(Kind.CURVES_JSON, Quality.FINAL, json, null)).join();
        assertThat(Files.readString(json)).contains("\"animatorMouth\"").contains("\"shot\": \"hello\"");
    }

    @Test
    void aTimelineNeedsARenderedTakeAndPointsAtItsFile() throws Exception {
        Path otio = tmp.resolve("hello.otio");
        Request none = new Request(Kind.OTIO, Quality.FINAL, otio, null);
        assertThat(exports.problem(none)).contains("rendered take");
        assertThat(exports.export(none).join()).isNull();
        assertThat(otio).doesNotExist();
        TakesViewModel takes = new TakesViewModel(studio);
        takes.renderVariations(1, Quality.PREVIEW, 1);
        String id = studio.shotProperty().get().takes().getFirst().id();
        Path fcp = exports.suggestedOutput(Kind.FCPXML, id).toAbsolutePath();
        assertThat(fcp.getFileName()).hasToString("hello-" + id + ".fcpxml");
        assertThat(exports.export(new Request(Kind.FCPXML, Quality.FINAL, fcp, id)).join()).isEqualTo(fcp);
        assertThat(Files.readString(fcp)).contains("<fcpxml").contains("hello-take-1.mp4");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThat(exports.problem(new Request(Kind.MP4, Quality.FINAL, Path.of("relative.mp4"), null)))
                .contains("full path");
        assertThat(exports.problem(new Request(Kind.MP4, Quality.FINAL, tmp.resolve("x.mov"), null))).contains(".mp4");
        assertThat(exports.problem(new Request(Kind.MP4, Quality.FINAL, tmp.resolve("x.mp4"), null))).isEmpty();
    }

    @Test
    void aFailedExportSaysWhyAndWritesNothing() {
        ports.takeFailure = new IllegalStateException("disk full");
        Path out = tmp.resolve("x.mp4");
        assertThat(exports.export(new Request(Kind.MP4, Quality.FINAL, out, null)).join()).isNull();
        assertThat(studio.statusProperty().get().text()).isEqualTo("Export failed: disk full");
        assertThat(out).doesNotExist();
    }
}
