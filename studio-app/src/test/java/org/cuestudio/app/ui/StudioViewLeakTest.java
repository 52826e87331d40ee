package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Stage stage = UiExecutors.callOnFx(Stage::new);
        StudioView view = UiExecutors.callOnFx(() -> StudioApp.show(stage, vm));
        UiExecutors.callOnFx(() -> vm.open(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() -> vm.previewImageProperty().get() != null));
        UiExecutors.callOnFx(() -> {
            vm.play();
            return null;
        });
        Thread.sleep(200);
        UiExecutors.callOnFx(() -> {
            view.dispose();
            stage.close();
            return null;
        });
        exec.shutdown().run();
        return new WeakReference<>(view);
    }

}
