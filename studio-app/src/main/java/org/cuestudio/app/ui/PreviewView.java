package org.cuestudio.app.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.jspecify.annotations.Nullable;

/**
 * The preview of the current frame: the latest rendered preview image scaled to fit with its aspect ratio, or,
 * while there is none, a frame of the shot's shape with the reason ("Loading renderer…", "Renderer unavailable:
 * …"). A small caption names the frame and the preview size.
 */
public final class PreviewView extends StackPane {
    private final StudioViewModel vm;
    private final ImageView imageView = new ImageView();
    private final Region placeholder = new Region();
    private final Label message = new Label();
    private final Label caption = new Label();
    private final RgbaFx frames = new RgbaFx();

    public PreviewView(StudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("preview");
        setMinSize(160, 90);
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        placeholder.getStyleClass().add("preview-placeholder");
        placeholder.setManaged(false);
        message.getStyleClass().add("preview-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setAlignment(Pos.CENTER);
        caption.getStyleClass().add("preview-caption");
        caption.setManaged(false);
        getChildren().addAll(placeholder, imageView, message, caption);

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        vm.previewImageProperty().addListener((o, was, now) -> show(now));
        vm.previewMessageProperty().addListener((o, was, now) -> updateMessage());
        vm.playheadProperty().addListener(o -> updateCaption());
        vm.shotProperty().addListener(o -> {
            updateCaption();
            requestLayout();
        });
        show(vm.previewImageProperty().get());
        updateMessage();
        updateCaption();
    }

    private void show(@Nullable RgbaImage rgba) {
        if (rgba == null) {
            imageView.setImage(null);
        } else {
            WritableImage img = frames.show(rgba);
            if (imageView.getImage() != img) imageView.setImage(img);
        }
        updateMessage();
        updateCaption();
        requestLayout();
    }

    private void updateMessage() {
        String m = vm.previewMessageProperty().get();
        boolean hasImage = imageView.getImage() != null;
        message.setText(m);
        message.setVisible(!hasImage && !m.isEmpty());
        placeholder.setVisible(!hasImage);
        message.getStyleClass().remove("problem");
        if (m.startsWith("Renderer unavailable") || m.startsWith("Preview failed") || m.startsWith("No audio")) {
            message.getStyleClass().add("problem");
        }
    }

    private void updateCaption() {
        Shot s = vm.shotProperty().get();
        if (s == null) {
            caption.setText("");
            return;
        }
        RenderSettings rs = RenderSettings.forShot(s, Quality.PREVIEW);
        int f = vm.playheadProperty().get();
        caption.setText(String.format(Locale.ROOT, "PREVIEW %s · frame %d · %s", rs.resolution(), f,
                Timecode.of(f, s.frameRate())));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        Shot s = vm.shotProperty().get();
        double aspect = s == null ? 16.0 / 9 : s.resolution().width() / (double) s.resolution().height();
        double pad = 16;
        double w = Math.max(1, getWidth() - 2 * pad);
        double h = Math.max(1, getHeight() - 2 * pad);
        double fw = Math.min(w, h * aspect);
        double fh = fw / aspect;
        imageView.setFitWidth(fw);
        imageView.setFitHeight(fh);
        super.layoutChildren();
        double x = (getWidth() - fw) / 2;
        double y = (getHeight() - fh) / 2;
        placeholder.resizeRelocate(x, y, fw, fh);
        // The caption sits inside the picture's lower left corner, like a viewer's burn-in.
        caption.autosize();
        caption.relocate(x + 10, y + fh - caption.getHeight() - 10);
    }

    @Override
    protected double computePrefWidth(double height) {
        // Fixed, so that the fitted image never feeds back into the size the window gives the preview.
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    /** The image on screen, if a frame has been shown (tests read it). */
    @Nullable WritableImage shownImage() {
        return imageView.getImage() instanceof WritableImage w ? w : null;
    }

    /** The message shown instead of a picture (tests read it). */
    String shownMessage() {
        return message.isVisible() ? message.getText() : "";
    }
}
