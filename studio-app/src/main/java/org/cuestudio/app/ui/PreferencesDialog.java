package org.cuestudio.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.cuestudio.app.settings.StudioSettings;
import org.cuestudio.app.settings.StudioSettings.Device;
import org.cuestudio.app.settings.StudioSettings.Theme;
import org.cuestudio.format.cache.CacheBudget;
import org.jspecify.annotations.Nullable;

/**
 * Preferences: the theme (applied at once), the render device and the segment cache budget (both used from the next
 * start, because the render engine and the caches read them when they start). OK writes them into the settings.
 */
final class PreferencesDialog extends Dialog<ButtonType> {
    final ComboBox<Theme> theme = new ComboBox<>();
    final ComboBox<Device> device = new ComboBox<>();
    final TextField cache = new TextField();
    private final Label problem = new Label();

    PreferencesDialog(@Nullable Window owner, StudioSettings settings, @Nullable String deviceNow) {
        setTitle("Preferences");
        setHeaderText("Cue Studio preferences");
        if (owner != null) initOwner(owner);
        theme.setId("pref-theme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(settings.theme());
        device.setId("pref-device");
        device.getItems().setAll(Device.values());
        device.setValue(settings.device());
        cache.setId("pref-cache");
        cache.setText(CacheBudget.format(settings.cacheBytes()).replace(" ", ""));
        problem.getStyleClass().add("dialog-problem");

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(16, 20, 8, 20));
        g.addRow(0, new Label("Theme"), theme, muted("applies at once"));
        g.addRow(1, new Label("Render on"), device, muted("AUTO: a GPU when PyTorch can use one, else the CPU; "
                + "from the next start" + (deviceNow == null ? "" : " (now: " + deviceNow + ")")));
        g.addRow(2, new Label("Segment cache"), cache, muted("per project, e.g. 2G or 500M; from the next start"));
        g.add(problem, 0, 3, 3, 1);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("pref-ok");
        problem.textProperty().bind(Bindings.createStringBinding(this::problemText, cache.textProperty()));
        ok.disableProperty().bind(problem.textProperty().isNotEmpty());
        setResultConverter(b -> {
            if (b == ButtonType.OK) {
                settings.setTheme(theme.getValue());
                settings.setDevice(device.getValue());
                settings.setCacheBytes(CacheBudget.parse(cache.getText()));
            }
            return b;
        });
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        l.setMaxWidth(300);
        return l;
    }

    String problemText() {
        try {
            long b = CacheBudget.parse(cache.getText() == null ? "" : cache.getText());
            return b < 64L << 20 ? "The cache budget must be at least 64M." : "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
