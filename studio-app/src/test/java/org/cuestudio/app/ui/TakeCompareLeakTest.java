package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.cuestudio.core.model.Quality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Take comparisons opened, played and closed again and again leave nothing behind that keeps them alive. */
class TakeCompareLeakTest {
    private static final int TIMES = 6;

    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void closedComparisonsAreCollected() throws Exception {
        Path project = SampleProjects.copyHello(tmp);
        UiExecutors exec = UiExecutors.javafx();
        StudioViewModel vm = new StudioViewModel(new FakePorts(), exec);
        Stage stage = UiExecutors.callOnFx(Stage::new);
        StudioView view = UiExecutors.callOnFx(() -> StudioApp.show(stage, vm));
        UiExecutors.callOnFx(() -> vm.open(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() -> vm.previewImageProperty().get() != null));
        TakesPanel panel = view.takesPanel();
        UiExecutors.callOnFx(() -> {
            panel.viewModel().renderVariations(2, Quality.PREVIEW, 1);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() -> panel.viewModel().takes().size() == 2));

        List<WeakReference<Object>> closed = new ArrayList<>();
        for (int time = 0; time < TIMES; time++) {
            boolean wipe = time % 2 == 0;
            TakeCompareView compare = UiExecutors.callOnFx(() -> panel.openCompare(panel.viewModel().takes().get(0),
                    panel.viewModel().takes().get(1)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> UiExecutors.callOnFx(() ->
                    compare.viewModel().a().shownFrameProperty().get() >= 0));
            UiExecutors.callOnFx(() -> {
                compare.viewModel().modeProperty().set(wipe ? TakeCompareViewModel.Mode.WIPE
                        : TakeCompareViewModel.Mode.SIDE_BY_SIDE);
                vm.play();
                return null;
            });
            Thread.sleep(100);
            UiExecutors.callOnFx(() -> {
                vm.pause();
                panel.closeCompare();
                return null;
            });
            closed.add(new WeakReference<>(compare));
            closed.add(new WeakReference<>(compare.viewModel()));
            closed.add(new WeakReference<>(compare.getScene().getWindow()));
        }
        assertThat(UiExecutors.callOnFx(() -> panel.compareView())).isNull();

        for (int i = 0; i < 40 && closed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(closed).as("closed comparison views, their view models and windows")
                .allSatisfy(r -> assertThat(r.get()).isNull());

        UiExecutors.callOnFx(() -> {
            view.dispose();
            stage.close();
            return null;
        });
        exec.shutdown().run();
    }
}
