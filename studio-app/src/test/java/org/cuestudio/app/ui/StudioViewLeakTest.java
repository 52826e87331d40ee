package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A studio window that was opened, played and closed leaves nothing behind that keeps it alive. */
class StudioViewLeakTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aClosedWindowIsCollected() throws Exception {
        WeakReference<StudioView> view = openPlayAndClose();
        for (int i = 0; i < 40 && view.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(view.get()).as("the closed studio view").isNull();
    }

    private WeakReference<StudioView> openPlayAndClose() throws Exception {
        Path project = SampleProjects.copyHello(tmp);
        UiExecutors exec = UiExecutors.javafx();
        StudioViewModel vm = new StudioViewModel(new FakePorts(), exec);
        Stage stage = fx(Stage::new);
        StudioView view = fx(() -> StudioApp.show(stage, vm));
        fx(() -> vm.open(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.previewImageProperty().get() != null));
        fx(() -> {
            vm.play();
            return null;
        });
        Thread.sleep(200);
        fx(() -> {
            view.dispose();
            stage.close();
            return null;
        });
        exec.shutdown().run();
        return new WeakReference<>(view);
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
