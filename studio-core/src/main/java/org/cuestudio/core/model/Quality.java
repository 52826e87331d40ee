package org.cuestudio.core.model;

import java.util.Locale;

/** Render quality tier: quick previews while editing, anti-aliased full-size finals. */
public enum Quality {
    PREVIEW, FINAL;

    public static Quality parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown quality '" + s + "' (use preview or final)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
