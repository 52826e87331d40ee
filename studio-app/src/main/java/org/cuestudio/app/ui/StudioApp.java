package org.cuestudio.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.cuestudio.app.StudioServices;
import org.cuestudio.app.settings.StudioSettings;
import org.jspecify.annotations.Nullable;

/**
 * The JavaFX application of the studio window: applies the dark theme, wires the view model to the shared
 * {@link StudioServices} and opens the project given on the command line ({@link #launchWith(Path)}).
 */
public final class StudioApp extends Application {
    /** The style sheet with the studio's own rules on top of the AtlantaFX theme. */
    static final String STYLESHEET = Objects.requireNonNull(StudioApp.class.getResource("studio.css")).toExternalForm();

    private @Nullable StudioServices services;
    private @Nullable UiExecutors executors;
    private @Nullable StudioView view;

    /** Opens the studio window on a project folder or file and returns when the window is closed. */
    public static void launchWith(Path project) {
        Application.launch(StudioApp.class, project.toAbsolutePath().toString());
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        StudioSettings settings = StudioSettings.load();
        settings.applyToSystemProperties();
        StudioServices s = new StudioServices();
        UiExecutors x = UiExecutors.javafx();
        services = s;
        executors = x;
        StudioViewModel vm = new StudioViewModel(new ServicesPorts(s), x);
        StudioView v = show(stage, vm, settings);
        view = v;
        stage.setOnCloseRequest(e -> {
            e.consume();
            v.afterConfirmingDiscard("Quit Cue Studio", stage::close);
        });
        if (!args.isEmpty()) vm.open(Path.of(args.get(0)));
    }

    /**
     * Puts a studio view for {@code vm} into a stage with the theme and style sheet, sized to the screen, and shows
     * it. Used by the application, the screenshot tool and the UI tests.
     */
    public static StudioView show(Stage stage, StudioViewModel vm) {
        return show(stage, vm, StudioSettings.inMemory());
    }

    /** {@link #show(Stage, StudioViewModel)} with the user's settings (theme, recent projects), which it keeps. */
    public static StudioView show(Stage stage, StudioViewModel vm, StudioSettings settings) {
        StudioView view = new StudioView(vm);
        StudioWindow.applyTheme(settings.theme(), view);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1480, screen.getWidth() - 40);
        double h = Math.min(920, screen.getHeight() - 40);
        Scene scene = new Scene(view, w, h);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(880);
        stage.setMinHeight(560);
        StudioWindow window = new StudioWindow(stage, view, settings);
        view.setWindow(window);
        stage.show();
        return view;
    }

    @Override
    public void stop() {
        if (view != null) view.dispose();
        if (executors != null) executors.shutdown().run();
        if (services != null) services.close();
    }
}
