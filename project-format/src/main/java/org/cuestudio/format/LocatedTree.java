package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON tree that remembers where each node starts in the file, so that errors found while binding can name
 * the line and column. Enforces the format's size limits while parsing.
 */
final class LocatedTree {
    /** Deepest nesting a project may have. */
    static final int MAX_DEPTH = 64;
    /** Longest string value (characters). */
    static final int MAX_STRING = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(40).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final Map<JsonNode, JsonLocation> where = new IdentityHashMap<>();
    private final JsonNode root;

    private LocatedTree(Path file, byte[] json) throws ProjectFormatException {
        this.file = file;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ProjectFormatException(file, "the file is empty; expected a JSON object");
            root = read(p);
            if (p.nextToken() != null) {
                throw problem(p.currentTokenLocation(), "unexpected content after the end of the project object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ProjectFormatException(java.util.List.of(new Problem(file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ProjectFormatException(file, "cannot read: " + e.getMessage());
        }
    }

    static LocatedTree parse(Path file, byte[] json) throws ProjectFormatException {
        return new LocatedTree(file, json);
    }

    JsonNode root() {
        return root;
    }

    /** A problem located at a node (or at the start of the file if the node is unknown). */
    Problem at(JsonNode node, String message) {
        JsonLocation loc = where.get(node);
        return new Problem(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), message);
    }

    private ProjectFormatException problem(JsonLocation loc, String message) {
        return new ProjectFormatException(java.util.List.of(new Problem(file, loc.getLineNr(), loc.getColumnNr(),
                message)));
    }

    private JsonNode read(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode node = switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, read(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                yield a;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw problemIo(loc, "unexpected " + p.currentToken());
        };
        where.put(node, loc);
        return node;
    }

    private IOException problemIo(JsonLocation loc, String message) {
        return new IOException(message + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
    }
}
