package org.cuestudio.core.direction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cuestudio.core.direction.Vocabulary.Act;
import org.cuestudio.core.direction.Vocabulary.Avert;
import org.cuestudio.core.direction.Vocabulary.Both;
import org.cuestudio.core.direction.Vocabulary.Contact;
import org.cuestudio.core.direction.Vocabulary.Degree;
import org.cuestudio.core.direction.Vocabulary.Feel;
import org.cuestudio.core.direction.Vocabulary.Filler;
import org.cuestudio.core.direction.Vocabulary.LookVerb;
import org.cuestudio.core.direction.Vocabulary.Mark;
import org.cuestudio.core.direction.Vocabulary.Meaning;
import org.cuestudio.core.direction.Vocabulary.Negation;
import org.cuestudio.core.direction.Vocabulary.Sound;
import org.cuestudio.core.direction.Vocabulary.Think;
import org.cuestudio.core.direction.Vocabulary.Toward;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Ids;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/**
 * Reads a direction note ("nervous, avoids eye contact, then relaxes and smiles at the end") into ordinary cues
 * placed over a shot. The parser is rule-based and predictable: the same text and duration always give the same
 * cues with the same ids ({@code note-1}, {@code note-2}, ... in the order the note mentions them), and every
 * word it does not know is left out and reported. The vocabulary and rules are documented in
 * {@code docs/direction-notes.md}; in short:
 *
 * <ul>
 *   <li>"then" (also "after that", "later", "finally", ...) splits the shot into equal consecutive parts;
 *   <li>commas, semicolons and full stops separate clauses; "and" and "while" separate items within a clause;
 *   <li>a time phrase ("at the start", "at the end", "in the middle", "throughout", "at 3s", "from 2 to 5
 *       seconds", "for 2 seconds") places everything in its clause; without one, states (emotions, looks) last
 *       their whole part and actions (gestures, pauses, sounds) start at their part's start;
 *   <li>in a transcript ("Hello. (sighs) I waited."), only the parenthesised directions are read, each at its
 *       place in the dialogue.
 * </ul>
 */
