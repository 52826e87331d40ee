package org.cuestudio.app.ui;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * The inspector on the right of the window: the selected cue's properties (read-only in this first version), or,
 * with nothing selected, a summary of the shot and how to direct it; below, what the planned performance does on
 * the playhead's frame (mouth shape, head, eyes, face, hands).
 */
public final class InspectorView extends VBox {
    private final StudioViewModel vm;
    private final Label heading = new Label();
    private final Label title = new Label();
    private final Region swatch = new Region();
    private final GridPane grid = new GridPane();
    private final Label notes = new Label();
    /** A direction note for the shot, turned into cues on demand (shown when no cue is selected). */
    private final javafx.scene.control.TextArea direction = new javafx.scene.control.TextArea();
    private final javafx.scene.control.Button direct = new javafx.scene.control.Button("Turn into cues");
    private final VBox directionBox;
    private final Label liveHeading = new Label();
    private final GridPane live = new GridPane();
    private final Label mouth = liveValue();
    private final Label head = liveValue();
    private final Label eyes = liveValue();
    private final Label face = liveValue();
    private final Label hands = liveValue();
    private int row;

    public InspectorView(StudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inspector");
        setMinWidth(220);
        setPrefWidth(290);
        heading.getStyleClass().add("inspector-heading");
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        swatch.getStyleClass().add("inspector-swatch");
        swatch.setMinSize(6, 22);
        swatch.setMaxSize(6, 22);
        HBox titleRow = new HBox(10, swatch, title);
        titleRow.setFillHeight(false);
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.LEFT);
        keys.setMinWidth(86);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, values);
        grid.setHgap(10);
        grid.setVgap(7);
        grid.getStyleClass().add("inspector-grid");
        notes.getStyleClass().add("inspector-notes");
        notes.setWrapText(true);
        liveHeading.getStyleClass().add("inspector-heading");
        live.getColumnConstraints().addAll(keys, values);
        live.setHgap(10);
        live.setVgap(7);
        live.getStyleClass().add("inspector-grid");
        int r = 0;
        for (var kv : new Object[][] {{"Mouth", mouth}, {"Head", head}, {"Eyes", eyes}, {"Face", face},
                {"Hands", hands}}) {
            Label k = new Label((String) kv[0]);
            k.getStyleClass().add("inspector-key");
            live.addRow(r++, k, (Label) kv[1]);
        }
        direction.setPromptText("Direction note: \"nervous, avoids eye contact, then relaxes and smiles at the end\"");
        direction.setWrapText(true);
        direction.setPrefRowCount(3);
        direction.setId("direction-note");
        // Only a click puts the caret here: Space, J/K/L and the arrows keep driving playback otherwise.
        direction.setFocusTraversable(false);
        direct.setFocusTraversable(false);
        direct.setId("direct");
        direct.setOnAction(a -> {
            if (vm.applyDirectionNote(direction.getText()) != null) direction.clear();
        });
        direct.disableProperty().bind(direction.textProperty().isEmpty());
        Label directionLabel = new Label("DIRECTION NOTE");
        directionLabel.getStyleClass().add("inspector-heading");
        directionBox = new VBox(6, directionLabel, direction, direct);
        Region rule = new Region();
        rule.getStyleClass().add("inspector-rule");
        VBox body = new VBox(14, titleRow, grid, directionBox, notes, rule, liveHeading, live);
        body.setPadding(new Insets(4, 16, 16, 16));
        ScrollPane scroller = new ScrollPane(body);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroller, Priority.ALWAYS);
        // Writing a note brings its button into view (a short window shows the inspector's top only).
        direction.focusedProperty().addListener((o, was, now) -> {
            if (now) javafx.application.Platform.runLater(() -> reveal(scroller, body, direct));
        });
        VBox.setMargin(heading, new Insets(12, 16, 6, 16));
        getChildren().addAll(heading, scroller);

        vm.selectedCueProperty().addListener(o -> update());
        vm.shotProperty().addListener(o -> update());
        vm.audioProperty().addListener(o -> update());
        vm.playheadProperty().addListener(o -> updateLive());
        vm.performanceProperty().addListener(o -> updateLive());
        update();
        updateLive();
    }

    private static Label liveValue() {
        Label l = new Label();
        l.getStyleClass().addAll("inspector-value", "inspector-live");
        l.setWrapText(true);
        return l;
    }

    /** What the planner makes the character do on the playhead's frame: the performance the preview draws. */
    private void updateLive() {
        Performance p = vm.performanceProperty().get();
        int f = vm.playheadProperty().get();
        boolean has = p != null && f < p.frameCount();
        live.setVisible(has);
        live.setManaged(has);
        liveHeading.setText(has ? "AT THE PLAYHEAD · FRAME " + f : "AT THE PLAYHEAD");
        if (!has) return;
        PerformanceFrame pf = p.frames().get(f);
        mouth.setText(pf.mouthShape().name() + "   jaw " + pct(pf.get(ArkitBlendshape.jawOpen)));
        head.setText(String.format(Locale.ROOT, "yaw %+.0f°  pitch %+.0f°  roll %+.0f°", pf.get(Channel.HEAD_YAW),
                pf.get(Channel.HEAD_PITCH), pf.get(Channel.HEAD_ROLL)));
        eyes.setText(String.format(Locale.ROOT, "yaw %+.0f°  pitch %+.0f°  blink %s", pf.get(Channel.EYE_YAW),
                pf.get(Channel.EYE_PITCH), pct((pf.get(ArkitBlendshape.eyeBlinkLeft)
                        + pf.get(ArkitBlendshape.eyeBlinkRight)) / 2)));
        face.setText("smile " + pct((pf.get(ArkitBlendshape.mouthSmileLeft) + pf.get(ArkitBlendshape.mouthSmileRight)) / 2)
                + "  brows up " + pct(pf.get(ArkitBlendshape.browInnerUp)));
        // Sides as the viewer sees them, like the sheet's layer names.
        hands.setText("L " + lower(pf.leftHand().name()) + "  R " + lower(pf.rightHand().name()));
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private void update() {
        grid.getChildren().clear();
        row = 0;
        Cue cue = vm.selectedCueProperty().get();
        Shot shot = vm.shotProperty().get();
        if (cue != null && shot != null) showCue(cue, shot.frameRate());
        else showShot(shot);
    }

    private void showCue(Cue cue, FrameRate rate) {
        directionBox.setVisible(false);
        directionBox.setManaged(false);
        CueLane lane = CueLane.of(cue);
        heading.setText(lane.label().toUpperCase(Locale.ROOT) + " CUE");
        title.setText(cue.label());
        swatch.setVisible(true);
        swatch.setStyle("-fx-background-color: " + web(TimelineView.laneColor(lane)) + ";");
        add("Id", cue.id());
        long start = cue.range().start();
        long end = cue.range().endExclusive();
        add("Start", Timecode.of(rate.ticksToFrame(start), rate) + "   " + Timecode.seconds(start));
        add("End", Timecode.of(rate.ticksToFrame(Math.max(start, end - 1)), rate) + "   " + Timecode.seconds(end));
        add("Length", Timecode.seconds(cue.range().duration()) + "   (" + frames(cue.range().duration(), rate) + ")");
        switch (cue) {
            case EmotionCue e -> {
                add("Emotion", e.emotion().label());
                add("Intensity", percent(e.intensity()));
                add("Ease in", Timecode.seconds(e.easeIn()));
                add("Ease out", Timecode.seconds(e.easeOut()));
            }
            case GestureCue g -> {
                add("Gesture", GestureCue.labelOf(g.gesture()));
                add("Stroke", g.snap() ? "on the nearest stressed syllable" : "as placed");
                add("Hand", g.side().name().charAt(0) + g.side().name().substring(1).toLowerCase(Locale.ROOT));
                add("Intensity", percent(g.intensity()));
            }
            case GazeCue g -> {
                add("Target", g.target().label());
                add("Eyes", String.format(Locale.ROOT, "yaw %+.0f°, pitch %+.0f°", g.target().yawDegrees(),
                        g.target().pitchDegrees()));
            }
            case TimingCue t -> {
                add("Kind", t.label());
                add("Strength", percent(t.strength()));
            }
            case org.cuestudio.core.model.MouthShapeCue m -> add("Mouth", m.shape() + ": "
                    + org.cuestudio.core.model.MouthShapeCue.describe(m.shape()) + " (over the lip-sync track)");
        }
        notes.setText("Drag the block to move it. Delete removes it; Ctrl+Z undoes.");
    }

    private void showShot(@Nullable Shot shot) {
        heading.setText("SHOT");
        swatch.setVisible(false);
        directionBox.setVisible(shot != null);
        directionBox.setManaged(shot != null);
        if (shot == null) {
            title.setText("No shot");
            notes.setText("");
            return;
        }
        title.setText(shot.name().isBlank() ? shot.id() : shot.name());
        add("Id", shot.id());
        add("Character", vm.projectProperty().get() == null ? shot.characterId()
                : vm.projectProperty().get().character(shot.characterId()).map(c -> c.name()).orElse(shot.characterId()));
        add("Frame rate", shot.frameRate().denominator() == 1 ? shot.frameRate().numerator() + " fps"
                : String.format(Locale.ROOT, "%.3f fps", shot.frameRate().fps()));
        add("Resolution", shot.resolution().toString());
        long d = vm.durationTicks();
        add("Length", Timecode.seconds(d) + "   (" + frames(d, shot.frameRate()) + ")");
        add("Audio", shot.audio());
        add("Cues", shot.allCues().size() + " (" + shot.tracks().stream()
                .map(t -> t.cues().size() + " " + t.lane().label().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        String dialogue = shot.metadata().getOrDefault("dialogue", "");
        notes.setText((dialogue.isBlank() ? "" : "“" + dialogue + "”\n\n")
                + "Click a cue to inspect it. Double-click an empty lane to add one; right-click for more.");
    }

    private void add(String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("inspector-key");
        Label v = new Label(value);
        v.getStyleClass().add("inspector-value");
        v.setWrapText(true);
        grid.addRow(row++, k, v);
    }

    private static String percent(double v) {
        return Math.round(v * 100) + " %";
    }

    private static String frames(long ticks, FrameRate rate) {
        long n = rate.framesCovering(ticks);
        return n + (n == 1 ? " frame" : " frames");
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** Scrolls {@code scroller} (whose content is {@code body}) just enough to show all of {@code node}. */
    private static void reveal(ScrollPane scroller, Region body, javafx.scene.Node node) {
        double content = body.getHeight(), view = scroller.getViewportBounds().getHeight();
        if (content <= view) return;
        javafx.geometry.Bounds b = body.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroller.getVvalue() * (content - view);
        double want = top;
        if (b.getMaxY() + 8 > top + view) want = b.getMaxY() + 8 - view;
        if (b.getMinY() < want) want = b.getMinY();
        scroller.setVvalue(Math.max(0, Math.min(1, want / (content - view))));
    }
}
