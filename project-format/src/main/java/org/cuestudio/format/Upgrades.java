package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.cuestudio.core.time.Ticks;
import org.jspecify.annotations.Nullable;

/**
 * The registry of format upgrades: for each type, one step {@code Name.N -> Name.N+1} that rewrites the JSON tree
 * of an object, so that files written by older releases open. Steps run on the tree before binding, so the binder
 * only ever knows the current shape (docs/project-format.md, "Versions and upgrades").
 *
 * <p>Every step of format 0 (the pre-release draft shape) to format 1 (Cue Studio 0.1), of format 1 to format 2 and
 * of format 2 to format 3 is defined here. A step converts what it can
 * and leaves anything it cannot convert in place, so that the binder reports it with its location.
 */
final class Upgrades {
    /** The version of each type that this release writes. */
    static final Map<String, Integer> CURRENT = Map.ofEntries(Map.entry("Project", 2), Map.entry("EmotionPreset", 1),
            Map.entry("Character", 2), Map.entry("Shot", 2), Map.entry("Partner", 1), Map.entry("Take", 1),
            Map.entry("EmotionCue", 2), Map.entry("GestureCue", 2), Map.entry("GazeCue", 2),
            Map.entry("TimingCue", 2), Map.entry("MouthShapeCue", 1));

    /** The oldest version of each type that this release still reads. */
    static final Map<String, Integer> OLDEST = Map.ofEntries(Map.entry("Project", 0), Map.entry("EmotionPreset", 1),
            Map.entry("Character", 0), Map.entry("Shot", 0), Map.entry("Partner", 1), Map.entry("Take", 0),
            Map.entry("EmotionCue", 0), Map.entry("GestureCue", 0), Map.entry("GazeCue", 0),
            Map.entry("TimingCue", 0), Map.entry("MouthShapeCue", 1));

    /**
     * The steps that only add optional fields at their defaults or widen the values a field accepts (every step
     * from format 1 to format 2, and from format 2 to format 3): the current binder reads an object of the older
     * version exactly as it reads the upgraded one, so the reader applies them by binding the object directly,
     * without a tree.
     */
    static final Set<String> BINDER_COMPATIBLE = Set.of("Character.1", "Shot.1", "GestureCue.1", "GazeCue.1",
            "TimingCue.1", "Project.1", "EmotionCue.1");

    /** One upgrade step: what it changes, for people, and the change itself. */
    record Step(String type, int from, String change, UnaryOperator<ObjectNode> apply) {
        TypeTag source() {
            return new TypeTag(type, from);
        }

