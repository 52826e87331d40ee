package org.cuestudio.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cuestudio.format.NewProject;
import org.jspecify.annotations.Nullable;

/**
 * New project in three steps: choose the dialogue recording, choose the character (a bundled one, or a sheet folder),
 * and press Create (the project folder is suggested beside the recording, named after it, and can be changed).
 */
final class NewProjectDialog extends Dialog<NewProject.Request> {
    /** A character sheet on offer: its name and folder. */
    record SheetChoice(String name, Path folder) {
        @Override
        public String toString() {
            return name;
        }
    }

    final TextField audio = new TextField();
    final ComboBox<SheetChoice> character = new ComboBox<>();
    final TextField folder = new TextField();
    private final Label problem = new Label();

    NewProjectDialog(@Nullable Window owner, List<SheetChoice> bundled) {
        setTitle("New Project");
        setHeaderText("A new project from a dialogue recording and a character");
        if (owner != null) initOwner(owner);
        audio.setId("new-audio");
        audio.setPromptText("the dialogue recording: WAV, MP3, M4A, FLAC or OGG");
        character.setId("new-character");
        character.getItems().setAll(bundled);
        if (!bundled.isEmpty()) character.setValue(bundled.getFirst());
        character.setMaxWidth(Double.MAX_VALUE);
        folder.setId("new-folder");
        folder.setPromptText("where the project folder goes");
        problem.getStyleClass().add("dialog-problem");
        problem.setWrapText(true);

        Button pickAudio = new Button("Choose…");
        pickAudio.setOnAction(e -> chooseAudio());
        Button pickSheet = new Button("Other sheet…");
        pickSheet.setOnAction(e -> chooseSheet());
        Button pickFolder = new Button("Choose…");
        pickFolder.setOnAction(e -> chooseFolder());
        audio.textProperty().addListener((o, was, now) -> suggestFolder(was, now));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(16, 20, 8, 20));
        row(grid, 0, "1. Recording", audio, pickAudio);
        row(grid, 1, "2. Character", character, pickSheet);
        row(grid, 2, "Project folder", folder, pickFolder);
        grid.add(problem, 0, 3, 3, 1);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(640);

        ButtonType create = new ButtonType("3. Create", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(create);
        ok.setId("new-create");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> request().isEmpty(), audio.textProperty(),
                character.valueProperty(), folder.textProperty()));
        problem.textProperty().bind(Bindings.createStringBinding(this::problemText, audio.textProperty(),
                character.valueProperty(), folder.textProperty()));
        setResultConverter(b -> b == create ? request().orElse(null) : null);
    }

    private static void row(GridPane g, int r, String label, Node field, Node button) {
        g.add(new Label(label), 0, r);
        g.add(field, 1, r);
        g.add(button, 2, r);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    /** The request the fields describe, when they are complete and sound. */
    Optional<NewProject.Request> request() {
        if (!problemText().isEmpty()) return Optional.empty();
        return Optional.of(new NewProject.Request(Path.of(folder.getText().strip()), Path.of(audio.getText().strip()),
                character.getValue().folder()));
    }

    /** What is missing or wrong, in words; empty when the project can be made. */
    String problemText() {
        String a = audio.getText() == null ? "" : audio.getText().strip();
        String f = folder.getText() == null ? "" : folder.getText().strip();
        try {
            if (a.isEmpty()) return "Choose the recording the character speaks.";
            if (!Files.isRegularFile(Path.of(a))) return "There is no file " + a + ".";
            if (character.getValue() == null) return "Choose a character.";
            if (f.isEmpty()) return "Choose where the project folder goes.";
            Path p = Path.of(f);
            if (Files.isRegularFile(p)) return f + " is a file; the project needs a folder.";
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    if (s.findAny().isPresent()) return f + " already holds files; choose a new folder.";
                }
            }
        } catch (java.nio.file.InvalidPathException | IOException e) {
            return "Not a usable path: " + e.getMessage();
        }
        return "";
    }

    /** The project folder is suggested beside the recording, named after it, until the user types their own. */
    private void suggestFolder(@Nullable String was, @Nullable String now) {
        String suggestedBefore = was == null ? "" : suggestion(was);
        String current = folder.getText() == null ? "" : folder.getText();
        if (now != null && (current.isBlank() || current.equals(suggestedBefore))) folder.setText(suggestion(now));
    }

    static String suggestion(String audioPath) {
        try {
            Path a = Path.of(audioPath.strip());
            if (a.getFileName() == null) return "";
            String n = a.getFileName().toString();
            int dot = n.lastIndexOf('.');
            Path parent = a.toAbsolutePath().getParent();
            return parent == null ? "" : parent.resolve((dot > 0 ? n.substring(0, dot) : n) + " project").toString();
        } catch (java.nio.file.InvalidPathException e) {
            return "";
        }
    }

    private void chooseAudio() {
        FileChooser c = new FileChooser();
        c.setTitle("Choose the dialogue recording");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio", "*.wav", "*.mp3", "*.m4a", "*.aac",
                "*.flac", "*.ogg"));
        File f = c.showOpenDialog(getOwner());
        if (f != null) audio.setText(f.getPath());
    }

    private void chooseSheet() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Choose a character sheet folder (with character.json)");
        File f = c.showDialog(getOwner());
        if (f == null) return;
        Path p = f.toPath();
        SheetChoice choice = new SheetChoice(p.getFileName() + " (" + p + ")", p);
        character.getItems().add(choice);
        character.setValue(choice);
    }

    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Choose where the project folder goes");
        File f = c.showDialog(getOwner());
        if (f != null) folder.setText(f.toPath().resolve("New project").toString());
    }

    /** The character sheets that ship with Cue Studio (the sample project's characters), by name. */
    static List<SheetChoice> bundledSheets() {
        List<SheetChoice> out = new ArrayList<>();
        try {
            Path dir = org.cuestudio.core.assets.AssetFiles.find("assets/samples/hello/characters");
            try (var s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isRegularFile(p.resolve("character.json"))) {
                        String n = p.getFileName().toString();
                        out.add(new SheetChoice(n.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + n.substring(1)
                                + " (bundled)", p));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no bundled characters (a trimmed installation): the user chooses a sheet folder
        }
        return out;
    }
}
