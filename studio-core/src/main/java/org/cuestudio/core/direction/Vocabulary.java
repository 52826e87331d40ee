package org.cuestudio.core.direction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.TimingCue;

/**
 * The words and phrases direction notes understand, each with what it means. Phrases are sequences of
 * lower-case words after the parser's clean-up (articles and possessive pronouns removed, "her left" turned into
 * {@code own-left}); the longest phrase wins. {@code docs/direction-notes.md} lists the same tables for users,
 * and a test keeps the two in step.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** What a word or phrase means. */
    sealed interface Meaning {}

    /** An emotion at a base intensity; {@code averts} adds gaze aversion over the same time (nervous, shy). */
    record Feel(Emotion emotion, double intensity, boolean averts) implements Meaning {}

    /** A gesture from the gesture lane. */
    record Act(String gesture) implements Meaning {}

    /** A timing mark: a hold (pause) or a reaction. */
    record Mark(TimingCue.Kind kind, double strength) implements Meaning {}

    /** A verb that takes a direction: "looks", "glances", "eyes". Without a direction it means nothing. */
    record LookVerb() implements Meaning {}

    /** A gaze direction in screen space (-1 left/down, 1 right/up), or the camera ("at us"). */
    record Toward(int horizontal, int vertical, boolean camera) implements Meaning {}

    /** Looking away: gaze aversion, down and to alternate sides. */
    record Avert() implements Meaning {}

    /** Looking at the camera: eye contact. */
    record Contact() implements Meaning {}

    /** Thinking: the gaze goes up and to the side. */
    record Think() implements Meaning {}

    /** A small bundle of cues for a sound in a transcript: sighs, laughs, gasps, startles. */
    record Sound(Kind kind) implements Meaning {
        enum Kind {
            SIGH, LAUGH, GASP, STARTLE
        }
    }

    /** Scales the intensity of the next (or else the previous) emotion or gesture in the clause. */
    record Degree(double factor) implements Meaning {}

    /** Negates the next emotion, gesture, look or mark: it is dropped, with a warning. */
    record Negation() implements Meaning {}

    /** "both" (hands): a gesture with both arms. */
    record Both() implements Meaning {}

    /** Known words that carry no direction of their own ("the", "gets", "hand"); never reported. */
    record Filler() implements Meaning {}

    /** Phrase (words joined by single spaces) to meaning. */
    static final Map<String, Meaning> PHRASES = new HashMap<>();
    /** The longest phrase, in words. */
    static final int LONGEST;

    static {
        // Emotions. Base intensities: 0.7 for the plain word, lower or higher for milder or stronger words.
        feel(Emotion.JOY, .7, "happy", "happily", "joy", "joyful", "glad", "cheerful", "cheerfully", "warm", "warmly");
        feel(Emotion.JOY, .6, "smiles", "smile", "smiling", "smiled");
        feel(Emotion.JOY, .5, "pleased", "content");
        feel(Emotion.JOY, .8, "grins", "grin", "grinning", "excited", "excitedly", "delighted");
        feel(Emotion.JOY, .95, "beams", "beaming", "ecstatic", "elated", "overjoyed");
        feel(Emotion.SADNESS, .7, "sad", "sadly", "unhappy", "sorrowful", "gloomy", "glum", "melancholy");
        feel(Emotion.SADNESS, .5, "disappointed", "wistful", "wistfully", "hurt");
        feel(Emotion.SADNESS, .9, "cries", "crying", "sobs", "sobbing", "weeps", "weeping", "tearful", "miserable",
                "heartbroken", "devastated", "grieving");
        feel(Emotion.ANGER, .7, "angry", "angrily", "mad", "hostile", "cross");
        feel(Emotion.ANGER, .45, "annoyed", "irritated", "irritably", "impatient", "impatiently");
        feel(Emotion.ANGER, .55, "frustrated", "indignant");
        feel(Emotion.ANGER, .95, "furious", "furiously", "enraged", "livid", "fuming", "seething", "rage");
        feel(Emotion.FEAR, .7, "afraid", "scared", "fearful", "fearfully", "frightened");
        feel(Emotion.FEAR, .3, "tense", "tensely", "uneasy");
        feel(Emotion.FEAR, .45, "worried", "worriedly", "apprehensive");
        feel(Emotion.FEAR, .95, "terrified", "panicked", "panicking", "petrified");
        averts(Emotion.FEAR, .35, "nervous", "nervously", "anxious", "anxiously");
        averts(Emotion.FEAR, .25, "shy", "shyly", "embarrassed", "sheepish", "sheepishly", "awkward", "awkwardly");
        feel(Emotion.SURPRISE, .7, "surprised", "surprise");
        feel(Emotion.SURPRISE, .6, "taken aback", "puzzled", "curious", "curiously");
        feel(Emotion.SURPRISE, .9, "astonished", "amazed", "shocked", "stunned", "astounded");
        feel(Emotion.DISGUST, .7, "disgusted", "disgust", "grossed out", "repulsed", "revolted", "sickened",
                "appalled");
        feel(Emotion.CONTEMPT, .7, "contempt", "contemptuous", "scornful", "scornfully", "disdainful", "sneers",
                "sneer", "sneering");
        feel(Emotion.CONTEMPT, .5, "smug", "smugly", "smirks", "smirk", "smirking", "dismissive", "sarcastic",
                "sarcastically", "cold", "coldly");
        feel(Emotion.NEUTRAL, 1, "neutral", "calm", "calmly", "calms down", "relaxed", "relaxes", "relax", "relaxing",
                "composed", "settles", "deadpan", "blank", "expressionless");

        // Gestures.
        act("nod", "nods", "nod", "nodding", "nodded", "agrees");
        act("head-shake", "shakes head", "shake head", "shaking head", "shook head", "head shake",
                "shakes", "disagrees");
        act("shrug", "shrugs", "shrug", "shrugging", "shrugged");
        act("wave", "waves", "wave", "waving", "waved", "waves goodbye", "waves hello");
        act("point", "points", "point", "pointing", "pointed");
        act("open-palms", "open palms", "opens palms", "opens hands", "spreads hands", "spreads arms",
                "pleads", "pleading", "explains", "explaining");
        act("beat", "emphasises", "emphasizes", "emphasising", "emphasizing", "emphatic", "emphatically",
                "stresses", "beat gesture", "beats out");
        act("hand-to-chest", "hand to chest", "hand on chest", "hand on heart", "hand over heart",
                "touches chest", "touches heart");
        act("lean-in", "leans in", "lean in", "leaning in", "leans forward", "leans closer", "leaning forward");
        act("lean-back", "leans back", "lean back", "leaning back", "pulls back", "recoils", "sits back");
        act("facepalm", "facepalm", "facepalms", "face palm", "face palms", "head in hand");
        act("thumbs-up", "thumbs up", "gives thumbs up", "gives a thumbs up");
        act("arms-cross", "crosses arms", "cross arms", "arms crossed", "folds arms", "arms folded");
        act("chin-stroke", "strokes chin", "stroking chin", "chin stroke", "rubs chin");
        act("scratch-head", "scratches head", "scratching head", "scratch head");
        act("head-tilt", "tilts head", "tilt head", "tilting head", "cocks head", "head tilt");
        act("fist-pump", "fist pump", "pumps fist", "fist pumps", "cheers", "cheering");
        act("stop", "holds up hand", "raises palm", "signals stop", "stop gesture");
        act("beckon", "beckons", "beckoning", "waves over", "motions closer");
        act("brush-off", "brushes off", "waves off", "waves away", "waves it off");
        act("hands-on-hips", "hands on hips", "puts hands on hips", "arms akimbo");

        // Timing marks.
        mark(TimingCue.Kind.HOLD, 1, "pauses", "pause", "pausing", "beat", "freezes", "freeze", "frozen",
                "holds still", "goes still", "stands still", "stops moving");
        mark(TimingCue.Kind.REACT, .8, "reacts", "react", "reaction", "flinches", "flinch", "jolts", "jumps");

        // Gaze.
        for (String w : List.of("looks", "look", "looking", "looked", "glances", "glance", "glancing", "gazes",
                "gaze", "gazing", "stares", "stare", "staring", "peeks", "peeking", "turns", "turning", "eyes")) {
            put(w, new LookVerb());
        }
        put("left", new Toward(-1, 0, false));
        put("right", new Toward(1, 0, false));
        // The character's own left is the viewer's right.
        put("own-left", new Toward(1, 0, false));
        put("own-right", new Toward(-1, 0, false));
        for (String w : List.of("up", "upward", "upwards", "upper", "top")) put(w, new Toward(0, 1, false));
        for (String w : List.of("down", "downward", "downwards", "lower", "bottom")) put(w, new Toward(0, -1, false));
        for (String w : List.of("camera", "lens", "us", "audience", "viewer", "viewers")) put(w, new Toward(0, 0, true));
        for (String w : List.of("away", "avoids eye contact", "avoid eye contact", "avoiding eye contact",
                "breaks eye contact", "averts eyes", "averts gaze", "averting eyes", "averting gaze", "avoids gaze",
                "downcast", "no eye contact")) {
            put(w, new Avert());
        }
        for (String w : List.of("eye contact", "makes eye contact", "holds gaze")) put(w, new Contact());
        for (String w : List.of("thinks", "think", "thinking", "ponders", "pondering", "considers", "considering",
                "wonders", "wondering", "remembers", "remembering", "recalls", "recalling")) {
            put(w, new Think());
        }

        // Sounds in a transcript.
        sound(Sound.Kind.SIGH, "sighs", "sigh", "sighing", "sighed");
        sound(Sound.Kind.LAUGH, "laughs", "laugh", "laughing", "laughed", "chuckles", "chuckle", "chuckling",
                "giggles", "giggle", "giggling");
        sound(Sound.Kind.GASP, "gasps", "gasp", "gasping", "gasped");
        sound(Sound.Kind.STARTLE, "startled", "startles", "startle");

        // Degree words.
        degree(0.5, "slightly", "little", "bit", "mildly", "somewhat", "faintly", "barely", "kind of", "sort of",
                "touch", "hint of");
        degree(0.7, "gently", "softly", "lightly", "subtly", "quietly");
        degree(1.2, "quite", "rather", "pretty");
        degree(1.4, "very", "really", "extremely", "deeply", "intensely", "incredibly", "totally", "completely",
                "utterly", "super", "truly", "fully", "strongly", "firmly", "wildly");
        for (String w : List.of("not", "no", "never", "no longer", "without", "doesn't", "does not", "isn't",
                "is not", "don't", "stops", "stops being")) {
            put(w, new Negation());
        }
        put("both", new Both());

        for (String w : List.of("and", "or", "but", "he", "she", "they", "it", "him", "them", "i", "you", "we", "me",
                "is", "are", "was", "were", "be", "been", "being", "gets", "get", "getting", "got", "becomes",
                "become", "becoming", "became", "feels", "feel", "feeling", "seems", "seem", "appears", "sounds", "to",
                "at", "of", "in", "on", "with", "for", "by", "from", "into", "toward", "towards", "as", "still", "just",
                "also", "again", "who", "that", "this", "which", "starts", "start", "begins", "keeps", "continues",
                "goes", "going", "all", "one", "first", "hand", "hands", "arm", "arms", "head", "face", "eye",
                "makes", "gives", "says", "then", "while", "when", "more", "over", "out", "around", "side", "character",
                "character's", "voice", "expression", "suddenly", "quickly", "slowly", "puts", "put", "places", "this point",
                "that point")) {
            PHRASES.putIfAbsent(w, new Filler());
        }
        LONGEST = PHRASES.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    /** The words whose meaning is a {@link Filler}: known, never reported, never a cue. */
    static Set<String> fillers() {
        Set<String> out = new java.util.TreeSet<>();
        PHRASES.forEach((k, v) -> {
            if (v instanceof Filler) out.add(k);
        });
        return out;
    }

    /** Every phrase (for the documentation check), sorted. */
    static List<String> phrases() {
        List<String> out = new ArrayList<>(PHRASES.keySet());
        out.sort(null);
        return out;
    }

    private static void feel(Emotion e, double intensity, String... words) {
        for (String w : words) put(w, new Feel(e, intensity, false));
    }

    private static void averts(Emotion e, double intensity, String... words) {
        for (String w : words) put(w, new Feel(e, intensity, true));
    }

    private static void act(String g, String... words) {
        for (String w : words) put(w, new Act(g));
    }

    private static void mark(TimingCue.Kind kind, double strength, String... words) {
        for (String w : words) put(w, new Mark(kind, strength));
    }

    private static void sound(Sound.Kind kind, String... words) {
        for (String w : words) put(w, new Sound(kind));
    }

    private static void degree(double factor, String... words) {
        for (String w : words) put(w, new Degree(factor));
    }

    private static void put(String phrase, Meaning m) {
        Meaning old = PHRASES.putIfAbsent(phrase, m);
        if (old != null) throw new IllegalStateException("'" + phrase + "' is in the vocabulary twice: " + old + ", " + m);
    }

    /** Splits a phrase key into words (for matching). */
    static List<String> words(String phrase) {
        return Arrays.asList(phrase.split(" "));
    }
}
