package org.cuestudio.core.model;

import java.util.regex.Pattern;

/** Rules for entity ids: short, readable, safe in file names and URLs. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Ids() {}

    public static String require(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id
                    + "' is not valid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return id;
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