        TypeTag target() {
            return new TypeTag(type, from + 1);
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, Step> STEPS = new LinkedHashMap<>();

    static {
        add("Project", 0, "adds \"metadata\"", o -> withMetadata(retag(o, "Project.1")));
        add("Character", 0, "adds \"metadata\"", o -> withMetadata(retag(o, "Character.1")));
        add("Shot", 0, "\"fps\" number becomes the \"frameRate\" text; \"width\"/\"height\" become \"resolution\"; "
                + "adds \"metadata\"", o -> withMetadata(resolutionObject(frameRateText(retag(o, "Shot.1")))));
        add("Take", 0, "\"width\"/\"height\" become \"resolution\"; adds \"metadata\"",
                o -> withMetadata(resolutionObject(retag(o, "Take.1"))));
        add("EmotionCue", 0, "times in seconds become ticks",
                o -> secondsToTicks(retag(o, "EmotionCue.1"), "start", "duration", "easeIn", "easeOut"));
        add("GestureCue", 0, "times in seconds become ticks",
                o -> secondsToTicks(retag(o, "GestureCue.1"), "start", "duration"));
        add("GazeCue", 0, "times in seconds become ticks",
                o -> secondsToTicks(retag(o, "GazeCue.1"), "start", "duration"));
        add("TimingCue", 0, "times in seconds become ticks",
                o -> secondsToTicks(retag(o, "TimingCue.1"), "start", "duration"));
        // Format 1 (Cue Studio 0.1) to format 2.
        add("Character", 1, "adds \"reactionDelay\": 0", o -> withField(retag(o, "Character.2"), "reactionDelay",
                F.numberNode(0L)));
        add("Shot", 1, "adds \"partners\": []", o -> withField(retag(o, "Shot.2"), "partners", F.arrayNode()));
        add("GestureCue", 1, "adds \"snap\": false (the gesture name is now a gesture-library id)",
                o -> withField(retag(o, "GestureCue.2"), "snap", F.booleanNode(false)));
        add("GazeCue", 1, "new type tag only (targets \"point\", \"character\", \"thinking\" added)",
                o -> retag(o, "GazeCue.2"));
        add("TimingCue", 1, "new type tag only (kind \"tempo\" added)", o -> retag(o, "TimingCue.2"));
        // Format 2 to format 3 (emotion presets and blends; the mouth lane is a new lane of a new type).
        add("Project", 1, "adds \"emotionPresets\": []", o -> withField(retag(o, "Project.2"), "emotionPresets",
                F.arrayNode()));
        add("EmotionCue", 1, "adds \"blend\": {} and \"preset\": \"\" (a single emotion, from no preset)",
                o -> withField(withField(retag(o, "EmotionCue.2"), "blend", F.objectNode()), "preset",
                        F.textNode("")));
    }

    private Upgrades() {}

    private static void add(String type, int from, String change, UnaryOperator<ObjectNode> apply) {
        STEPS.put(type + "." + from, new Step(type, from, change, apply));
    }

    /** Every registered step, oldest first per type. */
    static List<Step> steps() {
        return List.copyOf(STEPS.values());
    }

    /** The step that upgrades {@code type} from {@code version}, if there is one. */
    static @Nullable Step step(String type, int version) {
        return STEPS.get(type + "." + version);
    }

    /** The type names this release knows. */
    static Set<String> knownTypes() {
        return CURRENT.keySet();
    }

    /**
     * Upgrades an object step by step to the current version of its type, reporting each step applied. The
     * object must be of a known type at a version between {@link #OLDEST} and {@link #CURRENT}.
     */
    static ObjectNode toCurrent(ObjectNode node, TypeTag tag, List<Step> applied) {
        ObjectNode o = node;
        for (int v = tag.version(); v < CURRENT.get(tag.name()); v++) {
            Step s = step(tag.name(), v);
            if (s == null) throw new IllegalStateException("no upgrade from " + tag.name() + "." + v);
            o = s.apply().apply(o);
            applied.add(s);
        }
        return o;
    }

    // ---------------------------------------------------------------- the changes themselves

    private static ObjectNode retag(ObjectNode o, String tag) {
        o.put("type", tag); // keeps the field's place, so the tag stays first
        return o;
    }

    private static ObjectNode withField(ObjectNode o, String name, JsonNode value) {
        if (!o.has(name)) o.set(name, value);
        return o;
    }

    private static ObjectNode withMetadata(ObjectNode o) {
        if (!o.has("metadata")) o.putObject("metadata");
        return o;
    }

    /** Replaces one field by another at the same place (the binder reads any order; people read the result). */
    private static ObjectNode replaceField(ObjectNode o, String old, String name, JsonNode value, Set<String> drop) {
        ObjectNode out = F.objectNode();
        o.properties().forEach(e -> {
            if (e.getKey().equals(old)) out.set(name, value);
            else if (!drop.contains(e.getKey())) out.set(e.getKey(), e.getValue());
        });
        return out;
    }

    /** Format 0 stored the frame rate as a number; format 1 as exact text ("25", "30000/1001"). */
    private static ObjectNode frameRateText(ObjectNode o) {
        JsonNode fps = o.get("fps");
        if (fps == null || !fps.isNumber() || o.has("frameRate")) return o;
        double v = fps.asDouble();
        String text;
        if (v == Math.rint(v) && v >= 1 && v <= 1000) text = Long.toString((long) v);
        else if (Math.abs(v - 23.976) < 0.005) text = "24000/1001";
        else if (Math.abs(v - 29.97) < 0.005) text = "30000/1001";
        else if (Math.abs(v - 59.94) < 0.005) text = "60000/1001";
        else text = fps.asText(); // not convertible: the binder reports it as a frame rate it cannot read
        return replaceField(o, "fps", "frameRate", F.textNode(text), Set.of());
    }

    /** Format 0 stored the size as flat "width" and "height"; format 1 as a "resolution" object. */
    private static ObjectNode resolutionObject(ObjectNode o) {
        if (!o.has("width") || !o.has("height") || o.has("resolution")) return o;
        ObjectNode r = F.objectNode();
        r.set("width", o.get("width"));
        r.set("height", o.get("height"));
        return replaceField(o, "width", "resolution", r, Set.of("height"));
    }

    /** Format 0 stored times as seconds; format 1 as integer ticks (nearest tick). */
    private static ObjectNode secondsToTicks(ObjectNode o, String... fields) {
        double maxSeconds = (double) FormatLimits.MAX_TICKS / Ticks.PER_SECOND;
        for (String f : fields) {
            JsonNode v = o.get(f);
            if (v != null && v.isNumber() && Double.isFinite(v.asDouble()) && Math.abs(v.asDouble()) <= maxSeconds) {
                o.put(f, Ticks.ofSeconds(v.asDouble()));
            }
        }
        return o;
    }

    /** A description per step applied, with counts, in the order first applied. */
    static List<String> describe(List<Step> applied) {
        Map<Step, Integer> counts = new LinkedHashMap<>();
        applied.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((s, n) -> out.add(s.source() + " -> " + s.target() + " (" + n + (n == 1 ? " object" : " objects")
                + "): " + s.change()));
        return out;
    }
}
