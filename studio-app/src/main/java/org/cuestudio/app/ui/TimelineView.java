package org.cuestudio.app.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.GestureSpec;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of the current shot: a time ruler, the dialogue waveform, the four cue lanes and the playhead,
 * drawn on two canvases (content, and a playhead overlay) at most once per pulse and only when something they
 * show changed. Clicking the ruler or waveform scrubs; clicking a cue selects it; dragging moves it (one undo step
 * per drag); double-clicking an empty lane adds that lane's default cue; right-click offers choices. Ctrl+wheel
 * zooms around the pointer, the wheel scrolls. Zoom and scroll are view state, not undoable.
 */
public final class TimelineView extends Region {
    static final double HEADER_WIDTH = 116;
    static final double RULER_HEIGHT = 26;
    static final double WAVE_HEIGHT = 66;
    static final double LANE_HEIGHT = 34;
    static final double CONTENT_HEIGHT = RULER_HEIGHT + WAVE_HEIGHT + LANE_HEIGHT * CueLane.values().length;
    static final double MIN_PPS = 8;
    static final double MAX_PPS = 2400;
    /** Room after the end of the shot, so its last cue can be grabbed at its end. */
    static final double END_MARGIN = 24;
    /** Pixels the pointer must travel before a press on a cue becomes a drag. */
    static final double DRAG_THRESHOLD = 3;

    static final Color WAVE = Color.web("#58a6ff");
    static final Color PLAYHEAD = Color.web("#f85149");

