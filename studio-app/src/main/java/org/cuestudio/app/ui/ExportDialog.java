package org.cuestudio.app.ui;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cuestudio.app.ui.ExportViewModel.Kind;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Take;
import org.jspecify.annotations.Nullable;

/** File > Export: what to export, at which quality, over which take (timelines), and where. */
final class ExportDialog extends Dialog<ExportViewModel.Request> {
    final ComboBox<Kind> kind = new ComboBox<>();
    final ComboBox<Quality> quality = new ComboBox<>();
    final ComboBox<Take> take = new ComboBox<>();
    final TextField output = new TextField();
    private final Label problem = new Label();
    private final ExportViewModel vm;
    private String suggested = "";

    ExportDialog(@Nullable Window owner, ExportViewModel vm) {
        this.vm = vm;
        setTitle("Export");
        setHeaderText("Export the shot for editors, compositors and 3D tools");
        if (owner != null) initOwner(owner);
        kind.setId("export-kind");
        kind.getItems().setAll(Kind.values());
        kind.setValue(Kind.MP4);
        kind.setMaxWidth(Double.MAX_VALUE);
        quality.setId("export-quality");
        quality.getItems().setAll(Quality.FINAL, Quality.PREVIEW);
        quality.setValue(Quality.FINAL);
        take.setId("export-take");
        take.getItems().setAll(vm.takesWithFiles());
        if (!take.getItems().isEmpty()) take.setValue(take.getItems().getLast());
        take.setCellFactory(l -> new TakeCell());
        take.setButtonCell(new TakeCell());
        take.setMaxWidth(Double.MAX_VALUE);
        output.setId("export-output");
        problem.getStyleClass().add("dialog-problem");
        problem.setWrapText(true);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> choose());

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(10);
        g.setPadding(new Insets(16, 20, 8, 20));
        g.addRow(0, new Label("Export"), kind);
        g.addRow(1, new Label("Quality"), quality);
        g.addRow(2, new Label("Take"), take);
        g.addRow(3, new Label("To"), output, choose);
        g.add(problem, 0, 4, 3, 1);
        GridPane.setHgrow(output, Priority.ALWAYS);
        getDialogPane().setContent(g);
        getDialogPane().setPrefWidth(680);
        quality.disableProperty().bind(Bindings.createBooleanBinding(() -> kind.getValue().video == null, kind.valueProperty()));
        take.disableProperty().bind(Bindings.createBooleanBinding(() -> !kind.getValue().needsTake(), kind.valueProperty()));
        kind.valueProperty().addListener(o -> suggest());
        take.valueProperty().addListener(o -> suggest());
        suggest();

        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(export);
        ok.setId("export-ok");
        problem.textProperty().bind(Bindings.createStringBinding(this::problemText, kind.valueProperty(),
                take.valueProperty(), output.textProperty()));
        ok.disableProperty().bind(problem.textProperty().isNotEmpty());
        setResultConverter(b -> b == export ? request().orElse(null) : null);
    }

    /** Follows the kind (and take) with the suggested output until the user types their own. */
    private void suggest() {
        String now = vm.suggestedOutput(kind.getValue(), take.getValue() == null ? null : take.getValue().id())
                .toAbsolutePath().toString();
        if (output.getText() == null || output.getText().isBlank() || output.getText().equals(suggested)) {
            output.setText(now);
        }
        suggested = now;
    }

    Optional<ExportViewModel.Request> request() {
        try {
            Path out = Path.of(output.getText() == null ? "" : output.getText().strip());
            return Optional.of(new ExportViewModel.Request(kind.getValue(), quality.getValue(), out,
                    take.getValue() == null ? null : take.getValue().id()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private String problemText() {
        return request().map(vm::problem).orElse("Not a usable path.");
    }

    private void choose() {
        Kind k = kind.getValue();
        File f;
        if (k == Kind.PNG_SEQUENCE) {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Choose the folder for the PNG sequence");
            f = c.showDialog(getOwner());
        } else {
            FileChooser c = new FileChooser();
            c.setTitle("Export to");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(k.label, "*." + k.extension));
            f = c.showSaveDialog(getOwner());
        }
        if (f != null) output.setText(f.getPath());
    }

    private static final class TakeCell extends ListCell<Take> {
        @Override
        protected void updateItem(@Nullable Take t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.name() + " — seed " + t.seed() + ", " + t.output());
        }
    }
}
