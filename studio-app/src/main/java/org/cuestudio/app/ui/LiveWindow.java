package org.cuestudio.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.live.AudioInput;
import org.cuestudio.core.live.LiveClock;
import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.live.LiveLipSyncProvider;
import org.cuestudio.core.live.LiveSession;
import org.cuestudio.app.live.MicrophoneInput;
import org.cuestudio.core.live.PacedFileInput;
import org.cuestudio.core.live.Trigger;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * The live view (docs/live-mode.md): the shot's character performing the microphone (or the shot's own recording
 * played in real time) at preview size, with emotion and gesture trigger buttons (keys 1-6 and Q-R), a green-screen
 * background for capture by streaming software, and the frame rate and dropped frames. The session runs on its own
 * threads; the newest frame reaches the window once per pulse. Recording a take is done by {@code cue live --record}.
 */
public final class LiveWindow {
    private static final List<String> EMOTIONS = List.of("neutral", "joy", "sadness", "anger", "surprise", "fear");
    private static final KeyCode[] EMOTION_KEYS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6};
    private static final KeyCode[] GESTURE_KEYS = {KeyCode.Q, KeyCode.W, KeyCode.E, KeyCode.R};
    /** The chroma-key background (opaque green) for capture by streaming software. */
    static final int GREEN_SCREEN = 0xFF00B140;

    private final StudioPorts ports;
    private final LoadedProject lp;
    private final Shot shot;
    private final Stage stage = new Stage();
    private final ImageView view = new ImageView();
    private final Label status = new Label("Choose an input to start.");
    private final CheckBox green = new CheckBox("Green screen");
    private final AtomicReference<@Nullable RgbaImage> latest = new AtomicReference<>();
    private @Nullable WritableImage image;
    private byte[] bgra = new byte[0];
    private volatile @Nullable LiveSession session;
    private @Nullable AudioInput input;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            RgbaImage img = latest.getAndSet(null);
            if (img != null) show(img);
        }
    };

    public LiveWindow(StudioPorts ports, LoadedProject lp, Shot shot) {
        this.ports = ports;
        this.lp = lp;
        this.shot = shot;
        Button mic = new Button("Microphone");
        mic.setOnAction(e -> start(true));
        Button file = new Button("Shot's recording");
        file.setOnAction(e -> start(false));
        Button stop = new Button("Stop");
        stop.setOnAction(e -> stop());
        FlowPane triggers = new FlowPane(6, 6);
        for (int i = 0; i < EMOTIONS.size(); i++) {
            String em = EMOTIONS.get(i);
            Button b = new Button((i + 1) + " " + em.substring(0, 1).toUpperCase(Locale.ROOT) + em.substring(1));
            b.setOnAction(e -> trigger(Trigger.Kind.EMOTION, em));
            b.setFocusTraversable(false);
            triggers.getChildren().add(b);
        }
        List<String> gestures = ports.planner().gestures().ids().stream().limit(GESTURE_KEYS.length).toList();
        for (int i = 0; i < gestures.size(); i++) {
            String g = gestures.get(i);
            Button b = new Button(GESTURE_KEYS[i].getName() + " " + g);
            b.setOnAction(e -> trigger(Trigger.Kind.GESTURE, g));
            b.setFocusTraversable(false);
            triggers.getChildren().add(b);
        }
        HBox top = new HBox(8, mic, file, stop, green);
        top.setPadding(new Insets(8));
        triggers.setPadding(new Insets(8));
        view.setPreserveRatio(true);
        view.setFitWidth(640);
        BorderPane root = new BorderPane(view, top, null, new javafx.scene.layout.VBox(triggers, status), null);
        status.setPadding(new Insets(0, 8, 8, 8));
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            for (int i = 0; i < EMOTION_KEYS.length; i++) if (e.getCode() == EMOTION_KEYS[i]) trigger(Trigger.Kind.EMOTION, EMOTIONS.get(i));
            for (int i = 0; i < gestures.size(); i++) if (e.getCode() == GESTURE_KEYS[i]) trigger(Trigger.Kind.GESTURE, gestures.get(i));
        });
        stage.setScene(scene);
        stage.setTitle("Live: " + shot.name());
        stage.setOnHidden(e -> stop());
    }

    /** The status line's text (for tests). */
    String statusText() {
        return status.getText();
    }

    /** Whether a frame has been shown. */
    boolean hasImage() {
        return view.getImage() != null;
    }

    public void show() {
        stage.show();
        pulse.start();
    }

    private void trigger(Trigger.Kind kind, String value) {
        LiveSession s = session;
        if (s != null) s.trigger(kind, value, Trigger.DEFAULT_INTENSITY);
    }

    private void start(boolean microphone) {
        if (session != null) return;
        status.setText("Starting…");
        boolean greenScreen = green.isSelected();
        Thread t = new Thread(() -> run(microphone, greenScreen), "live-session");
        t.setDaemon(true);
        t.start();
    }

    private void run(boolean microphone, boolean greenScreen) {
        try {
            CharacterModel model = ports.loadCharacter(lp, shot);
            Character character = lp.project().requireCharacter(shot.characterId());
            RenderSettings settings = RenderSettings.forShot(shot, Quality.PREVIEW);
            if (greenScreen) settings = settings.withBackground(GREEN_SCREEN);
            RenderSettings rs = settings;
            AudioInput in;
            if (microphone) {
                in = MicrophoneInput.open(LiveClock.SYSTEM, 500);
            } else {
                AudioClip clip = ports.loadAudio(lp, shot).clip();
                float[] s = clip.sampleRate() == LiveLipSync.SAMPLE_RATE ? clip.samples() : null;
                if (s == null) throw new IllegalStateException("the shot's recording is not decoded at 16 kHz");
                in = new PacedFileInput(s, LiveClock.SYSTEM, shot.audio());
            }
            input = in;
            LiveSession s = new LiveSession(shot, character, ports.planner(), LiveLipSyncProvider.load().create(6, 2), in,
                    LiveClock.SYSTEM, 1, List.of());
            session = s;
            long t0 = System.nanoTime();
            int[] shown = {0};
            LiveSession.Result r = s.run((index, frame, mouth) -> {
                latest.set(render(model, frame, rs));
                shown[0]++;
                double sec = (System.nanoTime() - t0) / 1e9;
                if (shown[0] % 25 == 0) {
                    String text = String.format(Locale.ROOT, "Live (%s): frame %d, %.1f fps", in.describe(), index,
                            shown[0] / sec);
                    Platform.runLater(() -> status.setText(text));
                }
            });
            String done = String.format(Locale.ROOT, "Stopped: %d frames, %d shown, %d dropped, %.1f fps, dropped audio "
                    + "%d samples, latency median %.0f ms", r.frames(), r.shown(), r.dropped(), r.fps(),
                    r.droppedSamples(), r.latencyMillis(50));
            Platform.runLater(() -> status.setText(done));
        } catch (Exception | Error e) {
            String msg = "Live mode failed: " + e.getMessage();
            Platform.runLater(() -> status.setText(msg));
        } finally {
            AudioInput in = input;
            if (in != null) in.close();
            session = null;
            input = null;
        }
    }

    private RgbaImage render(CharacterModel model, PerformanceFrame frame, RenderSettings settings) {
        return ports.renderFrame(new Performance(shot.frameRate(), List.of(frame)), model, settings, 0);
    }

    private void stop() {
        LiveSession s = session;
        if (s != null) s.stop();
        AudioInput in = input;
        if (in instanceof MicrophoneInput) in.close();
    }

    private void show(RgbaImage rgba) {
        WritableImage img = image;
        if (img == null || (int) img.getWidth() != rgba.width() || (int) img.getHeight() != rgba.height()) {
            img = new WritableImage(rgba.width(), rgba.height());
            image = img;
            bgra = new byte[rgba.pixels().length];
        }
        byte[] in = rgba.pixels();
        for (int i = 0; i < in.length; i += 4) {
            bgra[i] = in[i + 2];
            bgra[i + 1] = in[i + 1];
            bgra[i + 2] = in[i];
            bgra[i + 3] = in[i + 3];
        }
        img.getPixelWriter().setPixels(0, 0, rgba.width(), rgba.height(), PixelFormat.getByteBgraInstance(), bgra, 0,
                rgba.width() * 4);
        if (view.getImage() != img) view.setImage(img);
    }
}
