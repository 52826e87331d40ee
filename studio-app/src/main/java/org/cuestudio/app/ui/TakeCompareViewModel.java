package org.cuestudio.app.ui;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.Cast;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.Performer;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.jspecify.annotations.Nullable;

/**
 * Two takes of the current shot side by side or under an A/B wipe, playing in sync. There is one clock: the
 * studio's playhead and {@link Playback} ({@link StudioViewModel#play}, {@link StudioViewModel#seekFrame}), so
 * playing, scrubbing and stepping here move the main window too, and both sides always ask for the same frame.
 * Each side's frames are the take's performance (the shot's direction planned with the take's seed) rendered by
 * the preview renderer, one {@link PreviewRenderer} per side so neither side's requests replace the other's; a
 * take recorded from an earlier state of the shot is marked as changed. JavaFX thread only.
 */
public final class TakeCompareViewModel {
    /** How the two takes are shown. */
    public enum Mode {
        SIDE_BY_SIDE, WIPE
    }

    /** One of the two takes being compared and what is shown of it. */
    public final class Side {
        private final String takeId;
        private final PreviewRenderer renderer;
        private final ReadOnlyObjectWrapper<Take> take;
        private final ReadOnlyObjectWrapper<@Nullable RgbaImage> image = new ReadOnlyObjectWrapper<>(this, "image");
        private final ReadOnlyIntegerWrapper shownFrame = new ReadOnlyIntegerWrapper(this, "shownFrame", -1);
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
        private List<Performance> performances = List.of();

        private Side(Take take) {
            this.takeId = take.id();
            this.take = new ReadOnlyObjectWrapper<>(this, "take", take);
            this.renderer = new PreviewRenderer(ports::renderFrame, exec.preview(), exec.fx());
        }

        /** The take as the project has it now (its rating, circle and notes change while it is compared). */
        public ReadOnlyObjectProperty<Take> takeProperty() {
            return take.getReadOnlyProperty();
        }

        /** The latest frame rendered for this side. */
        public ReadOnlyObjectProperty<@Nullable RgbaImage> imageProperty() {
            return image.getReadOnlyProperty();
        }

        /** The frame index {@link #imageProperty()} shows, -1 before the first. */
        public ReadOnlyIntegerProperty shownFrameProperty() {
            return shownFrame.getReadOnlyProperty();
        }

        /** Why this side shows no picture, empty when it does or is loading. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        /** Whether the shot was edited after this take was rendered: then it would render differently now. */
        public boolean shotChanged() {
            Project p = studio.projectProperty().get();
            Shot s = studio.shotProperty().get();
            Take t = take.get();
            return p != null && s != null && !t.shotHash().isEmpty() && !t.shotHash().equals(ShotHash.of(p, s.id()));
        }
    }

