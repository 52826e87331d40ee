package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds where JSON pointers lead in a file, for problems found away from the parser (in an upgraded object, or by
 * the validator after binding): each pointer gets the line and column of its deepest part that exists in the
 * file, so a field an upgrade created is reported at the object it was created in.
 */
final class Locator {
    /** Line and column (from 1), or 0/0 when not even the root could be found. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final Set<String> wanted = new HashSet<>();
    private final Map<String, Position> found = new HashMap<>();

    private Locator(Collection<JsonPointer> pointers) {
        for (JsonPointer p : pointers) {
            for (JsonPointer q = p; q != null; q = q.head()) wanted.add(q.toString());
        }
    }

    /** The position of each pointer in {@code json}; a damaged file gives what could be found before the damage. */
    static Map<JsonPointer, Position> locate(byte[] json, Collection<JsonPointer> pointers) {
        Locator l = new Locator(pointers);
        if (!pointers.isEmpty()) {
            try (JsonParser p = ProjectReader.FACTORY.createParser(json)) {
                if (p.nextToken() != null) l.walk(p, "", p.currentTokenLocation());
            } catch (IOException | RuntimeException e) {
                // A damaged file: keep what was found up to the damage.
            }
        }
        Map<JsonPointer, Position> out = new HashMap<>();
        for (JsonPointer p : pointers) {
            Position at = Position.UNKNOWN;
            for (JsonPointer q = p; q != null; q = q.head()) {
                Position f = l.found.get(q.toString());
                if (f != null) {
                    at = f;
                    break;
                }
            }
            out.put(p, at);
        }
        return out;
    }

    /** Visits the value at the current token, descending only into parts some pointer leads through. */
    private void walk(JsonParser p, String pointer, JsonLocation at) throws IOException {
        found.put(pointer, new Position(at.getLineNr(), at.getColumnNr()));
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation nameAt = p.currentTokenLocation();
                String child = pointer + "/" + p.currentName().replace("~", "~0").replace("/", "~1");
                p.nextToken();
                if (wanted.contains(child)) walk(p, child, nameAt);
                else p.skipChildren();
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String child = pointer + "/" + i++;
                if (wanted.contains(child)) walk(p, child, p.currentTokenLocation());
                else p.skipChildren();
            }
        }
    }
}
