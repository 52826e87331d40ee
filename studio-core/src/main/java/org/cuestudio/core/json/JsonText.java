package org.cuestudio.core.json;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a tree of maps (in iteration order), lists, strings, booleans, {@link Number}-free {@link Raw} literals
 * and nulls as indented JSON, the same characters on every machine (studio-core has no JSON library).
 */
public final class JsonText {
    /** A JSON literal written as is (numbers formatted by the caller, so that they are exact). */
    public record Raw(String text) {}

    private JsonText() {}

    public static String write(Object root) {
        StringBuilder sb = new StringBuilder();
        value(sb, root, 0);
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, @Nullable Object v, int depth) {
        switch (v) {
            case null -> sb.append("null");
            case Raw r -> sb.append(r.text());
            case String s -> quote(sb, s);
            case Boolean b -> sb.append(b);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "\n" : ",\n");
                    indent(sb, depth + 1);
                    quote(sb, (String) e.getKey());
                    sb.append(": ");
                    value(sb, e.getValue(), depth + 1);
                    first = false;
                }
                sb.append('\n');
                indent(sb, depth);
                sb.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "\n" : ",\n");
                    indent(sb, depth + 1);
                    value(sb, l.get(i), depth + 1);
                }
                sb.append('\n');
                indent(sb, depth);
                sb.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("    ".repeat(depth));
    }

    /** A JSON string literal of {@code s}, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        sb.append('"');
    }
}
