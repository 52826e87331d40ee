package org.cuestudio.app.ui;

import atlantafx.base.theme.PrimerDark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.cuestudio.app.StudioServices;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Take;

/**
 * The documentation's screenshot of the take comparison ({@code Screenshots --compare}): copies a project to a
 * temporary folder (the original is never written), renders two preview takes of its first shot there through the
 * take sheet, judges them as a director would, opens the comparison of the two with the wipe in the middle at the
 * frame where they differ most (or a given one), and writes the comparison window to a PNG; given a second file, the studio window with the take sheet too.
 */
final class TakeScreenshots {
    private TakeScreenshots() {}

    static void run(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Screenshots --compare PROJECT OUT.png [SHEET.png|- [FRAME|auto [wipe|side]]]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path sheetOut = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        int frame = 62;
        // The comparison goes to the frame given, else where the two takes differ most.
        Integer compareFrame = args.length > 3 && !args[3].equals("auto") ? Integer.valueOf(args[3]) : null;
        boolean wipe = args.length <= 4 || !args[4].equals("side");
        System.setProperty("cue.audio", System.getProperty("cue.audio", "off"));

        Path tmp = Files.createTempDirectory("cue-take-screenshots");
        Path project = copy(Files.isDirectory(source) ? source : source.toAbsolutePath().getParent(),
                tmp.resolve("project"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        StudioServices services = new StudioServices();
        UiExecutors exec = UiExecutors.javafx();
        StudioViewModel vm = new StudioViewModel(new ServicesPorts(services), exec);
        Stage stage = UiExecutors.callOnFx(Stage::new);
        StudioView view = UiExecutors.callOnFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            StudioView v = StudioApp.show(stage, vm);
            stage.setWidth(1600);
            stage.setHeight(1000);
            vm.open(project);
            return v;
        });
        try {
            Screenshots.waitFor(() -> UiExecutors.callOnFx(() -> vm.performanceProperty().get() != null), 60,
                    "the project to open");
            TakesPanel panel = view.takesPanel();
            TakesViewModel takes = panel.viewModel();
            UiExecutors.callOnFx(() -> {
                takes.renderVariations(2, Quality.PREVIEW, 3);
                return null;
            });
            System.out.println("rendering two preview takes in " + project + "…");
            Screenshots.waitFor(() -> UiExecutors.callOnFx(() -> !takes.runningProperty().get()), 600,
                    "the takes to render");
            if (UiExecutors.callOnFx(() -> takes.takes().size()) < 2) {
                throw new IllegalStateException("the takes were not recorded: " + UiExecutors.callOnFx(
                        () -> vm.statusProperty().get().text()));
            }
            UiExecutors.callOnFx(() -> {
                Take a = takes.takes().get(0);
                Take b = takes.takes().get(1);
                takes.rename(a.id(), "Warm");
                takes.rate(a.id(), 4);
                takes.circle(a.id(), true);
                takes.note(a.id(), "keep the wave");
                takes.rename(b.id(), "Restless");
                takes.rate(b.id(), 2);
                takes.note(b.id(), "restless eyes on the greeting");
                vm.seekFrame(frame);
                ((TabPane) view.lookup(".side-tabs")).getSelectionModel().select(1);
                panel.list().getSelectionModel().selectIndices(0, 1);
                return null;
            });
            Screenshots.waitFor(() -> UiExecutors.callOnFx(() -> vm.previewFrameProperty().get() == frame), 60,
                    "the preview of frame " + frame);
            Thread.sleep(300);
            if (sheetOut != null) {
                WritableImage sheet = UiExecutors.callOnFx(() -> view.getScene().snapshot(null));
                Screenshots.writePng(sheet, sheetOut);
                System.out.println("wrote " + sheetOut.toAbsolutePath());
            }
            TakeCompareView compare = UiExecutors.callOnFx(() -> {
                TakeCompareView c = panel.openCompare(takes.takes().get(0), takes.takes().get(1));
                Stage s = (Stage) c.getScene().getWindow();
                s.setWidth(1400);
                // Two 16:9 pictures side by side need less height than one wiped picture.
                s.setHeight(wipe ? 720 : 560);
                c.viewModel().modeProperty().set(wipe ? TakeCompareViewModel.Mode.WIPE
                        : TakeCompareViewModel.Mode.SIDE_BY_SIDE);
                c.viewModel().wipeProperty().set(0.5);
                c.viewModel().seekFrame(compareFrame != null ? compareFrame : c.viewModel().mostDifferentFrame());
                return c;
            });
            TakeCompareViewModel cvm = compare.viewModel();
            int at = UiExecutors.callOnFx(() -> vm.playheadProperty().get());
            Screenshots.waitFor(() -> UiExecutors.callOnFx(() -> cvm.a().shownFrameProperty().get() == at
                    && cvm.b().shownFrameProperty().get() == at || !cvm.messageProperty().get().isEmpty()
                    && !cvm.messageProperty().get().startsWith("Loading")), 120, "both takes at frame " + at);
            Thread.sleep(300);
            WritableImage shot = UiExecutors.callOnFx(() -> compare.getScene().snapshot(null));
            Screenshots.writePng(shot, out);
            System.out.println("wrote " + out.toAbsolutePath() + " (" + (int) shot.getWidth() + "x"
                    + (int) shot.getHeight() + ", frame " + at + ")" + (cvm.messageProperty().get().isEmpty() ? ""
                    : "; " + cvm.messageProperty().get()));
        } finally {
            UiExecutors.callOnFx(() -> {
                view.dispose();
                return null;
            });
            exec.shutdown().run();
            services.close();
            delete(tmp);
        }
    }

    private static Path copy(Path src, Path dst) throws IOException {
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = src.relativize(p);
                // The render cache and earlier takes are not needed for the screenshot.
                if (rel.startsWith("cache") || rel.startsWith("takes")) continue;
                Path t = dst.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dst;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
