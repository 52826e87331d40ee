package org.cuestudio.inference.sheet;

import java.awt.geom.AffineTransform;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses SVG {@code transform} attributes, so that pivots can be placed in canvas coordinates. */
final class SvgTransforms {
    private static final Pattern FUNCTION = Pattern.compile("\\s*,?\\s*([a-zA-Z]+)\\s*\\(([^)]*)\\)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private SvgTransforms() {
    }

    /** The transform a {@code transform} attribute value describes; an empty value is the identity. */
    static AffineTransform parse(String value) {
        AffineTransform t = new AffineTransform();
        String s = value.trim();
        if (s.isEmpty()) return t;
        Matcher m = FUNCTION.matcher(s);
        int end = 0;
        while (m.find() && m.start() == end) {
            end = m.end();
            double[] a = numbers(m.group(2));
            switch (m.group(1)) {
                case "matrix" -> {
                    need(a, 6, 6, value);
                    t.concatenate(new AffineTransform(a[0], a[1], a[2], a[3], a[4], a[5]));
                }
                case "translate" -> {
                    need(a, 1, 2, value);
                    t.translate(a[0], a.length > 1 ? a[1] : 0);
                }
                case "scale" -> {
                    need(a, 1, 2, value);
                    t.scale(a[0], a.length > 1 ? a[1] : a[0]);
                }
                case "rotate" -> {
                    if (a.length == 3) t.rotate(Math.toRadians(a[0]), a[1], a[2]);
                    else {
                        need(a, 1, 1, value);
                        t.rotate(Math.toRadians(a[0]));
                    }
                }
                case "skewX" -> {
                    need(a, 1, 1, value);
                    t.shear(Math.tan(Math.toRadians(a[0])), 0);
                }
                case "skewY" -> {
                    need(a, 1, 1, value);
                    t.shear(0, Math.tan(Math.toRadians(a[0])));
                }
                default -> throw new IllegalArgumentException("unknown transform function '" + m.group(1) + "' in '" + value + "'");
            }
        }
        if (end != s.length() && !s.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read transform '" + value + "'");
        }
        return t;
    }

    /** The leading number of an SVG length such as "12.5px"; units are ignored (user units are assumed). */
    static double length(String value, double fallback) {
        Matcher m = NUMBER.matcher(value.trim());
        return m.lookingAt() ? Double.parseDouble(m.group()) : fallback;
    }

    private static double[] numbers(String args) {
        Matcher m = NUMBER.matcher(args);
        double[] out = new double[6];
        int n = 0;
        while (m.find()) {
            if (n == out.length) throw new IllegalArgumentException("too many numbers in transform '" + args + "'");
            out[n++] = Double.parseDouble(m.group());
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static void need(double[] a, int min, int max, String value) {
        if (a.length < min || a.length > max) throw new IllegalArgumentException("cannot read transform '" + value + "'");
    }
}
