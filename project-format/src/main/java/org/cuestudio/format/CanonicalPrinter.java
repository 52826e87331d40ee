package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The one layout project files are written in, so that an unchanged project always gives the same bytes: two-space
 * indentation, {@code ": "} after names, {@code []} and {@code {}} when empty, and objects the writer marks inline
 * (cues) on a single line with {@code ", "} between fields. One cue per line keeps a 2,000,000-cue file near a
 * third smaller than full indentation and makes version-control diffs show one line per changed cue.
 */
final class CanonicalPrinter implements PrettyPrinter {
    private static final int MAX_INDENT = 64;
    private static final String[] INDENTS = new String[MAX_INDENT + 1];

    static {
        for (int i = 0; i <= MAX_INDENT; i++) INDENTS[i] = "\n" + "  ".repeat(i);
    }

    private int depth;
    private int inlineFrom = -1;
    private boolean inlineNext;

    /** A printer for a whole document. */
    CanonicalPrinter() {
        this(0);
    }

    /** A printer for a value that will sit {@code depth} levels deep in a document (a shot written apart). */
    CanonicalPrinter(int depth) {
        this.depth = depth;
    }

    /** Writes the next object on one line (and everything inside it). */
    void inlineNext() {
        inlineNext = true;
    }

    private boolean inline() {
        return inlineFrom >= 0;
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw(INDENTS[Math.min(depth, MAX_INDENT)]);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        if (inlineNext && !inline()) inlineFrom = depth;
        inlineNext = false;
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        if (!inline()) newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        if (inline()) g.writeRaw(", ");
        else {
            g.writeRaw(',');
            newline(g);
        }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (!inline() && entries > 0) newline(g);
        g.writeRaw('}');
        if (inlineFrom == depth) inlineFrom = -1;
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        inlineNext = false;
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (!inline()) newline(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        if (inline()) g.writeRaw(", ");
        else {
            g.writeRaw(',');
            newline(g);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (!inline() && values > 0) newline(g);
        g.writeRaw(']');
    }
}
