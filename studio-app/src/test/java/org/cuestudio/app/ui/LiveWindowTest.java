package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live view, headless, with stand-in ports: the shot's recording played as the input (no microphone). */
@ExtendWith(ApplicationExtension.class)
class LiveWindowTest {
    @TempDir
    Path tmp;

    private final FakePorts ports = new FakePorts();
    private LiveWindow window;

    @Start
    void start(Stage stage) throws Exception {
        LoadedProject lp = ProjectFiles.open(SampleProjects.copyHello(tmp));
        window = new LiveWindow(ports, lp, lp.project().shots().get(0));
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theShotsRecordingDrivesTheViewTakesTriggersFromKeysAndStops(FxRobot robot) throws Exception {
        robot.clickOn("Shot's recording");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ports.renderedFrames.size() >= 5);
        robot.type(KeyCode.DIGIT2);
        robot.clickOn("Stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> UiExecutors.callOnFx(() -> window.statusText().startsWith("Stopped:")));
        assertThat(UiExecutors.callOnFx(() -> window.statusText())).containsPattern("Stopped: \\d+ frames, \\d+ shown");
        assertThat(UiExecutors.callOnFx(() -> window.hasImage())).isTrue();
    }
}
