package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small JSON data file Cue Studio ships in {@code assets} (the gesture library, the emotion presets), read as a
 * tree; problems found while binding it are collected by JSON pointer and reported with their line and column.
 */
final class AssetFile {
    /** Largest asset file read, bytes. */
    static final long MAX_BYTES = 4L << 20;

    final Path file;
    final byte[] bytes;
    final JsonNode root;
    private final List<Object[]> problems = new ArrayList<>();

    private AssetFile(Path file, byte[] bytes, JsonNode root) {
        this.file = file;
        this.bytes = bytes;
        this.root = root;
    }

    /** Reads the file as JSON; {@code what} names it in messages ("the gesture library"). */
    static AssetFile read(Path file, String what, String where) throws ProjectFormatException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ProjectFormatException(file, what + " is larger than 4 MB", "check that this is " + what);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read " + what + ": " + e.getMessage(),
                    "check that the file exists and can be read (" + where + " in the installation)");
        }
        try {
            JsonNode root = ProjectReader.TREES.readTree(bytes);
            return new AssetFile(file, bytes, root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : root);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ProjectFormatException(List.of(new Problem(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid JSON: " + e.getOriginalMessage(),
                    "fix the JSON syntax at that place")));
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read " + what + ": " + e.getMessage());
        }
    }

    /**
     * Checks the root is an object of {@code type} holding an array {@code field}; the array, or null (a problem is
     * then recorded).
     */
    JsonNode array(String type, String field, String example) {
        if (!root.isObject()) {
            problem("", "the file must hold a JSON object", "start it with {\"type\": \"" + type + "\"");
        } else if (!type.equals(root.path("type").asText(null))) {
            problem("/type", "\"type\" must be \"" + type + "\"", "write \"type\": \"" + type + "\"");
        } else if (!root.path(field).isArray()) {
            problem("/" + field, "\"" + field + "\" must be an array", "write \"" + field + "\": [" + example + "]");
        } else {
            return root.get(field);
        }
        return null;
    }

    void problem(String pointer, String message, String hint) {
        problems.add(new Object[] {pointer, message, hint});
    }

    int problemCount() {
        return problems.size();
    }

    /** Throws every problem recorded, located in the file; returns when there is none. */
    void throwProblems() throws ProjectFormatException {
        if (problems.isEmpty()) return;
        List<JsonPointer> ptrs = problems.stream().map(p -> JsonPointer.compile((String) p[0])).toList();
        Map<JsonPointer, Locator.Position> at = Locator.locate(bytes, ptrs);
        List<Problem> ps = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Locator.Position pos = at.get(ptrs.get(i));
            ps.add(new Problem(file, pos.line(), pos.column(), (String) problems.get(i)[1], (String) problems.get(i)[2]));
        }
        throw new ProjectFormatException(ps);
    }
}
