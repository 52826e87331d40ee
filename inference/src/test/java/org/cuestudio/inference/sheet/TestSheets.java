package org.cuestudio.inference.sheet;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The test sheets under src/test/resources/sheets, and copies of them with changes for failure tests. */
public final class TestSheets {
    private TestSheets() {
    }

    /** The folder of "blocky", the small test sheet with every layer name of docs/character-sheets.md. */
    public static Path blocky() {
        try {
            return Path.of(TestSheets.class.getResource("/sheets/blocky/character.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of blocky in {@code dir} whose SVG text is changed by {@code edit}. */
    public static Path blockyWithSvg(Path dir, UnaryOperator<String> edit) throws IOException {
        Path copy = copyOfBlocky(dir);
        Path svg = copy.resolve("character.svg");
        Files.writeString(svg, edit.apply(Files.readString(svg)));
        return copy;
    }

    /** A copy of blocky in {@code dir} whose character.json is replaced. */
    public static Path blockyWithJson(Path dir, String json) throws IOException {
        Path copy = copyOfBlocky(dir);
        Files.writeString(copy.resolve("character.json"), json);
        return copy;
    }

    /** A copy of blocky in {@code dir}. */
    public static Path copyOfBlocky(Path dir) throws IOException {
        Path copy = dir.resolve("blocky");
        Files.createDirectories(copy);
        for (String f : new String[] {"character.json", "character.svg"}) {
            Files.copy(blocky().resolve(f), copy.resolve(f));
        }
        return copy;
    }
}
