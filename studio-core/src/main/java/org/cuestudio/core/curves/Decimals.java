package org.cuestudio.core.curves;

/**
 * Writes numbers for curve files: at most six decimals, no exponent, no trailing zeros, never {@code -0}, in
 * the same characters on every machine and locale (so exported files can be compared byte for byte).
 */
final class Decimals {
    private static final double SCALE = 1_000_000d;

    private Decimals() {}

    static StringBuilder append(StringBuilder out, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("cannot write a non-finite value: " + value);
        long scaled = Math.round(value * SCALE);
        if (scaled == 0) return out.append('0');
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 1_000_000L);
        long fraction = scaled % 1_000_000L;
        if (fraction != 0) {
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            String f = Long.toString(fraction);
            for (int i = f.length(); i < digits; i++) out.append('0');
            out.append(f);
        }
        return out;
    }

    static String format(double value) {
        return append(new StringBuilder(), value).toString();
    }
}
