package org.cuestudio.core.model;

/** Rules for entity ids: short, readable, safe in file names and URLs. */
public final class Ids {
    /** Longest id. */
    public static final int MAX_LENGTH = 64;

    private Ids() {}

    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " '" + id
                    + "' is not valid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return id;
    }

    /**
     * Whether {@code id} is 1-64 ASCII letters, digits, '_', '.' or '-', starting with a letter or digit. A loop,
     * not a regular expression: projects check millions of cue ids on open.
     */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
        }
        return true;
    }
}
