package org.cuestudio.format;

import org.jspecify.annotations.Nullable;

/**
 * A type tag, {@code "Name.version"}, as every object of a project file carries in its {@code "type"} field: the
 * name says what the object is, the version which shape of it the file holds.
 */
record TypeTag(String name, int version) {
    /** The tag's text, or null when it is not a well-formed tag (a name of letters and digits, a dot, a version). */
    static @Nullable TypeTag parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.length() - dot > 10 || dot > 64) return null;
        if (!isAsciiLetter(text.charAt(0))) return null;
        for (int i = 1; i < dot; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && (c < '0' || c > '9')) return null;
        }
        int version = 0;
        for (int i = dot + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return null;
            version = version * 10 + (c - '0');
        }
        return new TypeTag(text.substring(0, dot), version);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    @Override
    public String toString() {
        return name + "." + version;
    }
}
