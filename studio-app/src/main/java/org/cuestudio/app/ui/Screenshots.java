package org.cuestudio.app.ui;

import atlantafx.base.theme.PrimerDark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.cuestudio.app.StudioServices;

/**
 * Makes the documentation's screenshot of the studio window: opens a project, selects a cue, puts the playhead on
 * a frame, waits for the preview and writes the window to a PNG. Run it under Xvfb or Monocle with
 * {@code -Dprism.order=sw}:
 *
 * <pre>{@code java -cp 'lib/*' org.cuestudio.app.ui.Screenshots PROJECT OUT.png [WIDTH HEIGHT [CUE-ID [FRAME [SHOT]]]]}</pre>
 *
 * <p>With {@code --compare} it makes the take comparison's screenshot instead ({@link TakeScreenshots}): it copies
 * the project to a temporary folder, renders two takes there, and writes the comparison window (and, given a second
 * file, the studio window with the take sheet):
 *
 * <pre>{@code java -cp 'lib/*' org.cuestudio.app.ui.Screenshots --compare PROJECT OUT.png [SHEET.png|- [FRAME|auto [wipe|side]]]}</pre>
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) {
        int code = 0;
        try {
            run(args);
        } catch (Exception | LinkageError e) {
            System.err.println("screenshot failed: " + ErrorText.describe(e));
            code = 1;
        }
        Platform.exit();
        System.exit(code);
    }

    private static void run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--compare")) {
            TakeScreenshots.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: Screenshots PROJECT OUT.png [WIDTH HEIGHT [CUE-ID [FRAME [SHOT]]]]");
            System.exit(2);
        }
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int width = args.length > 3 ? Integer.parseInt(args[2]) : 1600;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        String cue = args.length > 4 ? args[4] : "joy-hello";
        int frame = args.length > 5 ? Integer.parseInt(args[5]) : 62;
        String shotId = args.length > 6 ? args[6] : null;
        System.setProperty("cue.audio", System.getProperty("cue.audio", "off"));

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        StudioServices services = new StudioServices();
        UiExecutors exec = UiExecutors.javafx();
        StudioViewModel vm = new StudioViewModel(new ServicesPorts(services), exec);
        StudioView view = UiExecutors.callOnFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            Stage stage = new Stage();
            org.cuestudio.app.settings.StudioSettings settings = org.cuestudio.app.settings.StudioSettings.inMemory();
            if ("light".equals(System.getProperty("cue.theme"))) {
                settings.setTheme(org.cuestudio.app.settings.StudioSettings.Theme.LIGHT);
            }
            StudioView v = StudioApp.show(stage, vm, settings);
            stage.setWidth(width);
            stage.setHeight(height);
            vm.open(project);
            return v;
        });
        waitFor(() -> UiExecutors.callOnFx(() -> vm.performanceProperty().get() != null), 60, "the project to open");
        waitFor(() -> UiExecutors.callOnFx(() -> vm.previewImageProperty().get() != null || vm.rendererProblem() != null), 180,
                "the renderer");
        if (shotId != null) {
            UiExecutors.callOnFx(() -> {
                vm.selectShot(shotId);
                return null;
            });
            waitFor(() -> UiExecutors.callOnFx(() -> vm.performanceProperty().get() != null
                    && vm.shotProperty().get() != null && vm.shotProperty().get().id().equals(shotId)), 60,
                    "shot " + shotId + " to open");
        }
        UiExecutors.callOnFx(() -> {
            vm.select(cue);
            vm.seekFrame(frame);
            return null;
        });
        waitFor(() -> UiExecutors.callOnFx(() -> vm.previewFrameProperty().get() == frame || vm.rendererProblem() != null), 60,
                "the preview of frame " + frame);
        // Two pulses: one to lay out the new image, one to draw it.
        Thread.sleep(200);
        WritableImage shot = UiExecutors.callOnFx(() -> view.getScene().snapshot(null));
        writePng(shot, out);
        System.out.println("wrote " + out.toAbsolutePath() + " (" + (int) shot.getWidth() + "x" + (int) shot.getHeight()
                + ")" + (vm.rendererProblem() == null ? "" : "; preview: renderer unavailable: " + vm.rendererProblem()));
        UiExecutors.callOnFx(() -> {
            view.dispose();
            return null;
        });
        exec.shutdown().run();
        services.close();
    }

    /** Writes a JavaFX image as PNG through AWT, without the javafx-swing bridge. */
    public static void writePng(Image image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer in this JDK");
    }


    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }
}