    /** The timeline's colours on the dark and the light theme (lane colours and the playhead are shared). */
    record Palette(Color bg, Color headerBg, Color rulerBg, Color laneEven, Color laneOdd, Color pastEnd, Color grid,
            Color text, Color textMuted, Color waveSpeechBg, Color selection) {
        static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#161b22"),
                Color.web("#11161d"), Color.web("#0d1117"), Color.web("#07090c"), Color.web("#21262d"),
                Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#58a6ff", 0.06), Color.web("#f0f6fc"));
        static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#f6f8fa"),
                Color.web("#f6f8fa"), Color.web("#ffffff"), Color.web("#eaeef2"), Color.web("#d0d7de"),
                Color.web("#1f2328"), Color.web("#656d76"), Color.web("#0969da", 0.07), Color.web("#1f2328"));
    }

    private Palette palette = Palette.DARK;

    private static final Font LABEL_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 11);
    private static final Font SMALL_FONT = Font.font(Font.getDefault().getFamily(), 10);
    private static final Font HEADER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    private final StudioViewModel vm;
    private final Canvas content = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final DoubleProperty pixelsPerSecond = new SimpleDoubleProperty(this, "pixelsPerSecond", 100);
    private final DoubleProperty scroll = new SimpleDoubleProperty(this, "scroll", 0);
    private final Map<String, Double> textWidths = new HashMap<>();
    private final Text measure = new Text();
    private final ContextMenu menu = new ContextMenu();

    private boolean contentDirty = true;
    private boolean overlayDirty = true;
    private boolean fitted;
    private boolean userZoomed;
    private int contentDraws;

    private boolean scrubbing;
    private @Nullable Cue pressedCue;
    private double pressX;
    private StudioViewModel.@Nullable CueDrag drag;

    private final Runnable pulseListener = this::drawIfDirty;

    public TimelineView(StudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("timeline");
        setMinHeight(CONTENT_HEIGHT + 14);
        setPrefHeight(CONTENT_HEIGHT + 16);
        overlay.setMouseTransparent(true);
        scrollBar.setOrientation(Orientation.HORIZONTAL);
        scrollBar.getStyleClass().add("timeline-scroll");
        getChildren().addAll(content, overlay, scrollBar);

        InvalidationListener contentChanged = o -> markContentDirty();
        vm.revisionProperty().addListener(contentChanged);
        vm.selectedCueIdProperty().addListener(contentChanged);
        vm.audioProperty().addListener(o -> {
            fitted = false;
            markContentDirty();
        });
        vm.shotProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                fitted = false;
                userZoomed = false;
            }
        });
        vm.playheadProperty().addListener(o -> {
            if (vm.playingProperty().get()) keepPlayheadVisible();
            markOverlayDirty();
        });
        vm.loopInProperty().addListener(o -> markOverlayDirty());
        vm.loopOutProperty().addListener(o -> markOverlayDirty());
        pixelsPerSecond.addListener(this::viewportChanged);
        scroll.addListener(this::viewportChanged);
        scrollBar.valueProperty().addListener((o, was, now) -> scroll.set(now.doubleValue()));

        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removePostLayoutPulseListener(pulseListener);
            if (now != null) {
                now.addPostLayoutPulseListener(pulseListener);
                markContentDirty();
            }
        });

        content.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        content.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        content.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        content.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        content.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        content.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenu);
    }

    // ---------------------------------------------------------------- geometry

    /** Where a position is drawn, in canvas coordinates. */
    double xOf(long ticks) {
        return HEADER_WIDTH + Ticks.toSeconds(ticks) * pixelsPerSecond.get() - scroll.get();
    }

    /** The position under an x coordinate of the canvas. */
    long ticksAt(double x) {
        return Ticks.ofSeconds((x - HEADER_WIDTH + scroll.get()) / pixelsPerSecond.get());
    }

    static double laneTop(CueLane lane) {
        return RULER_HEIGHT + WAVE_HEIGHT + lane.ordinal() * LANE_HEIGHT;
    }

    /** The lane under a y coordinate, if any. */
    static Optional<CueLane> laneAt(double y) {
        double rel = y - RULER_HEIGHT - WAVE_HEIGHT;
        if (rel < 0) return Optional.empty();
        int i = (int) (rel / LANE_HEIGHT);
        return i < CueLane.values().length ? Optional.of(CueLane.values()[i]) : Optional.empty();
    }

    /** The centre of a cue's block in canvas coordinates (for tests and tools). */
    Optional<Point2D> cueCenter(String cueId) {
        Shot s = vm.shotProperty().get();
        if (s == null) return Optional.empty();
        return s.cue(cueId).map(c -> {
            double x0 = Math.max(HEADER_WIDTH, xOf(c.range().start()));
            double x1 = Math.min(content.getWidth(), blockRight(c));
            return new Point2D((x0 + x1) / 2, laneTop(CueLane.of(c)) + LANE_HEIGHT / 2);
        });
    }

    private double blockRight(Cue c) {
        return Math.max(xOf(c.range().endExclusive()), xOf(c.range().start()) + 4);
    }

    /** The cue drawn at a point: the one on top (the selection, else the later one) where blocks overlap. */
    Optional<Cue> cueAt(double x, double y) {
        Shot s = vm.shotProperty().get();
        Optional<CueLane> lane = laneAt(y);
        if (s == null || lane.isEmpty() || x < HEADER_WIDTH) return Optional.empty();
        double top = laneTop(lane.get());
        if (y < top + 3 || y > top + LANE_HEIGHT - 3) return Optional.empty();
        List<Cue> cues = s.track(lane.get()).cues();
        String selected = vm.selectedCueIdProperty().get();
        for (Cue c : cues) {
            if (c.id().equals(selected) && x >= xOf(c.range().start()) && x < blockRight(c)) return Optional.of(c);
        }
        for (int i = cues.size() - 1; i >= 0; i--) {
            Cue c = cues.get(i);
            if (x >= xOf(c.range().start()) && x < blockRight(c)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The colour of a lane's cues (their top strip and outline). */
    static Color laneColor(CueLane lane) {
        return switch (lane) {
            case EMOTION -> Color.web("#ec6f9a");
            case GESTURE -> Color.web("#a371f7");
            case GAZE -> Color.web("#3fb950");
            case TIMING -> Color.web("#d29922");
            case MOUTH -> Color.web("#58a6ff");
        };
    }

    /** Switches the timeline's colours to the light (or back to the dark) theme. */
    void setLight(boolean light) {
        Palette want = light ? Palette.LIGHT : Palette.DARK;
        if (want == palette) return;
        palette = want;
        markContentDirty();
    }

    /** The opaque fill of a cue block's body. */
    Color cueBodyColor(CueLane lane, boolean selected) {
        return palette.laneEven().interpolate(laneColor(lane), selected ? 0.62 : 0.34);
    }

    public DoubleProperty pixelsPerSecondProperty() {
        return pixelsPerSecond;
    }

    /** Sets the zoom and stops fitting the shot to the width. */
    public void setPixelsPerSecond(double pps) {
        userZoomed = true;
        pixelsPerSecond.set(clampPps(pps));
        clampScroll();
    }

    /** Horizontal scroll in pixels from the start of the shot. */
    public DoubleProperty scrollProperty() {
        return scroll;
    }

    /** The canvas the timeline's content is drawn on (pixel tests read it). */
    Canvas contentCanvas() {
        return content;
    }

    /** The lanes' right-click menu (tests read its items). */
    ContextMenu contextMenu() {
        return menu;
    }

    /** How often the content has been drawn (tests check that idle pulses draw nothing). */
    int contentDraws() {
        return contentDraws;
    }

    private static double clampPps(double pps) {
        return Math.max(MIN_PPS, Math.min(MAX_PPS, pps));
    }

    private double visibleWidth() {
        return Math.max(1, content.getWidth() - HEADER_WIDTH);
    }

    private double contentWidth() {
        return Ticks.toSeconds(vm.durationTicks()) * pixelsPerSecond.get() + END_MARGIN;
    }

    private void clampScroll() {
        double max = Math.max(0, contentWidth() - visibleWidth());
        if (scroll.get() > max) scroll.set(max);
        if (scroll.get() < 0) scroll.set(0);
    }

    private void viewportChanged(Observable o) {
        double max = Math.max(0, contentWidth() - visibleWidth());
        scrollBar.setMin(0);
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max <= 0 ? 1 : visibleWidth() * max / contentWidth());
        scrollBar.setUnitIncrement(pixelsPerSecond.get() / 4);
        scrollBar.setBlockIncrement(visibleWidth() * 0.8);
        if (scrollBar.getValue() != scroll.get()) scrollBar.setValue(scroll.get());
        scrollBar.setVisible(max > 0.5);
        markContentDirty();
    }

    private void fitIfNeeded() {
        if (fitted || userZoomed || content.getWidth() <= HEADER_WIDTH || vm.durationTicks() <= 0) return;
        double seconds = Ticks.toSeconds(vm.durationTicks());
        fitted = vm.audioProperty().get() != null;
        pixelsPerSecond.set(clampPps((visibleWidth() - END_MARGIN) / seconds));
        scroll.set(0);
    }

    private void keepPlayheadVisible() {
        double x = xOf(vm.frameRate().frameToTicks(vm.playheadProperty().get()));
        if (x > content.getWidth() - 24 || x < HEADER_WIDTH) {
            scroll.set(Math.max(0, scroll.get() + x - HEADER_WIDTH - 48));
            clampScroll();
        }
    }

    // ---------------------------------------------------------------- layout and drawing

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sb = scrollBar.prefHeight(-1);
        double ch = Math.max(0, h - sb);
        if (content.getWidth() != w || content.getHeight() != ch) {
            content.setWidth(w);
            content.setHeight(ch);
            overlay.setWidth(w);
            overlay.setHeight(ch);
            viewportChanged(pixelsPerSecond);
            markContentDirty();
        }
        scrollBar.resizeRelocate(HEADER_WIDTH, ch, Math.max(0, w - HEADER_WIDTH), sb);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    private void markContentDirty() {
        contentDirty = true;
        overlayDirty = true;
        Platform.requestNextPulse();
    }

    private void markOverlayDirty() {
        overlayDirty = true;
        Platform.requestNextPulse();
    }

    /** Draws what changed since the last pulse; called by the scene after layout, before rendering. */
    private void drawIfDirty() {
        if (contentDirty) {
            contentDirty = false;
            fitIfNeeded();
            clampScroll();
            drawContent();
            contentDraws++;
        }
        if (overlayDirty) {
            overlayDirty = false;
            drawOverlay();
        }
    }

    /** Draws at once (tests and screenshots call this to avoid waiting for a pulse). */
    void drawNow() {
        contentDirty = true;
        overlayDirty = true;
        drawIfDirty();
    }

    private void drawContent() {
        GraphicsContext g = content.getGraphicsContext2D();
        double w = content.getWidth();
        double h = content.getHeight();
        g.setFill(palette.bg());
        g.fillRect(0, 0, w, h);
        Shot shot = vm.shotProperty().get();
        if (shot == null) {
            drawHeaders(g, null);
            return;
        }
        FrameRate rate = shot.frameRate();
        double endX = xOf(vm.durationTicks());

        // Lanes' backgrounds first, so grid lines and blocks sit on top.
        for (CueLane lane : CueLane.values()) {
            g.setFill(lane.ordinal() % 2 == 0 ? palette.laneEven() : palette.laneOdd());
            g.fillRect(HEADER_WIDTH, laneTop(lane), w - HEADER_WIDTH, LANE_HEIGHT);
        }
        drawGrid(g, rate, w);
        drawWaveform(g, w);
        drawMouthTrack(g, rate, w);
        if (endX < w) {
            g.setFill(palette.pastEnd());
            g.fillRect(Math.max(HEADER_WIDTH, endX), RULER_HEIGHT, w - Math.max(HEADER_WIDTH, endX), h - RULER_HEIGHT);
        }
        String selected = vm.selectedCueIdProperty().get();
        Cue selectedCue = null;
        for (CueLane lane : CueLane.values()) {
            List<Cue> cues = shot.track(lane).cues();
            for (int i = 0; i < cues.size(); i++) {
                Cue c = cues.get(i);
                // A label stops where the next block starts, so overlapping cues keep readable names.
                double labelEnd = i + 1 < cues.size() ? xOf(cues.get(i + 1).range().start()) : Double.MAX_VALUE;
                if (c.id().equals(selected)) selectedCue = c;
                else drawCue(g, c, false, labelEnd);
            }
        }
        // The selection is drawn last, on top of any block it overlaps.
        if (selectedCue != null) drawCue(g, selectedCue, true, Double.MAX_VALUE);
        drawRuler(g, rate, w);
        drawHeaders(g, shot);
    }

    private record TickSpacing(double majorSeconds, double minorSeconds, boolean frameTicks) {}

    private TickSpacing spacing(FrameRate rate) {
        double pps = pixelsPerSecond.get();
        double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
        double major = steps[steps.length - 1];
        for (double s : steps) {
            if (s * pps >= 64) {
                major = s;
                break;
            }
        }
        boolean frameTicks = pps / rate.fps() >= 3;
        double minor = frameTicks ? 1 / rate.fps() : major * pps / 10 >= 8 ? major / 10 : major / 5;
        return new TickSpacing(major, minor, frameTicks);
    }

    private void drawGrid(GraphicsContext g, FrameRate rate, double w) {
        TickSpacing sp = spacing(rate);
        g.setLineWidth(1);
        g.setStroke(palette.grid());
        double pps = pixelsPerSecond.get();
        double first = Math.floor(scroll.get() / pps / sp.majorSeconds()) * sp.majorSeconds();
        for (double s = first; ; s += sp.majorSeconds()) {
            double x = snap(HEADER_WIDTH + s * pps - scroll.get());
            if (x > w) break;
            if (x >= HEADER_WIDTH) g.strokeLine(x, RULER_HEIGHT, x, CONTENT_HEIGHT);
        }
        // Separators between the waveform and each lane.
        for (int i = 0; i <= CueLane.values().length; i++) {
            double y = snap(RULER_HEIGHT + WAVE_HEIGHT + i * LANE_HEIGHT);
            g.strokeLine(0, y, w, y);
        }
    }

    private void drawRuler(GraphicsContext g, FrameRate rate, double w) {
        g.setFill(palette.rulerBg());
        g.fillRect(HEADER_WIDTH, 0, w - HEADER_WIDTH, RULER_HEIGHT);
        TickSpacing sp = spacing(rate);
        double pps = pixelsPerSecond.get();
        double startSec = Math.max(0, scroll.get() / pps);
        double endSec = Math.min(Ticks.toSeconds(vm.durationTicks()) + sp.majorSeconds(),
                (scroll.get() + w - HEADER_WIDTH) / pps);
        g.setLineWidth(1);
        // Minor ticks: frames when they are at least 3 px apart, else tenths or fifths of the major step.
        g.setStroke(palette.textMuted().deriveColor(0, 1, 1, 0.55));
        if (sp.frameTicks()) {
            long f0 = rate.ticksToFrame(Ticks.ofSeconds(startSec));
            long f1 = rate.ticksToFrame(Ticks.ofSeconds(endSec)) + 1;
            for (long f = f0; f <= f1; f++) {
                double x = snap(xOf(rate.frameToTicks(f)));
                if (x < HEADER_WIDTH || x > w) continue;
                g.strokeLine(x, RULER_HEIGHT - 4, x, RULER_HEIGHT);
            }
        } else {
            for (double s = Math.floor(startSec / sp.minorSeconds()) * sp.minorSeconds(); s <= endSec;
                    s += sp.minorSeconds()) {
                double x = snap(HEADER_WIDTH + s * pps - scroll.get());
                if (x >= HEADER_WIDTH && x <= w) g.strokeLine(x, RULER_HEIGHT - 4, x, RULER_HEIGHT);
            }
        }
        // Half-second marks when there is room, then whole-step marks with labels.
        if (sp.majorSeconds() == 1 && pps >= 40) {
            g.setStroke(palette.textMuted().deriveColor(0, 1, 1, 0.8));
            for (double s = Math.floor(startSec) + 0.5; s <= endSec; s += 1) {
                double x = snap(HEADER_WIDTH + s * pps - scroll.get());
                if (x >= HEADER_WIDTH && x <= w) g.strokeLine(x, RULER_HEIGHT - 7, x, RULER_HEIGHT);
            }
        }
        g.setStroke(palette.textMuted());
        g.setFill(palette.text());
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (double s = Math.floor(startSec / sp.majorSeconds()) * sp.majorSeconds(); s <= endSec;
                s += sp.majorSeconds()) {
            double x = snap(HEADER_WIDTH + s * pps - scroll.get());
            if (x < HEADER_WIDTH - 1 || x > w) continue;
            g.strokeLine(x, 6, x, RULER_HEIGHT);
            g.fillText(Timecode.rulerLabel(Math.round(s)), x + 4, 5);
        }
        g.setStroke(palette.grid());
        g.strokeLine(HEADER_WIDTH, snap(RULER_HEIGHT), w, snap(RULER_HEIGHT));
    }

    private void drawWaveform(GraphicsContext g, double w) {
        ShotAudio audio = vm.audioProperty().get();
        double top = RULER_HEIGHT;
        double mid = top + WAVE_HEIGHT / 2;
        double half = WAVE_HEIGHT / 2 - 5;
        if (audio == null) {
            g.setFill(palette.textMuted());
            g.setFont(SMALL_FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Loading audio…", HEADER_WIDTH + 12, mid);
            return;
        }
        // Speech spans shaded behind the wave: where the planner moves the lips.
        boolean[] speech = audio.features().speech();
        FrameRate rate = audio.features().frameRate();
        g.setFill(palette.waveSpeechBg());
        for (int f = 0; f < speech.length; f++) {
            if (!speech[f]) continue;
            int e = f;
            while (e + 1 < speech.length && speech[e + 1]) e++;
            double x0 = Math.max(HEADER_WIDTH, xOf(rate.frameToTicks(f)));
            double x1 = Math.min(w, xOf(rate.frameToTicks(e + 1)));
            if (x1 > x0) g.fillRect(x0, top + 2, x1 - x0, WAVE_HEIGHT - 4);
            f = e;
        }
        g.setStroke(palette.grid());
        g.strokeLine(HEADER_WIDTH, snap(mid), w, snap(mid));
        int columns = (int) Math.max(0, Math.ceil(w - HEADER_WIDTH));
        double pps = pixelsPerSecond.get();
        float[][] mm = audio.columns(scroll.get() / pps, 1 / pps, columns);
        g.setFill(WAVE);
        for (int i = 0; i < columns; i++) {
            float lo = mm[0][i], hi = mm[1][i];
            if (lo == 0 && hi == 0) continue;
            double y0 = mid - hi * half;
            double y1 = mid - lo * half;
            g.fillRect(HEADER_WIDTH + i, y0, 1, Math.max(1, y1 - y0));
        }
    }

    /**
     * The mouth shapes the performance shows (the lip-sync track with the corrections applied), read-only under
     * the mouth lane's correction blocks: one faint band per run of a shape, lettered where there is room.
     */
    private void drawMouthTrack(GraphicsContext g, FrameRate rate, double w) {
        Performance perf = vm.performanceProperty().get();
        if (perf == null) return;
        double top = laneTop(CueLane.MOUTH);
        int first = (int) Math.max(0, rate.ticksToFrame(ticksAt(HEADER_WIDTH)));
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        int f = first;
        while (f < perf.frameCount()) {
            double x0 = xOf(rate.frameToTicks(f));
            if (x0 > w) break;
            MouthShape shape = perf.frames().get(f).mouthShape();
            int e = f + 1;
            while (e < perf.frameCount() && perf.frames().get(e).mouthShape() == shape) e++;
            double x1 = Math.min(w, xOf(rate.frameToTicks(e)));
            if (shape != MouthShape.X) {
                g.setFill(laneColor(CueLane.MOUTH).deriveColor(0, 1, 1, 0.18));
                g.fillRect(Math.max(HEADER_WIDTH, x0), top + LANE_HEIGHT - 12, Math.max(1, x1 - Math.max(HEADER_WIDTH, x0)), 8);
                if (x1 - x0 >= 9 && x0 >= HEADER_WIDTH) {
                    g.setFill(palette.textMuted());
                    g.fillText(shape.name(), x0 + 2, top + LANE_HEIGHT - 8);
                }
            }
            f = e;
        }
    }

    /** How many cues of the shot are at least partly in view (the rest are culled when drawing). */
    int visibleCueCount() {
        Shot shot = vm.shotProperty().get();
        if (shot == null) return 0;
        double w = content.getWidth();
        int n = 0;
        for (Cue c : shot.allCues()) {
            if (blockRight(c) >= HEADER_WIDTH && xOf(c.range().start()) <= w) n++;
        }
        return n;
    }

    private void drawCue(GraphicsContext g, Cue c, boolean selected, double labelEnd) {
        CueLane lane = CueLane.of(c);
        double top = laneTop(lane) + 4;
        double h = LANE_HEIGHT - 8;
        double x0 = xOf(c.range().start());
        double x1 = blockRight(c);
        double w = content.getWidth();
        if (x1 < HEADER_WIDTH || x0 > w) return;
        Color color = laneColor(lane);
        double cx0 = Math.max(x0, HEADER_WIDTH - 4);
        double cx1 = Math.min(x1, w + 4);
        g.save();
        g.beginPath();
        g.rect(HEADER_WIDTH, 0, w - HEADER_WIDTH, CONTENT_HEIGHT);
        g.clip();
        g.setFill(cueBodyColor(lane, selected));
        g.fillRoundRect(cx0, top, cx1 - cx0, h, 6, 6);
        if (c instanceof EmotionCue e) drawEnvelope(g, e, top, h, color);
        if (c instanceof GestureCue) {
            // The stroke of a gesture falls in the middle third of its range.
            double third = (x1 - x0) / 3;
            g.setFill(color.deriveColor(0, 1, 1, 0.28));
            g.fillRect(x0 + third, top + h - 5, third, 3);
        }
        g.setFill(color);
        g.fillRect(cx0 + 1, top, Math.max(1, cx1 - cx0 - 2), 3);
        g.setLineWidth(selected ? 2 : 1);
        g.setStroke(selected ? palette.selection() : color.deriveColor(0, 1, 0.85, 1));
        g.strokeRoundRect(cx0 + 0.5, top + 0.5, cx1 - cx0 - 1, h - 1, 6, 6);
        // The label sticks to the left edge of the visible part of the block.
        double textX = Math.max(x0, HEADER_WIDTH) + 5;
        double room = Math.min(Math.min(x1, w), labelEnd) - textX - 2;
        String label = fit(c.label(), room);
        if (!label.isEmpty()) {
            g.setFont(LABEL_FONT);
            g.setFill(selected ? Color.WHITE : palette.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, textX, top + h / 2 + 1.5);
        }
        g.restore();
    }

    private void drawEnvelope(GraphicsContext g, EmotionCue e, double top, double h, Color color) {
        TimeRange r = e.range();
        long in = Math.min(e.easeIn(), r.duration() / 2);
        long out = Math.min(e.easeOut(), r.duration() - in);
        double base = top + h - 1;
        double peak = base - (h - 6) * e.intensity();
        double xa = xOf(r.start());
        double xb = xOf(r.start() + in);
        double xc = xOf(r.endExclusive() - out);
        double xd = xOf(r.endExclusive());
        g.setFill(color.deriveColor(0, 1, 1, 0.22));
        g.fillPolygon(new double[] {xa, xb, xc, xd}, new double[] {base, peak, peak, base}, 4);
    }

    /** The text cut to fit a width, with an ellipsis; empty when not even two letters fit. */
    private String fit(String text, double room) {
        if (room <= 0) return "";
        if (width(text) <= room) return text;
        for (int n = text.length() - 1; n >= 2; n--) {
            String t = text.substring(0, n).stripTrailing() + "…";
            if (width(t) <= room) return t;
        }
        return "";
    }

    private double width(String text) {
        return textWidths.computeIfAbsent(text, t -> {
            measure.setFont(LABEL_FONT);
            measure.setText(t);
            return measure.getLayoutBounds().getWidth();
        });
    }

    private void drawHeaders(GraphicsContext g, @Nullable Shot shot) {
        g.setFill(palette.headerBg());
        g.fillRect(0, 0, HEADER_WIDTH, CONTENT_HEIGHT);
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(snap(HEADER_WIDTH), 0, snap(HEADER_WIDTH), CONTENT_HEIGHT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(SMALL_FONT);
        g.setFill(palette.textMuted());
        g.fillText(shot == null ? "" : shot.frameRate().fps() % 1 == 0 ? (int) shot.frameRate().fps() + " fps"
                : String.format(java.util.Locale.ROOT, "%.3f fps", shot.frameRate().fps()), 12, RULER_HEIGHT / 2);
        g.setFont(HEADER_FONT);
        g.setFill(palette.text());
        g.fillText("Dialogue", 12, RULER_HEIGHT + WAVE_HEIGHT / 2);
        for (CueLane lane : CueLane.values()) {
            double top = laneTop(lane);
            g.setFill(laneColor(lane));
            g.fillRoundRect(8, top + 9, 4, LANE_HEIGHT - 18, 2, 2);
            g.setFont(HEADER_FONT);
            g.setFill(palette.text());
            g.fillText(lane.label(), 20, top + LANE_HEIGHT / 2);
            if (shot != null) {
                g.setFont(SMALL_FONT);
                g.setFill(palette.textMuted());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(Integer.toString(shot.track(lane).cues().size()), HEADER_WIDTH - 10, top + LANE_HEIGHT / 2);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
        g.setStroke(palette.grid());
        for (int i = 0; i <= CueLane.values().length; i++) {
            double y = snap(RULER_HEIGHT + WAVE_HEIGHT + i * LANE_HEIGHT);
            g.strokeLine(0, y, HEADER_WIDTH, y);
        }
        g.strokeLine(0, snap(RULER_HEIGHT), HEADER_WIDTH, snap(RULER_HEIGHT));
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        g.clearRect(0, 0, w, overlay.getHeight());
        if (vm.shotProperty().get() == null || vm.durationTicks() <= 0) return;
        int in = vm.loopInProperty().get(), out = vm.loopOutProperty().get();
        if (in >= 0 && out > in) {
            // the loop range (I and O) on the ruler
            double x0 = Math.max(HEADER_WIDTH, xOf(vm.frameRate().frameToTicks(in)));
            double x1 = Math.min(w, xOf(vm.frameRate().frameToTicks(out)));
            if (x1 > x0) {
                g.setFill(PLAYHEAD.deriveColor(30, 1, 1, 0.22));
                g.fillRect(x0, RULER_HEIGHT - 8, x1 - x0, 8);
            }
        }
        if (!Double.isNaN(snapGuide)) {
            double gx = snap(xOf((long) snapGuide));
            g.setStroke(palette.selection().deriveColor(0, 1, 1, 0.8));
            g.setLineDashes(4, 3);
            g.strokeLine(gx, RULER_HEIGHT, gx, CONTENT_HEIGHT);
            g.setLineDashes();
        }
        double x = snap(xOf(vm.frameRate().frameToTicks(vm.playheadProperty().get())));
        if (x < HEADER_WIDTH || x > w) return;
        double frameW = pixelsPerSecond.get() / vm.frameRate().fps();
        if (frameW >= 4) {
            // At frame zoom, the frame the playhead is on is shown as a band.
            g.setFill(PLAYHEAD.deriveColor(0, 1, 1, 0.12));
            g.fillRect(x, RULER_HEIGHT, Math.min(frameW, w - x), CONTENT_HEIGHT - RULER_HEIGHT);
        }
        g.setStroke(PLAYHEAD);
        g.setLineWidth(1);
        g.strokeLine(x, RULER_HEIGHT - 8, x, CONTENT_HEIGHT);
        g.setFill(PLAYHEAD);
        g.fillPolygon(new double[] {x - 6, x + 6, x + 6, x, x - 6}, new double[] {2, 2, RULER_HEIGHT - 12,
                RULER_HEIGHT - 6, RULER_HEIGHT - 12}, 5);
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    // ---------------------------------------------------------------- interaction

    private void pressed(MouseEvent e) {
        menu.hide();
        if (e.getButton() == MouseButton.SECONDARY) {
            // Not every platform marks a right press as a popup trigger (Monocle does not), so ask here too.
            showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        double x = e.getX();
        double y = e.getY();
        if (x < HEADER_WIDTH || y > CONTENT_HEIGHT) return;
        if (y < RULER_HEIGHT + WAVE_HEIGHT) {
            scrubbing = true;
            vm.seekTicks(ticksAt(x));
            return;
        }
        Optional<Cue> hit = cueAt(x, y);
        if (hit.isPresent()) {
            vm.select(hit.get().id());
            pressedCue = hit.get();
            pressX = x;
        } else {
            vm.select(null);
            Optional<CueLane> lane = laneAt(y);
            if (e.getClickCount() == 2 && lane.isPresent()) vm.addCue(lane.get(), ticksAt(x));
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (scrubbing) {
            vm.seekTicks(ticksAt(Math.max(HEADER_WIDTH, e.getX())));
            return;
        }
        Cue cue = pressedCue;
        if (cue == null) return;
        double dx = e.getX() - pressX;
        if (drag == null && Math.abs(dx) >= DRAG_THRESHOLD) {
            drag = vm.beginCueDrag(cue.id()).orElse(null);
        }
        if (drag != null) {
            long start = drag.originalStart() + snappedDelta(dx);
            // magnetic: the block's start or end jumps to a nearby cue edge, stressed syllable, phrase or the
            // playhead (hold Alt to place it freely, frame by frame)
            snapGuide = Double.NaN;
            if (!e.isAltDown()) {
                long length = cue.range().duration();
                Snap to = magnet(start, length, cue.id());
                if (to != null) {
                    start = to.start();
                    snapGuide = to.at();
                }
            }
            drag.moveTo(start);
            markOverlayDirty();
            content.setCursor(Cursor.CLOSED_HAND);
        }
    }

    /** Pixels within which a dragged block's edge is pulled onto a snap target. */
    static final double SNAP_PIXELS = 6;
    /** Where the snap guide is drawn while a drag is snapped, in ticks; NaN when it is not. */
    private double snapGuide = Double.NaN;

    /** A snapped start for a dragged block, and the time it snapped to (where the guide is drawn). */
    record Snap(long start, long at) {}

    /**
     * The nearest snap target within {@link #SNAP_PIXELS} of the start or the end of a block of {@code length}
     * starting at {@code start}: the other cues' starts and ends (every lane), the stressed syllables and phrase
     * starts of the audio, the playhead. Null when none is that near.
     */
    @org.jspecify.annotations.Nullable Snap magnet(long start, long length, String movingId) {
        Shot shot = vm.shotProperty().get();
        if (shot == null) return null;
        java.util.List<Long> targets = new java.util.ArrayList<>();
        for (Cue c : shot.allCues()) {
            if (c.id().equals(movingId)) continue;
            targets.add(c.range().start());
            targets.add(c.range().start() + c.range().duration());
        }
        ShotAudio a = vm.audioProperty().get();
        if (a != null && a.features().prosody() != null) {
            var p = a.features().prosody();
            for (var accent : p.accents()) targets.add(accent.ticks());
            for (var phrase : p.phrases()) targets.add(phrase.start());
        }
        targets.add(vm.frameRate().frameToTicks(vm.playheadProperty().get()));
        double limit = SNAP_PIXELS / pixelsPerSecond.get() * org.cuestudio.core.time.Ticks.PER_SECOND;
        Snap best = null;
        double bestDistance = limit;
        for (long t : targets) {
            double ds = Math.abs(t - start), de = Math.abs(t - (start + length));
            if (ds <= bestDistance) {
                bestDistance = ds;
                best = new Snap(t, t);
            }
            if (de < bestDistance && t - length >= 0) {
                bestDistance = de;
                best = new Snap(t - length, t);
            }
        }
        return best;
    }

    /** A horizontal drag distance as ticks, rounded to whole frames so cues keep their offset within a frame. */
    long snappedDelta(double dx) {
        FrameRate rate = vm.frameRate();
        double frames = dx / pixelsPerSecond.get() * rate.fps();
        long n = Math.round(frames);
        return n >= 0 ? rate.frameToTicks(n) : -rate.frameToTicks(-n);
    }

    private void released(MouseEvent e) {
        scrubbing = false;
        if (!Double.isNaN(snapGuide)) {
            snapGuide = Double.NaN;
            markOverlayDirty();
        }
        pressedCue = null;
        if (drag != null) {
            StudioViewModel.CueDrag d = drag;
            drag = null;
            d.commit();
        }
        hover(e);
    }

    /** Ends a drag without moving the cue (Escape). */
    boolean cancelDrag() {
        if (drag == null) return false;
        drag.cancel();
        drag = null;
        pressedCue = null;
        return true;
    }

    private void hover(MouseEvent e) {
        Cursor c = Cursor.DEFAULT;
        if (e.getX() >= HEADER_WIDTH && e.getY() < RULER_HEIGHT + WAVE_HEIGHT) c = Cursor.TEXT;
        else if (cueAt(e.getX(), e.getY()).isPresent()) c = Cursor.OPEN_HAND;
        if (content.getCursor() != c) content.setCursor(c);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            double x = Math.max(HEADER_WIDTH, e.getX());
            long at = ticksAt(x);
            // One wheel notch zooms by a fifth; touchpads send fractions of a notch and zoom smoothly.
            double notches = e.getMultiplierY() != 0 ? e.getDeltaY() / e.getMultiplierY() : e.getDeltaY() / 40;
            double factor = Math.pow(1.2, notches);
            userZoomed = true;
            pixelsPerSecond.set(clampPps(pixelsPerSecond.get() * factor));
            scroll.set(HEADER_WIDTH + Ticks.toSeconds(at) * pixelsPerSecond.get() - x);
        } else {
            double d = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
            scroll.set(scroll.get() - d);
        }
        clampScroll();
        e.consume();
    }

    private void contextMenu(ContextMenuEvent e) {
        // The keyboard's menu key, or a platform that reports the popup trigger: the press already showed it.
        if (!menu.isShowing()) showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private void showMenu(double x, double y, double screenX, double screenY) {
        Optional<CueLane> lane = laneAt(y);
        if (lane.isEmpty() || x < HEADER_WIDTH || vm.shotProperty().get() == null) return;
        menu.getItems().clear();
        Optional<Cue> hit = cueAt(x, y);
        if (hit.isPresent()) {
            vm.select(hit.get().id());
            MenuItem delete = new MenuItem("Delete " + hit.get().label());
            delete.setOnAction(a -> vm.deleteSelectedCue());
            menu.getItems().add(delete);
            if (hit.get() instanceof EmotionCue e) {
                MenuItem save = new MenuItem("Save as emotion preset...");
                save.setOnAction(a -> {
                    javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(
                            e.preset().isEmpty() ? e.emotion().label() : GestureCue.labelOf(e.preset()));
                    ask.setTitle("Save emotion preset");
                    ask.setHeaderText("A name for this feeling (" + e.label() + "), to reuse from the emotion menu");
                    ask.showAndWait().ifPresent(name -> vm.saveEmotionPreset(e, name));
                });
                menu.getItems().add(save);
            }
        } else {
            FrameRate rate = vm.frameRate();
            long at = rate.frameToTicks(rate.ticksToFrame(Math.max(0, ticksAt(x))));
            menu.getItems().addAll(addItems(lane.get(), at));
        }
        menu.show(content, screenX, screenY);
    }

    private List<MenuItem> addItems(CueLane lane, long at) {
        TimeRange r = new TimeRange(at, NewCues.DEFAULT_LENGTH);
        Shot s = vm.shotProperty().get();
        if (s == null) return List.of();
        String id = NewCues.freshId(s, lane);
        Menu add = new Menu("Add " + lane.label().toLowerCase(java.util.Locale.ROOT) + " cue");
        switch (lane) {
            case EMOTION -> {
                for (Emotion em : Emotion.values()) add.getItems().add(item(em.label(), NewCues.emotion(id, r, em)));
                add.getItems().add(new SeparatorMenuItem());
                for (EmotionPreset p : vm.emotionPresets()) {
                    add.getItems().add(item(p.label(), EmotionCue.of(id, r, p, 0.8, NewCues.EMOTION_EASE,
                            NewCues.EMOTION_EASE)));
                }
            }
            case GESTURE -> {
                for (GestureSpec ge : vm.gestures().gestures()) {
                    add.getItems().add(item(ge.label(), NewCues.gesture(id, r, ge.id())));
                }
            }
            case GAZE -> {
                for (GazeTarget t : GazeTarget.values()) {
                    if (t == GazeTarget.POINT || t == GazeTarget.CHARACTER) continue;
                    add.getItems().add(item(new GazeCue(id, r, t).label(), new GazeCue(id, r, t)));
                }
                for (String other : s.cast().subList(1, s.cast().size())) {
                    add.getItems().add(item("Look at " + other, GazeCue.atCharacter(id, r, other)));
                }
            }
            case TIMING -> {
                add.getItems().add(item("Hold", new TimingCue(id, r, TimingCue.Kind.HOLD, 1.0)));
                add.getItems().add(item("React", new TimingCue(id, r, TimingCue.Kind.REACT, 0.8)));
                add.getItems().add(item("Faster tempo", new TimingCue(id, r, TimingCue.Kind.TEMPO, 0.85)));
                add.getItems().add(item("Slower tempo", new TimingCue(id, r, TimingCue.Kind.TEMPO, 0.15)));
            }
            case MOUTH -> {
                TimeRange shortRange = new TimeRange(at, NewCues.MOUTH_LENGTH);
                for (MouthShape m : MouthShape.values()) {
                    MouthShapeCue cue = new MouthShapeCue(id, shortRange, m);
                    add.getItems().add(item(cue.label(), cue));
                }
            }
        }
        MenuItem quick = item("Add " + NewCues.defaultFor(s, lane, at).label() + " here", NewCues.defaultFor(s, lane, at));
        return List.of(quick, new SeparatorMenuItem(), add);
    }

    private MenuItem item(String text, Cue cue) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(a -> vm.addCue(cue));
        return m;
    }

    /** Unhooks from the scene's pulses (the view model outlives nothing here, but the scene might). */
    void dispose() {
        Scene s = getScene();
        if (s != null) s.removePostLayoutPulseListener(pulseListener);
    }
}