public final class DirectionNotes {
    /** How long a gaze-aversion glance lasts before it switches sides. */
    static final long AVERT_GLANCE = Ticks.ofMillis(2000);
    /** Longest ease in and out of an emotion cue (shorter cues ease over a quarter of their length each). */
    static final long EASE = Ticks.ofMillis(300);
    /** Intensity of a gesture before degree words. */
    static final double GESTURE_INTENSITY = 0.8;

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "\\s*(?:s|secs?|seconds?)(?![a-z])";
    private static final Pattern RANGE = Pattern.compile("\\b(?:from|between)\\s+" + NUMBER + "(?:" + UNIT
            + ")?\\s*(?:to|and|until|till|-)\\s*" + NUMBER + "(?:" + UNIT + ")?");
    private static final Pattern BARE_RANGE = Pattern.compile("(?<![\\w.])" + NUMBER + "(?:" + UNIT
            + ")?\\s*(?:-|to)\\s*" + NUMBER + UNIT);
    private static final Pattern POINT = Pattern.compile("\\b(?:at|after|around|by)\\s+(?:second\\s+" + NUMBER
            + "|" + NUMBER + UNIT + ")");
    private static final Pattern FOR = Pattern.compile("\\bfor\\s+(?:" + NUMBER + UNIT
            + "|(a|one)\\s+(?:second|moment))");
    private static final Pattern START = Pattern.compile("\\b(?:(?:at|in)\\s+(?:the\\s+)?(?:very\\s+)?"
            + "(?:start|beginning|outset)|at\\s+first|initially|to\\s+(?:start|begin)(?:\\s+with)?)\\b");
    private static final Pattern END = Pattern.compile(
            "\\b(?:at|by|towards?|near|in)\\s+(?:the\\s+)?(?:very\\s+)?end\\b");
    private static final Pattern UNTIL_END = Pattern.compile("\\b(?:until|till|to)\\s+(?:the\\s+)?(?:very\\s+)?end\\b");
    private static final Pattern MIDDLE = Pattern.compile("\\b(?:(?:in|around|at|towards?)\\s+(?:the\\s+)?middle"
            + "|halfway(?:\\s+through)?|midway)\\b");
    private static final Pattern WHOLE = Pattern.compile("\\b(?:throughout"
            + "|(?:the\\s+)?(?:whole|entire)\\s+(?:time|shot|way)|all\\s+(?:along|the\\s+time))\\b");
    private static final Pattern THEN = Pattern.compile("\\b(?:and\\s+)?(?:then|after\\s+that|afterwards|afterward"
            + "|later|finally|eventually)\\b");
    private static final Pattern CLAUSE = Pattern.compile("[,;:!?\\n]|(?<!\\d)\\.|\\.(?!\\d)");
    private static final Pattern ITEM = Pattern.compile("\\b(?:and|while|but|as well as)\\b|&|\\+");
    private static final String TOWARD = "(?:(?:to|toward|towards)\\s+)?";
    private static final String WHOSE = "(?:his|her|their|its|the\\s+character's|character's)";
    private static final Pattern OWN = Pattern.compile("\\b" + TOWARD + "(?:" + WHOSE + "\\s+)?own\\s+(left|right)\\b"
            + "|\\b" + TOWARD + WHOSE + "\\s+(left|right)\\b");
    private static final Pattern SCREEN = Pattern.compile("\\b(?:camera|screen|frame)\\s+(left|right)\\b");
    private static final Pattern COMBINED = Pattern.compile(
            "\\b(up|down)\\s+(?:and\\s+)?(?:to\\s+(?:the\\s+)?)?(left|right)\\b");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)\\]");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:['\\-][a-z0-9]+)*");
    private static final Set<String> DROPPED = Set.of("a", "an", "the", "his", "her", "their", "its", "my", "your",
            "our");

    private DirectionNotes() {}

    /** What a note gave: the cues in the order the note mentions them, and what was left out and why. */
    public record Result(List<Cue> cues, List<String> warnings, List<String> unknownWords) {
        public Result {
            cues = List.copyOf(cues);
            warnings = List.copyOf(warnings);
            unknownWords = List.copyOf(unknownWords);
        }
    }

    /** Parses a note for a shot of {@code shotTicks}, with cue ids {@code note-1}, {@code note-2}, .... */
    public static Result parse(String text, long shotTicks) {
        return parse(text, shotTicks, "note");
    }

    /** Parses a note for a shot of {@code shotTicks}, with cue ids {@code PREFIX-1}, {@code PREFIX-2}, .... */
    public static Result parse(String text, long shotTicks, String idPrefix) {
        if (shotTicks <= 0) throw new IllegalArgumentException("the shot must have a length, got " + shotTicks + " ticks");
        Ids.require(idPrefix + "-1", "cue id prefix");
        return new Run(shotTicks, idPrefix).read(text);
    }

    /**
     * Parses a note for one stretch of a shot (a note on a cue): the note is read as if the stretch were the whole
     * shot (so "at the end" is the end of the stretch and "at 2s" two seconds into it) and the cues are placed
     * within it.
     */
    public static Result parseWithin(String text, TimeRange stretch, String idPrefix) {
        Result r = parse(text, stretch.duration(), idPrefix);
        List<Cue> moved = new ArrayList<>();
        for (Cue c : r.cues()) moved.add(c.withRange(new TimeRange(c.range().start() + stretch.start(), c.range().duration())));
        return new Result(moved, r.warnings(), r.unknownWords());
    }

    /** A stretch of the shot that a part of the note covers: states fill it, actions start at its start. */
    private record Part(long start, long end, String text) {}

    /** When a clause happens, from its time phrase. */
    private record When(Kind kind, long at, long until, long length) {
        enum Kind {
            PART, RANGE, POINT, START, MIDDLE, END, WHOLE, UNTIL_END
        }
    }

    /** One thing a clause asks for, with its degree. */
    private record Item(Meaning meaning, double degree, List<Toward> towards, String words) {}

    /** The state of one parse: the cues so far, the warnings and the next id. */
    private static final class Run {
        private final long shot;
        private final String prefix;
        private final List<Cue> cues = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<String> unknown = new LinkedHashSet<>();

        Run(long shot, String prefix) {
            this.shot = shot;
            this.prefix = prefix;
        }

        Result read(String text) {
            String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2013', '-').replace('\u2014', ',');
            for (Part part : parts(t)) {
                for (String clause : CLAUSE.split(part.text())) clause(clause, part);
            }
            for (String w : unknown) {
                warnings.add("ignored \"" + w + "\": not in the vocabulary (see docs/direction-notes.md)");
            }
            return new Result(cues, warnings, List.copyOf(unknown));
        }

        /**
         * The parts of the note. A transcript (parenthesised directions among other text) gives one part per
         * direction, from its place in the dialogue to the next direction; otherwise "then" splits the shot
         * into equal parts.
         */
        private List<Part> parts(String t) {
            Matcher m = PAREN.matcher(t);
            List<int[]> spans = new ArrayList<>();
            StringBuilder outside = new StringBuilder();
            int last = 0;
            while (m.find()) {
                outside.append(t, last, m.start());
                spans.add(new int[] {m.start(), m.end()});
                last = m.end();
            }
            outside.append(t.substring(last));
            boolean transcript = !spans.isEmpty() && WORD.matcher(outside).find();
            List<Part> out = new ArrayList<>();
            if (transcript) {
                // Place each direction by how much of the dialogue comes before it.
                long spoken = spokenChars(outside);
                List<long[]> at = new ArrayList<>();
                int before = 0;
                int prev = 0;
                for (int[] s : spans) {
                    before += spokenChars(t.substring(prev, s[0]));
                    prev = s[1];
                    at.add(new long[] {spoken == 0 ? 0 : Math.floorDiv(shot * before, spoken), s[0], s[1]});
                }
                for (int i = 0; i < at.size(); i++) {
                    long end = i + 1 < at.size() ? Math.max(at.get(i)[0], at.get(i + 1)[0]) : shot;
                    String inner = t.substring((int) at.get(i)[1] + 1, (int) at.get(i)[2] - 1);
                    sequence(inner, at.get(i)[0], end, out);
                }
                return out;
            }
            sequence(PAREN.matcher(t).replaceAll(", $1$2,"), 0, shot, out);
            return out;
        }

        /** Splits text at "then" into equal consecutive parts of {@code [start, end)}. */
        private static void sequence(String text, long start, long end, List<Part> out) {
            List<String> kept = new ArrayList<>();
            for (String p : THEN.split(text, -1)) if (WORD.matcher(p).find()) kept.add(p);
            long span = end - start;
            for (int i = 0; i < kept.size(); i++) {
                out.add(new Part(start + span * i / kept.size(), start + span * (i + 1) / kept.size(), kept.get(i)));
            }
        }

        private static long spokenChars(CharSequence s) {
            return s.chars().filter(java.lang.Character::isLetterOrDigit).count();
        }

        private void clause(String raw, Part part) {
            String c = " " + raw + " ";
            c = SCREEN.matcher(c).replaceAll(" $1 ");
            c = OWN.matcher(c).replaceAll(" own-$1$2 ");
            c = COMBINED.matcher(c).replaceAll(" $1 $2 ");
            When when = new When(When.Kind.PART, part.start(), part.end(), -1);
            List<String> times = new ArrayList<>();
            // Time phrases, most specific first; each is cut out of the clause once read.
            Matcher m;
            if ((m = RANGE.matcher(c)).find() || (m = BARE_RANGE.matcher(c)).find()) {
                when = new When(When.Kind.RANGE, seconds(m.group(1)), seconds(m.group(2)), -1);
                times.add(m.group().trim());
                c = cut(c, m);
            }
            if ((m = POINT.matcher(c)).find()) {
                long at = seconds(m.group(1) != null ? m.group(1) : m.group(2));
                if (times.isEmpty()) when = new When(When.Kind.POINT, at, -1, -1);
                times.add(m.group().trim());
                c = cut(c, m);
            }
            for (Object[] region : new Object[][] {{UNTIL_END, When.Kind.UNTIL_END}, {START, When.Kind.START},
                    {END, When.Kind.END}, {MIDDLE, When.Kind.MIDDLE}, {WHOLE, When.Kind.WHOLE}}) {
                if ((m = ((Pattern) region[0]).matcher(c)).find()) {
                    if (times.isEmpty()) when = new When((When.Kind) region[1], -1, -1, -1);
                    times.add(m.group().trim());
                    c = cut(c, m);
                }
            }
            if ((m = FOR.matcher(c)).find()) {
                long length = m.group(1) != null ? seconds(m.group(1)) : Ticks.PER_SECOND;
                when = new When(when.kind(), when.at(), when.until(), length);
                c = cut(c, m);
            }
            if (times.size() > 1) {
                warnings.add("\"" + raw.trim() + "\": more than one time (" + String.join(", ", times) + "); used \""
                        + times.get(0) + "\"");
            }
            List<Item> items = new ArrayList<>();
            for (String piece : ITEM.split(c)) items(piece, items);
            Side side = sideOf(items);
            for (Item item : items) place(item, when, part, side);
        }

        /** The clause with the matched time phrase replaced by a space. */
        private static String cut(String c, Matcher m) {
            return c.substring(0, m.start()) + " " + c.substring(m.end());
        }

        private static long seconds(String number) {
            return Ticks.ofSeconds(Double.parseDouble(number));
        }

        /** Reads one item group ("very angry", "looks up left", "not smiling") into items. */
        private void items(String piece, List<Item> out) {
            List<String> words = new ArrayList<>();
            Matcher w = WORD.matcher(piece);
            while (w.find()) if (!DROPPED.contains(w.group())) words.add(w.group());
            double degree = 1;
            boolean negated = false;
            String negation = "";
            int firstHere = out.size();
            Item look = null;
            for (int i = 0; i < words.size(); ) {
                int len = Math.min(Vocabulary.LONGEST, words.size() - i);
                Meaning meaning = null;
                for (; len > 0; len--) {
                    meaning = Vocabulary.PHRASES.get(String.join(" ", words.subList(i, i + len)));
                    if (meaning != null) break;
                }
                if (meaning == null) {
                    unknown.add(words.get(i));
                    i++;
                    continue;
                }
                String phrase = String.join(" ", words.subList(i, i + len));
                i += len;
                if (meaning instanceof Toward t && look != null) {
                    look.towards().add(t);
                    continue;
                }
                switch (meaning) {
                    case Filler f -> { }
                    case Degree d -> degree *= d.factor();
                    case Negation n -> {
                        negated = true;
                        negation = phrase;
                    }
                    default -> {
                        Item item = new Item(meaning, degree, new ArrayList<>(), phrase);
                        degree = 1;
                        if (negated) {
                            warnings.add("\"" + negation + " " + phrase + "\": negated, so no cue");
                            negated = false;
                        } else {
                            out.add(item);
                        }
                        // A negated look still takes its directions ("not looking left"), so they are not reported.
                        if (meaning instanceof LookVerb) look = item;
                    }
                }
            }
            if (negated) warnings.add("\"" + negation + "\": nothing after it to negate");
            if (degree != 1) {
                // A trailing degree word ("smiles slightly") applies to the last thing before it.
                for (int k = out.size() - 1; k >= firstHere; k--) {
                    Item it = out.get(k);
                    if (it.meaning() instanceof Feel || it.meaning() instanceof Act || it.meaning() instanceof Sound) {
                        out.set(k, new Item(it.meaning(), it.degree() * degree, it.towards(), it.words()));
                        break;
                    }
                }
            }
        }

        /** The hand a clause names ("with her left hand", "both") for its gestures; null when none or no gesture. */
        private static Side sideOf(List<Item> items) {
            if (items.stream().noneMatch(it -> it.meaning() instanceof Act)) return null;
            for (Item it : items) {
                if (it.meaning() instanceof Both) return Side.BOTH;
                if (it.meaning() instanceof Toward t && !t.camera() && t.horizontal() != 0) {
                    // Gestures use the character's own side: "left" and "her left" are both the character's left.
                    return it.words().equals("right") || it.words().equals("own-right") ? Side.RIGHT : Side.LEFT;
                }
            }
            return null;
        }

        private void place(Item item, When when, Part part, Side side) {
            switch (item.meaning()) {
                case Feel f -> {
                    TimeRange r = state(when, part, item);
                    if (r == null) return;
                    emotion(r, f.emotion(), f.intensity() * item.degree());
                    if (f.averts()) avert(r);
                }
                case Act a -> {
                    TimeRange r = event(when, part, gestureLength(a.gesture()), item);
                    if (r == null) return;
                    Side s = side != null ? side : defaultSide(a.gesture());
                    add(new GestureCue(nextId(), r, a.gesture(), intensity(GESTURE_INTENSITY * item.degree()), s));
                }
                case Mark k -> {
                    TimeRange r = event(when, part, Ticks.PER_SECOND, item);
                    if (r != null) add(new TimingCue(nextId(), r, k.kind(), k.strength()));
                }
                case LookVerb v -> {
                    if (item.towards().isEmpty()) return; // "looks happy": a copula, not a look
                    TimeRange r = state(when, part, item);
                    if (r == null) return;
                    if (item.towards().stream().anyMatch(Toward::camera)) {
                        gaze(r, GazeTarget.CAMERA);
                    } else {
                        int h = 0, vert = 0;
                        for (Toward t : item.towards()) {
                            if (t.horizontal() != 0) h = t.horizontal();
                            if (t.vertical() != 0) vert = t.vertical();
                        }
                        gaze(r, target(h, vert));
                    }
                }
                case Toward t -> {
                    if (t.camera()) {
                        // "smiles at the camera": the look is implied.
                        TimeRange r = state(when, part, item);
                        if (r != null) gaze(r, GazeTarget.CAMERA);
                    } else if (side == null) {
                        warnings.add("\"" + item.words() + "\": a direction without a look or a gesture; ignored");
                    }
                }
                case Avert a -> {
                    TimeRange r = state(when, part, item);
                    if (r != null) avert(r);
                }
                case Contact c -> {
                    TimeRange r = state(when, part, item);
                    if (r != null) gaze(r, GazeTarget.CAMERA);
                }
                case Think t -> {
                    TimeRange r = state(when, part, item);
                    if (r != null) gaze(r, GazeTarget.UP_LEFT);
                }
                case Sound s -> sound(s.kind(), when, part, item);
                case Both b -> { }
                case Degree d -> { }
                case Negation n -> { }
                case Filler f -> { }
            }
        }

        /** Sounds are small bundles of ordinary cues (the planner has no breath or laugh cue yet). */
        private void sound(Sound.Kind kind, When when, Part part, Item item) {
            long length = switch (kind) {
                case SIGH, LAUGH -> 2 * Ticks.PER_SECOND;
                case GASP, STARTLE -> Ticks.ofMillis(1500);
            };
            TimeRange r = event(when, part, length, item);
            if (r == null) return;
            switch (kind) {
                case SIGH -> {
                    emotion(r, Emotion.SADNESS, 0.4 * item.degree());
                    gaze(new TimeRange(r.start(), Math.min(r.duration(), Ticks.ofMillis(1200))), GazeTarget.DOWN);
                }
                case LAUGH -> {
                    emotion(r, Emotion.JOY, 0.9 * item.degree());
                    add(new GestureCue(nextId(), r, "lean-back", intensity(0.4 * item.degree()), Side.BOTH));
                }
                case GASP, STARTLE -> {
                    double strength = kind == Sound.Kind.GASP ? 0.7 : 0.9;
                    add(new TimingCue(nextId(), new TimeRange(r.start(), Math.min(r.duration(), Ticks.PER_SECOND)),
                            TimingCue.Kind.REACT, intensity(strength * item.degree())));
                    emotion(r, Emotion.SURPRISE, (kind == Sound.Kind.GASP ? 0.7 : 0.6) * item.degree());
                }
            }
        }

        private void emotion(TimeRange r, Emotion e, double intensity) {
            long ease = Math.min(EASE, r.duration() / 4);
            add(new EmotionCue(nextId(), r, e, intensity(intensity), ease, ease));
        }

        private void gaze(TimeRange r, GazeTarget target) {
            add(new GazeCue(nextId(), r, target));
        }

        /** Gaze aversion: looking down to one side, then the other, every two seconds. */
        private void avert(TimeRange r) {
            GazeTarget[] sides = {GazeTarget.DOWN_LEFT, GazeTarget.DOWN_RIGHT};
            long t = r.start();
            for (int i = 0; t < r.endExclusive(); i++) {
                long end = Math.min(r.endExclusive(), t + AVERT_GLANCE);
                // A last glance shorter than half a glance joins the one before.
                if (r.endExclusive() - end < AVERT_GLANCE / 2) end = r.endExclusive();
                gaze(TimeRange.between(t, end), sides[i % 2]);
                t = end;
            }
        }

        /** Adds a cue unless an equal one (same kind, values and time) is already there. */
        private void add(Cue cue) {
            String key = cue.getClass().getSimpleName() + cue.range() + switch (cue) {
                case EmotionCue e -> e.emotion() + "/" + e.intensity();
                case GestureCue g -> g.gesture() + "/" + g.intensity() + "/" + g.side();
                case GazeCue g -> g.target().name();
                case TimingCue tc -> tc.kind() + "/" + tc.strength();
                default -> cue.label();
            };
            if (!seen.add(key)) {
                next--; // the id goes back to the pool so numbering stays dense
                return;
            }
            cues.add(cue);
        }

        private int next = 0;

        private String nextId() {
            return prefix + "-" + ++next;
        }

        /** Where a state (emotion, look) goes: its part, or its time phrase; null (with a warning) if outside the shot. */
        private TimeRange state(When w, Part part, Item item) {
            long start, end;
            switch (w.kind()) {
                case PART -> {
                    start = part.start();
                    end = w.length() >= 0 ? start + w.length() : part.end();
                }
                case RANGE -> {
                    start = w.at();
                    end = w.until();
                }
                case POINT -> {
                    start = w.at();
                    end = w.length() >= 0 ? start + w.length() : start < part.end() ? part.end() : shot;
                }
                case START -> {
                    start = 0;
                    end = w.length() >= 0 ? w.length() : shot / 4;
                }
                case MIDDLE -> {
                    long half = w.length() >= 0 ? w.length() / 2 : shot / 8;
                    start = shot / 2 - half;
                    end = shot / 2 + half;
                }
                case END -> {
                    start = w.length() >= 0 ? shot - w.length() : shot - shot / 4;
                    end = shot;
                }
                case WHOLE -> {
                    start = 0;
                    end = shot;
                }
                case UNTIL_END -> {
                    start = part.start();
                    end = shot;
                }
                default -> throw new IllegalStateException();
            }
            return clamp(start, end, item);
        }

        /** Where an action of {@code length} goes: at its part's start, or by its time phrase. */
        private TimeRange event(When w, Part part, long length, Item item) {
            long len = w.length() >= 0 ? w.length() : length;
            return switch (w.kind()) {
                case PART -> clamp(part.start(), part.start() + len, item);
                case RANGE -> clamp(w.at(), w.until(), item);
                case POINT -> clamp(w.at(), w.at() + len, item);
                case START -> clamp(0, len, item);
                case MIDDLE -> clamp(shot / 2 - len / 2, shot / 2 - len / 2 + len, item);
                case END -> clamp(shot - len, shot, item);
                case WHOLE -> clamp(0, shot, item);
                case UNTIL_END -> clamp(part.start(), shot, item);
            };
        }

        private TimeRange clamp(long start, long end, Item item) {
            if (start >= shot) {
                warnings.add("\"" + item.words() + "\": starts at " + secondsText(start) + ", after the shot ends ("
                        + secondsText(shot) + "); no cue");
                return null;
            }
            if (end <= start) {
                warnings.add("\"" + item.words() + "\": its time range is empty; no cue");
                return null;
            }
            if (end > shot) {
                warnings.add("\"" + item.words() + "\": cut at the end of the shot (" + secondsText(shot) + ")");
            }
            long s = Math.max(0, start), e = Math.min(shot, end);
            return TimeRange.between(s, e);
        }

        private static String secondsText(long ticks) {
            return String.format(Locale.ROOT, "%.2f s", Ticks.toSeconds(ticks));
        }
    }

    /** The gaze target for a screen direction (-1, 0 or 1 on each axis). */
    static GazeTarget target(int horizontal, int vertical) {
        return switch (vertical * 3 + horizontal) {
            case -4 -> GazeTarget.DOWN_LEFT;
            case -3 -> GazeTarget.DOWN;
            case -2 -> GazeTarget.DOWN_RIGHT;
            case -1 -> GazeTarget.LEFT;
            case 1 -> GazeTarget.RIGHT;
            case 2 -> GazeTarget.UP_LEFT;
            case 3 -> GazeTarget.UP;
            case 4 -> GazeTarget.UP_RIGHT;
            default -> GazeTarget.CAMERA;
        };
    }

    /** How long a gesture lasts when the note does not say. */
    static long gestureLength(String g) {
        return Ticks.ofMillis(switch (g) {
            case "nod", "head-tilt" -> 1000;
            case "head-shake" -> 1400;
            case "shrug", "beat", "fist-pump", "thumbs-up" -> 1200;
            case "point", "open-palms", "stop", "brush-off" -> 1600;
            case "wave", "hand-to-chest", "lean-in", "lean-back", "beckon", "facepalm" -> 2000;
            case "chin-stroke", "scratch-head", "arms-cross", "hands-on-hips" -> 3000;
            default -> 1500;
        });
    }

    /** The hand a gesture uses when the note does not say: the right for one-handed gestures, else both. */
    static Side defaultSide(String g) {
        return switch (g) {
            case "wave", "point", "hand-to-chest", "facepalm", "thumbs-up", "chin-stroke", "scratch-head",
                    "fist-pump", "stop", "beckon", "brush-off" -> Side.RIGHT;
            default -> Side.BOTH;
        };
    }

    /** Intensities are kept to two decimals and within 0.05..1. */
    static double intensity(double v) {
        return Math.max(0.05, Math.min(1, Math.round(v * 100) / 100.0));
    }
}