    private final StudioViewModel studio;
    private final StudioPorts ports;
    private final UiExecutors exec;
    private final Side a;
    private final Side b;
    private final String shotId;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIDE_BY_SIDE);
    private final DoubleProperty wipe = new SimpleDoubleProperty(this, "wipe", 0.5) {
        @Override
        public void set(double v) {
            super.set(Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v)));
        }
    };
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Loading renderer…");
    private final InvalidationListener playheadListener = o -> request();
    private final InvalidationListener projectListener = o -> projectChanged();
    private final InvalidationListener audioListener = o -> replan();
    private @Nullable List<CharacterModel> characters;
    private long epoch;
    private boolean disposed;

    public TakeCompareViewModel(StudioViewModel studio, Take takeA, Take takeB) {
        this.studio = studio;
        this.ports = studio.ports();
        this.exec = studio.executors();
        Shot s = studio.shotProperty().get();
        if (s == null) throw new IllegalStateException("no shot is open");
        this.shotId = s.id();
        this.a = new Side(takeA);
        this.b = new Side(takeB);
        studio.playheadProperty().addListener(playheadListener);
        studio.projectProperty().addListener(projectListener);
        studio.audioProperty().addListener(audioListener);
        replan();
        loadCast();
    }

    private void loadCast() {
        var lp = studio.loadedProject();
        Shot s = studio.shotProperty().get();
        if (lp == null || s == null) return;
        var snapshot = lp.with(studio.projectProperty().get());
        long myEpoch = epoch;
        exec.background().execute(() -> {
            try {
                List<CharacterModel> cast = ports.loadCast(snapshot, s);
                exec.fx().execute(() -> {
                    if (disposed || myEpoch != epoch) return;
                    characters = cast;
                    message.set("");
                    request();
                });
            } catch (Exception | LinkageError e) {
                exec.fx().execute(() -> {
                    if (disposed || myEpoch != epoch) return;
                    message.set("Renderer unavailable: " + ErrorText.describe(e));
                });
            }
        });
    }

    private void projectChanged() {
        Project p = studio.projectProperty().get();
        Shot s = p == null ? null : p.shot(shotId).orElse(null);
        if (s == null) return;
        for (Side side : List.of(a, b)) {
            s.takes().stream().filter(t -> t.id().equals(side.takeId)).findFirst().ifPresent(side.take::set);
        }
        replan();
    }

    /** Plans each take's performance from the shot as it is now with the take's seed (milliseconds). */
    private void replan() {
        Project p = studio.projectProperty().get();
        Shot s = studio.shotProperty().get();
        ShotAudio audio = studio.audioProperty().get();
        if (disposed || p == null || s == null || audio == null || !s.id().equals(shotId)) return;
        for (Side side : List.of(a, b)) {
            try {
                List<Performer> cast = Cast.of(p, s, audio.features(), path -> {
                    AudioFeatures v = audio.partnerVoices().get(path);
                    if (v == null) throw new IllegalStateException("partner audio " + path + " is not loaded");
                    return v;
                });
                side.performances = ports.planner().planAll(s, cast, side.take.get().seed());
                side.problem.set("");
            } catch (RuntimeException | LinkageError e) {
                side.performances = List.of();
                side.problem.set("No performance: " + ErrorText.describe(e));
            }
        }
        request();
    }

    /** Asks both sides for the frame under the playhead; each shows it when its renderer is done. */
    private void request() {
        List<CharacterModel> c = characters;
        Shot s = studio.shotProperty().get();
        if (disposed || c == null || s == null || !s.id().equals(shotId)) return;
        int f = studio.playheadProperty().get();
        RenderSettings settings = RenderSettings.forShot(s, Quality.PREVIEW);
        for (Side side : List.of(a, b)) {
            List<Performance> perfs = side.performances;
            if (perfs.isEmpty()) continue;
            boolean whole = c.size() == perfs.size() && c.size() == s.cast().size();
            Scene scene = whole ? Scene.staged(c, StudioViewModel.framing(s)) : Scene.of(c.get(0));
            List<Performance> used = whole ? perfs : List.of(perfs.get(0));
            int frame = Math.min(f, used.get(0).frameCount() - 1);
            side.renderer.request(new PreviewRenderer.Request(epoch, used, scene, settings, frame),
                    (req, image, error) -> {
                        if (disposed || req.epoch() != epoch) return;
                        if (image != null) {
                            side.image.set(image);
                            side.shownFrame.set(req.frame());
                            side.problem.set("");
                        } else {
                            side.problem.set("Preview failed: " + ErrorText.describe(error == null
                                    ? new IllegalStateException("no image") : error));
                        }
                    });
        }
    }

    /**
     * The frame where the two takes' performances differ most (the sum of the absolute differences of every
     * channel of the shot's own character), or the playhead while they are not planned: where to look first.
     */
    public int mostDifferentFrame() {
        List<Performance> pa = a.performances;
        List<Performance> pb = b.performances;
        if (pa.isEmpty() || pb.isEmpty()) return studio.playheadProperty().get();
        int n = Math.min(pa.get(0).frameCount(), pb.get(0).frameCount());
        int best = studio.playheadProperty().get();
        double most = -1;
        for (int f = 0; f < n; f++) {
            float[] x = pa.get(0).frames().get(f).toArray();
            float[] y = pb.get(0).frames().get(f).toArray();
            double d = 0;
            for (int i = 0; i < x.length; i++) d += Math.abs(x[i] - y[i]);
            if (d > most) {
                most = d;
                best = f;
            }
        }
        return best;
    }

    /** Moves the playhead to {@link #mostDifferentFrame()}. */
    public void seekMostDifferent() {
        studio.seekFrame(mostDifferentFrame());
    }

    // ---------------------------------------------------------------- transport (the studio's)

    public void togglePlayback() {
        studio.togglePlayback();
    }

    public void seekFrame(int frame) {
        studio.seekFrame(frame);
    }

    public void step(int frames) {
        studio.step(frames);
    }

    public Side a() {
        return a;
    }

    public Side b() {
        return b;
    }

    /** The shot whose takes are compared. */
    public String shotId() {
        return shotId;
    }

    public StudioViewModel studio() {
        return studio;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Where the wipe divides the picture, 0 (all B) to 1 (all A); clamped. */
    public DoubleProperty wipeProperty() {
        return wipe;
    }

    /** Why neither side shows a picture ("Loading renderer…"), empty once the renderer is loaded. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops listening to the studio; frames still being rendered are dropped. */
    public void dispose() {
        if (disposed) return;
        disposed = true;
        epoch++;
        studio.playheadProperty().removeListener(playheadListener);
        studio.projectProperty().removeListener(projectListener);
        studio.audioProperty().removeListener(audioListener);
    }
}
