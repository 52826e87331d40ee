package org.cuestudio.format.cache;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many bytes of segment payloads a project's cache may keep before it evicts the least recently used: 2 GiB
 * unless the Java system property {@value #PROPERTY} says otherwise (for example
 * {@code CUE_JAVA_OPTS=-Dcue.cache.maxBytes=8G ./cue}). The setting belongs to the machine, not to the project,
 * because it is about this disk's space; a project moved to another machine follows that machine's budget.
 */
public final class CacheBudget {
    /** The budget when nothing is set: about five minutes of 1080p at 25 fps for flat character art. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    /** The system property that sets the budget, in bytes or with a binary unit: {@code 500M}, {@code 8G}. */
    public static final String PROPERTY = "cue.cache.maxBytes";

    private static final System.Logger LOG = System.getLogger(CacheBudget.class.getName());
    private static final Pattern SIZE = Pattern.compile(
            "\\s*(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|b)?\\s*", Pattern.CASE_INSENSITIVE);

    private CacheBudget() {}

    /**
     * The budget this process runs with: {@value #PROPERTY} if it is set and readable, else the default. A value
     * that cannot be read is logged and ignored: a typo must not stop the studio, and the cache is only speed.
     */
    public static long configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_MAX_BYTES;
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "segment cache: ignoring -D{0}={1} ({2}); using {3}", PROPERTY, value,
                    e.getMessage(), format(DEFAULT_MAX_BYTES));
            return DEFAULT_MAX_BYTES;
        }
    }

    /**
     * Reads a size such as {@code 2147483648}, {@code 512M}, {@code 1.5GiB} or {@code 800 kb}. Units are binary
     * (K = 1024) and case does not matter.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write bytes or a number with K, M, G "
                    + "or T, e.g. 2G");
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 40;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return bytes.longValue();
    }

    /** A size for people: {@code 512 B}, {@code 1.5 KiB}, {@code 21.3 MiB}, {@code 2.0 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
