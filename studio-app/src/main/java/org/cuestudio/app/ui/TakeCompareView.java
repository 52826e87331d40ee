package org.cuestudio.app.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cuestudio.app.ui.TakeCompareViewModel.Mode;
import org.cuestudio.app.ui.TakeCompareViewModel.Side;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.jspecify.annotations.Nullable;

/**
 * The comparison of two takes, in a window of its own: side by side, or one picture with an A/B wipe whose divider
 * is dragged; a transport (play, step, a scrub bar) that drives the studio's playhead, so both takes always show the
 * same frame. It only shows the {@link TakeCompareViewModel} and forwards gestures to it.
 */
public final class TakeCompareView extends BorderPane {
    private final TakeCompareViewModel vm;
    private final Viewer viewer;
    private final Label labelA = new Label();
    private final Label labelB = new Label();
    private final Label clock = new Label();
    private final Slider scrub = new Slider(0, 1, 0);
    private final Button play = new Button();
    /** Every listener this view put on longer-lived objects, removed by {@link #dispose}. */
    private final List<Runnable> unhook = new ArrayList<>();
    private boolean scrubbing;

    public TakeCompareView(TakeCompareViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("studio", "take-compare");
        viewer = new Viewer();
        setTop(toolbar());
        setCenter(viewer);
        setBottom(transport());

        StudioViewModel studio = vm.studio();
        listen(studio.playheadProperty(), this::updateClock);
        listen(studio.frameCountProperty(), this::updateClock);
        listen(studio.playingProperty(), this::updatePlay);
        listen(vm.a().takeProperty(), this::updateLabels);
        listen(vm.b().takeProperty(), this::updateLabels);
        listen(studio.projectProperty(), this::updateLabels);
        updateClock();
        updatePlay();
        updateLabels();
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removeEventFilter(KeyEvent.KEY_PRESSED, this::key);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        });
    }

    private void listen(Observable o, Runnable r) {
        InvalidationListener l = x -> r.run();
        o.addListener(l);
        unhook.add(() -> o.removeListener(l));
    }

    /** Shows a comparison in a window of its own, owned by the studio window when there is one. */
    static Stage show(TakeCompareView view, @Nullable Window owner) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        Scene scene = new Scene(view, 1180, 620);
        scene.getStylesheets().addAll(StudioApp.STYLESHEET, TakesPanel.STYLESHEET);
        stage.setScene(scene);
        Take a = view.vm.a().takeProperty().get();
        Take b = view.vm.b().takeProperty().get();
        stage.setTitle("Compare " + a.name() + " and " + b.name() + " — Cue Studio");
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.show();
        return stage;
    }

    // ---------------------------------------------------------------- bars

    private ToolBar toolbar() {
        labelA.getStyleClass().addAll("compare-take", "compare-a");
        labelB.getStyleClass().addAll("compare-take", "compare-b");
        Label vs = new Label("vs");
        vs.getStyleClass().add(Styles.TEXT_MUTED);
        ToggleGroup modes = new ToggleGroup();
        ToggleButton sideBySide = new ToggleButton("Side by side");
        sideBySide.setId("compare-side-by-side");
        sideBySide.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton wipe = new ToggleButton("A/B wipe");
        wipe.setId("compare-wipe");
        wipe.getStyleClass().add(Styles.RIGHT_PILL);
        for (ToggleButton t : List.of(sideBySide, wipe)) {
            t.setToggleGroup(modes);
            t.setFocusTraversable(false);
        }
        Runnable syncMode = () -> {
            sideBySide.setSelected(vm.modeProperty().get() == Mode.SIDE_BY_SIDE);
            wipe.setSelected(vm.modeProperty().get() == Mode.WIPE);
            viewer.requestLayout();
        };
        vm.modeProperty().addListener(o -> syncMode.run());
        syncMode.run();
        sideBySide.setOnAction(e -> vm.modeProperty().set(Mode.SIDE_BY_SIDE));
        wipe.setOnAction(e -> vm.modeProperty().set(Mode.WIPE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(labelA, vs, labelB, spacer, new HBox(sideBySide, wipe));
        bar.getStyleClass().add("studio-toolbar");
        return bar;
    }

    private HBox transport() {
        Button back = Icons.button(Icons.STEP_BACK, "Previous frame (←)", () -> vm.step(-1));
        Button forward = Icons.button(Icons.STEP_FORWARD, "Next frame (→)", () -> vm.step(1));
        play.setId("compare-play");
        play.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.BUTTON_CIRCLE, "play-button");
        play.setFocusTraversable(false);
        play.setTooltip(new Tooltip("Play / pause both takes (Space)"));
        play.setOnAction(e -> vm.togglePlayback());
        scrub.setId("compare-scrub");
        scrub.setFocusTraversable(false);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.valueProperty().addListener((o, was, now) -> {
            if (!scrubbing) vm.seekFrame((int) Math.round(now.doubleValue()));
        });
        clock.getStyleClass().add("compare-clock");
        clock.setId("compare-clock");
        Button difference = new Button("Biggest difference");
        difference.setId("compare-difference");
        difference.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        difference.setFocusTraversable(false);
        difference.setTooltip(new Tooltip("Go to the frame where the two takes' performances differ most (D)"));
        difference.setOnAction(e -> vm.seekMostDifferent());
        HBox box = new HBox(8, back, play, forward, new Separator(Orientation.VERTICAL), scrub, clock,
                new Separator(Orientation.VERTICAL), difference);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.getStyleClass().add("compare-transport");
        return box;
    }

    private void updateClock() {
        StudioViewModel s = vm.studio();
        int f = s.playheadProperty().get();
        int n = s.frameCountProperty().get();
        Shot shot = s.shotProperty().get();
        clock.setText(String.format(Locale.ROOT, "%s  ·  frame %d of %d", shot == null ? "--:--:--:--"
                : Timecode.of(f, shot.frameRate()), f, n));
        scrubbing = true;
        try {
            scrub.setMax(Math.max(1, n - 1));
            scrub.setValue(f);
        } finally {
            scrubbing = false;
        }
    }

    private void updatePlay() {
        play.setGraphic(Icons.of(vm.studio().playingProperty().get() ? Icons.PAUSE : Icons.PLAY));
    }

    private void updateLabels() {
        labelA.setText("A  " + summary(vm.a()));
        labelB.setText("B  " + summary(vm.b()));
        viewer.updateCaptions();
    }

    private static String summary(Side side) {
        Take t = side.takeProperty().get();
        return t.name() + "  " + stars(t.rating()) + (t.circled() ? "  ◉" : "") + "  · seed " + t.seed();
    }

    static String stars(int rating) {
        return "★".repeat(rating) + "☆".repeat(5 - rating);
    }

    private void key(KeyEvent e) {
        boolean handled = true;
        switch (e.getCode()) {
            case SPACE -> vm.togglePlayback();
            case LEFT -> vm.step(e.isShiftDown() ? -10 : -1);
            case RIGHT -> vm.step(e.isShiftDown() ? 10 : 1);
            case D -> vm.seekMostDifferent();
            case W -> vm.modeProperty().set(vm.modeProperty().get() == Mode.WIPE ? Mode.SIDE_BY_SIDE : Mode.WIPE);
            default -> handled = false;
        }
        if (handled) e.consume();
    }

    // ---------------------------------------------------------------- pictures

    /** The two pictures, laid out by hand: two fitted frames side by side, or one frame with A over B to the wipe. */
    final class Viewer extends Region {
        private final Picture a;
        private final Picture b;
        private final Region divider = new Region();
        private final Circle handle = new Circle(9);
        private final Rectangle clipA = new Rectangle();
        private final Label message = new Label();
        /** Where the wipe's picture was last laid out, for turning a drag into a wipe position. */
        private double wipeX;
        private double wipeWidth = 1;

        Viewer() {
            getStyleClass().add("compare-viewer");
            a = new Picture(vm.a(), "A");
            b = new Picture(vm.b(), "B");
            divider.getStyleClass().add("compare-divider");
            divider.setManaged(false);
            handle.getStyleClass().add("compare-handle");
            handle.setManaged(false);
            message.getStyleClass().add("preview-message");
            message.setManaged(false);
            getChildren().addAll(b.placeholder, a.placeholder, b.view, a.view, divider, handle, b.caption, a.caption,
                    b.badge, a.badge, message);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
            listen(vm.wipeProperty(), this::requestLayout);
            listen(vm.messageProperty(), this::updateMessage);
            updateMessage();
            addEventHandler(MouseEvent.MOUSE_PRESSED, this::drag);
            addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
            addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(vm.modeProperty().get() == Mode.WIPE
                    ? Cursor.H_RESIZE : Cursor.DEFAULT));
        }

        private void drag(MouseEvent e) {
            if (vm.modeProperty().get() != Mode.WIPE) return;
            vm.wipeProperty().set((e.getX() - wipeX) / wipeWidth);
            e.consume();
        }

        private void updateMessage() {
            message.setText(vm.messageProperty().get());
            message.setVisible(!vm.messageProperty().get().isEmpty());
            requestLayout();
        }

        void updateCaptions() {
            a.updateCaption();
            b.updateCaption();
        }

        @Override
        protected void layoutChildren() {
            Shot s = vm.studio().shotProperty().get();
            double aspect = s == null ? 16.0 / 9 : s.resolution().width() / (double) s.resolution().height();
            double pad = 16;
            double w = Math.max(1, getWidth() - 2 * pad);
            double h = Math.max(1, getHeight() - 2 * pad);
            boolean wipe = vm.modeProperty().get() == Mode.WIPE;
            if (wipe) {
                double fw = Math.min(w, h * aspect);
                double fh = fw / aspect;
                double x = (getWidth() - fw) / 2;
                double y = (getHeight() - fh) / 2;
                b.place(x, y, fw, fh);
                a.place(x, y, fw, fh);
                double cut = fw * vm.wipeProperty().get();
                clipA.setWidth(cut);
                clipA.setHeight(fh);
                a.view.setClip(clipA);
                a.placeholder.setClip(new Rectangle(cut, fh));
                wipeX = x;
                wipeWidth = fw;
                divider.resizeRelocate(x + cut - 1, y, 2, fh);
                handle.setCenterX(x + cut);
                handle.setCenterY(y + fh / 2);
                // A's caption on A's side (left), B's on the right.
                b.caption.relocate(x + fw - b.caption.prefWidth(-1) - 10, y + 10);
                b.badge.relocate(x + fw - b.badge.prefWidth(-1) - 10, y + fh - b.badge.prefHeight(-1) - 10);
            } else {
                double gap = 12;
                double each = (w - gap) / 2;
                double fw = Math.min(each, h * aspect);
                double fh = fw / aspect;
                double y = (getHeight() - fh) / 2;
                double x0 = (getWidth() - (2 * fw + gap)) / 2;
                a.view.setClip(null);
                a.placeholder.setClip(null);
                a.place(x0, y, fw, fh);
                b.place(x0 + fw + gap, y, fw, fh);
            }
            divider.setVisible(wipe);
            handle.setVisible(wipe);
            message.autosize();
            message.relocate((getWidth() - message.getWidth()) / 2, (getHeight() - message.getHeight()) / 2);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 1000;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 480;
        }
    }

    /** One take's picture: the latest frame, a placeholder while there is none, its caption and badge. */
    private final class Picture {
        final Side side;
        final String letter;
        final ImageView view = new ImageView();
        final Region placeholder = new Region();
        final Label caption = new Label();
        final Label badge = new Label("shot changed since this take");
        final RgbaFx pixels = new RgbaFx();

        Picture(Side side, String letter) {
            this.side = side;
            this.letter = letter;
            view.setPreserveRatio(false);
            view.setSmooth(true);
            view.setManaged(false);
            view.setId("compare-image-" + letter.toLowerCase(Locale.ROOT));
            placeholder.getStyleClass().add("preview-placeholder");
            placeholder.setManaged(false);
            caption.getStyleClass().addAll("compare-caption", "compare-caption-" + letter.toLowerCase(Locale.ROOT));
            caption.setManaged(false);
            badge.getStyleClass().add("compare-badge");
            badge.setManaged(false);
            badge.setTooltip(new Tooltip("The shot was edited after this take was rendered: this is the take's seed "
                    + "on the shot as it is now. Re-render the take to update its file."));
            listen(side.imageProperty(), this::show);
            listen(side.problemProperty(), this::updateCaption);
            show();
            updateCaption();
        }

        private void show() {
            var img = side.imageProperty().get();
            view.setImage(img == null ? null : pixels.show(img));
            placeholder.setVisible(img == null);
        }

        void updateCaption() {
            Take t = side.takeProperty().get();
            String problem = side.problemProperty().get();
            caption.setText(letter + " · " + t.name() + (problem.isEmpty() ? "" : " — " + problem));
            badge.setVisible(side.shotChanged());
        }

        void place(double x, double y, double w, double h) {
            view.setFitWidth(w);
            view.setFitHeight(h);
            view.relocate(x, y);
            placeholder.resizeRelocate(x, y, w, h);
            caption.autosize();
            caption.relocate(x + 10, y + 10);
            badge.autosize();
            badge.relocate(x + 10, y + h - badge.getHeight() - 10);
        }
    }

    /** The comparison's state, for tests and tools. */
    public TakeCompareViewModel viewModel() {
        return vm;
    }

    Viewer viewer() {
        return viewer;
    }

    /** Where the wipe's divider handle is drawn, on the screen (tests drag it). */
    javafx.geometry.Point2D dividerOnScreen() {
        return viewer.localToScreen(viewer.handle.getCenterX(), viewer.handle.getCenterY());
    }

    /** The width of the wiped picture as last laid out. */
    double wipeWidth() {
        return viewer.wipeWidth;
    }

    /** Unhooks from the studio and drops the frames being rendered. */
    public void dispose() {
        for (Runnable r : unhook) r.run();
        unhook.clear();
        vm.dispose();
    }
}
