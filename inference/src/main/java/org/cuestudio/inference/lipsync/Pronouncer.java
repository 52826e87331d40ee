package org.cuestudio.inference.lipsync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Words to ARPAbet phones (Rhubarb's names) from the bundled pronouncing dictionary ({@code cmudict.txt.gz}, derived
 * from CMUDICT 0.4 as shipped by Festival; see {@code CMUDICT-LICENSE.txt}). Loaded once, lazily (about 100k words).
 */
public final class Pronouncer {
    private static final Map<String, String> PHONES = Map.ofEntries(Map.entry("aa", "AA"), Map.entry("ae", "AE"),
            Map.entry("ah", "AH"), Map.entry("ao", "AO"), Map.entry("aw", "AW"), Map.entry("ay", "AY"),
            Map.entry("b", "B"), Map.entry("ch", "CH"), Map.entry("d", "D"), Map.entry("dh", "DH"),
            Map.entry("eh", "EH"), Map.entry("er", "ER"), Map.entry("ey", "EY"), Map.entry("f", "F"),
            Map.entry("g", "G"), Map.entry("hh", "HH"), Map.entry("ih", "IH"), Map.entry("iy", "IY"),
            Map.entry("jh", "JH"), Map.entry("k", "K"), Map.entry("l", "L"), Map.entry("m", "M"), Map.entry("n", "N"),
            Map.entry("ng", "NG"), Map.entry("ow", "OW"), Map.entry("oy", "OY"), Map.entry("p", "P"),
            Map.entry("r", "R"), Map.entry("s", "S"), Map.entry("sh", "SH"), Map.entry("t", "T"),
            Map.entry("th", "TH"), Map.entry("uh", "UH"), Map.entry("uw", "UW"), Map.entry("v", "V"),
            Map.entry("w", "W"), Map.entry("y", "Y"), Map.entry("z", "Z"), Map.entry("zh", "ZH"),
            Map.entry("ax", "Schwa"));
    private static final Map<String, List<String>> SUFFIXES = Map.of("s", List.of("Z"), "t", List.of("T"), "m",
            List.of("M"), "re", List.of("R"), "ll", List.of("L"), "ve", List.of("V"), "d", List.of("D"));
    private static volatile @Nullable Map<String, String> dict;

    private Pronouncer() {}

    private static Map<String, String> dict() {
        Map<String, String> d = dict;
        if (d != null) return d;
        synchronized (Pronouncer.class) {
            if (dict != null) return dict;
            Map<String, String> m = new HashMap<>(160_000);
            try (InputStream in = Pronouncer.class.getResourceAsStream("cmudict.txt.gz")) {
                if (in == null) throw new IOException("cmudict.txt.gz missing from the class path");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
                for (String line; (line = r.readLine()) != null; ) {
                    int sp = line.indexOf(' ');
                    if (sp > 0) m.put(line.substring(0, sp), line.substring(sp + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dict = m;
            return m;
        }
    }

    /** The words of a text, lower case, split at anything but letters, digits and apostrophes. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^a-z0-9']+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** The phones of one word, or null when the dictionary does not know it. */
    public static @Nullable List<String> phones(String word) {
        Map<String, String> d = dict();
        String p = d.get(word);
        List<String> suffix = List.of();
        if (p == null && word.contains("'")) {
            p = d.get(word.replace("'", ""));
            if (p == null) {
                int a = word.lastIndexOf('\'');
                List<String> s = SUFFIXES.get(word.substring(a + 1));
                if (s != null) {
                    p = d.get(word.substring(0, a));
                    suffix = s;
                }
            }
        }
        if (p == null) return null;
        List<String> out = new ArrayList<>();
        for (String ph : p.split(" ")) {
            String arpa = PHONES.get(ph);
            if (arpa != null) out.add(arpa);
        }
        out.addAll(suffix);
        return out;
    }
}
