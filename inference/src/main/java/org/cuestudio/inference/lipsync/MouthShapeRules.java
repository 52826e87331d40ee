package org.cuestudio.inference.lipsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phone timeline to mouth-shape timeline: the ground-truth convention the model is trained on. It follows Rhubarb
 * Lip Sync's documented shape rules (phone to allowed-shape table, effort ordering, relaxed shapes, vowel
 * anticipation, the pause rule), except that stops get their closure shape during their own interval (p/b/m are
 * A while the lips are shut) and there is no animation styling (tweens, minimum durations). Times are integer
 * centiseconds; gaps between phones are silence.
 */
public final class MouthShapeRules {
    private MouthShapeRules() {}

    /** A phone with Rhubarb's ARPAbet name ("Schwa" for ax), [start, end) in centiseconds. */
    public record Phone(int start, int end, String name) {}

    /** A shape held over [start, end) centiseconds; {@code shape} is one of "ABCDEFGHX". */
    public record Segment(int start, int end, char shape) {}

    static final Set<String> VOWELS = Set.of("AO", "AA", "IY", "UW", "EH", "IH", "UH", "AH", "Schwa", "AE", "EY",
            "AY", "OW", "AW", "OY", "ER");
    private static final String ALL = "ABCDEFGHX";
    private static final String BASIC_OF = "ABCDEFACA";
    private static final String RELAX_OF = "ABBCCBXBX";
    private static final Map<Character, String> EFFORT = Map.of('A', "AXGBCHEDF", 'B', "BGAXCHEDF", 'C', "CHBGDAXEF",
            'D', "DCHBGAXEF", 'E', "ECHBGAXDF", 'F', "FBGAXCHED", 'G', "GABCHXEDF", 'H', "HCBGDAXEF", 'X',
            "XAGBCHEDF");

    private static char basic(char s) {
        return BASIC_OF.charAt(ALL.indexOf(s));
    }

    private static char relax(char s) {
        return RELAX_OF.charAt(ALL.indexOf(s));
    }

    private static char closest(char ref, String options) {
        for (char s : EFFORT.get(ref).toCharArray()) if (options.indexOf(s) >= 0) return s;
        throw new IllegalArgumentException("empty shape set");
    }

    record Rule(int start, int end, String options, @org.jspecify.annotations.Nullable String phone) {}

    /** The allowed shapes over one phone of {@code dur} centiseconds, as (relStart, relEnd, options) triples. */
    static List<Rule> shapeSets(String p, int dur) {
        return switch (p) {
            case "AO" -> single("E", dur, p);
            case "AA" -> single("D", dur, p);
            case "IY", "IH" -> single("B", dur, p);
            case "UW", "UH", "W" -> single("F", dur, p);
            case "EH", "AE" -> single("C", dur, p);
            case "AH" -> single(dur < 20 ? "C" : "D", dur, p);
            case "Schwa" -> single("BC", dur, p);
            case "EY" -> diph("C", "B", dur, p);
            case "AY" -> dur < 20 ? diph("C", "B", dur, p) : diph("D", "B", dur, p);
            case "OW" -> diph("E", "F", dur, p);
            case "AW" -> dur < 30 ? diph("C", "E", dur, p) : diph("D", "E", dur, p);
            case "OY" -> diph("E", "B", dur, p);
            case "ER" -> single(dur < 7 ? "BC" : "E", dur, p);
            case "P", "B", "M" -> single("A", dur, p);
            case "T", "D", "CH", "JH", "TH", "DH", "S", "Z", "SH", "ZH" -> single("BF", dur, p);
            case "K", "G" -> single("BCEFH", dur, p);
            case "F", "V" -> single("G", dur, p);
            case "HH" -> single(ALL, dur, p);
            case "N" -> single("BCFH", dur, p);
            case "NG" -> single("BCEF", dur, p);
            case "L" -> single(dur < 20 ? "BEFH" : "H", dur, p);
            case "R" -> single("BEF", dur, p);
            case "Y" -> single("BCF", dur, p);
            default -> throw new IllegalArgumentException("unknown phone " + p);
        };
    }

    private static List<Rule> single(String s, int dur, String p) {
        return List.of(new Rule(0, dur, s, p));
    }

    private static List<Rule> diph(String a, String b, int dur, String p) {
        int k = (int) (dur * 0.6);
        return List.of(new Rule(0, k, a, p), new Rule(k, dur, b, p));
    }

    /** Shapes covering [0, total) centiseconds for phones sorted by start and not overlapping. */
    public static List<Segment> animate(List<Phone> phones, int total) {
        List<Rule> rules = new ArrayList<>();
        int t = 0;
        for (Phone ph : phones) {
            if (ph.end() <= ph.start()) continue;
            if (ph.start() > t) rules.add(new Rule(t, ph.start(), "X", null));
            int s = Math.max(ph.start(), t);
            for (Rule r : shapeSets(ph.name(), ph.end() - s)) {
                if (r.end() > r.start()) rules.add(new Rule(s + r.start(), s + r.end(), r.options(), r.phone()));
            }
            t = ph.end();
        }
        if (total > t) rules.add(new Rule(t, total, "X", null));

        char[] shapes = new char[rules.size()];
        char ref = 'X';
        Integer lastAnticipatedStart = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            char shape = closest(ref, r.options());
            shapes[i] = shape;
            boolean anticipate = r.phone() != null && VOWELS.contains(r.phone()) && r.options().length() == 1;
            if (anticipate) {
                char rr = shape;
                for (int j = i - 1; j >= 0; j--) {
                    int js = rules.get(j).start();
                    if ((lastAnticipatedStart != null && js == lastAnticipatedStart) || r.start() - js > 20) break;
                    char a = closest(rr, rules.get(j).options());
                    shapes[j] = a;
                    if (basic(a) != basic(shape)) break;
                    rr = a;
                }
                lastAnticipatedStart = r.start();
                ref = shape;
            } else {
                ref = relax(shape);
            }
        }
        List<Segment> anim = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) anim.add(new Segment(rules.get(i).start(), rules.get(i).end(), shapes[i]));
        anim = join(anim);
        List<Segment> res = new ArrayList<>(anim);
        for (int k = 1; k < anim.size() - 1; k++) {
            Segment g = anim.get(k);
            if (g.shape() != 'X') continue;
            char prev = anim.get(k - 1).shape();
            char next = anim.get(k + 1).shape();
            int d = g.end() - g.start();
            char v;
            if (d < 12) {
                v = prev;
            } else if (d <= 35) {
                char cur = prev;
                v = 'X';
                while (true) {
                    char nr = relax(cur);
                    if (nr != next) {
                        v = nr;
                        break;
                    }
                    if (nr == cur) break;
                    cur = nr;
                }
            } else {
                v = 'X';
            }
            res.set(k, new Segment(g.start(), g.end(), v));
        }
        return join(res);
    }

    private static List<Segment> join(List<Segment> segs) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segs) {
            if (s.end() <= s.start()) continue;
            if (!out.isEmpty() && out.getLast().shape() == s.shape() && out.getLast().end() == s.start()) {
                out.set(out.size() - 1, new Segment(out.getLast().start(), s.end(), s.shape()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Frame labels (index into "ABCDEFGHX") at 100 fps, sampled like the benchmark: each frame is one centisecond. */
    public static int[] frameLabels(List<Segment> segs, int frames) {
        int[] out = new int[frames];
        java.util.Arrays.fill(out, 8);
        for (Segment s : segs) {
            for (int f = Math.max(0, s.start()); f < Math.min(frames, s.end()); f++) out[f] = ALL.indexOf(s.shape());
        }
        return out;
    }
}
