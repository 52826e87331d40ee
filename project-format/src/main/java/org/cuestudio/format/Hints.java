package org.cuestudio.format;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small helpers for fix hints: the known name closest to a misspelt one, and tick arithmetic for examples. */
final class Hints {
    private Hints() {}

    /**
     * The option a person most likely meant by {@code typed}: equal ignoring case and '-'/'_', or at most two
     * edits away (one for short names); null when nothing is that close.
     */
    static @Nullable String closest(String typed, Collection<String> options) {
        String t = fold(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String o : options) {
            if (fold(o).equals(t)) return o;
            int d = distance(t, fold(o), 3);
            if (d < bestDistance) {
                bestDistance = d;
                best = o;
            }
        }
        int allowed = typed.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one edit
     * (optimal string alignment), or {@code limit} when it is at least that.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit || a.length() > 64 || b.length() > 64) return limit;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return Math.min(d[a.length()][b.length()], limit);
    }

    /**
     * Whether an unknown type name is surely a misspelling of a known one (same letters ignoring case, or one
     * edit away in a long name), rather than a type a newer release added: only then is it an error, not kept.
     */
    static @Nullable String misspeltType(String name, Collection<String> known) {
        for (String k : known) {
            if (k.equalsIgnoreCase(name)) return k;
            if (name.length() >= 6 && distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT), 2) <= 1) {
                return k;
            }
        }
        return null;
    }

    /** "did you mean X? " when there is a close option, else empty. */
    static String didYouMean(String typed, Collection<String> options) {
        String c = closest(typed, options);
        return c == null ? "" : "did you mean \"" + c + "\"? ";
    }
}
