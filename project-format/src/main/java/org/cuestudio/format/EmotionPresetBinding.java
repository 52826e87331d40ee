package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.Ids;
import org.jspecify.annotations.Nullable;

/**
 * The binding of one emotion preset ({@code {"id", "label", "emotion", "blend"}}) and the rules of a blend, shared
 * by the project reader ({@code "emotionPresets"} of a {@code Project.2}, and the {@code "blend"} of an emotion
 * cue) and the shipped presets ({@code assets/emotions/presets.json}), so both say the same thing about the same
 * mistake. A preset is small and rare, so it is bound from a tree; problems are reported by JSON pointer.
 */
final class EmotionPresetBinding {
    private EmotionPresetBinding() {}

    /** Where problems go: a JSON pointer into the file, a message and a fix hint. */
    @FunctionalInterface
    interface Problems {
        void add(String pointer, String message, String hint);
    }

    /** What a preset id looks like: lower-case words joined by '-' (the model's rule). */
    static final String PRESET_ID = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    /** The fields of a preset, in the order they are written. */
    static final List<String> FIELDS = List.of("type", "id", "label", "emotion", "blend");

    /** The emotions that can be blended in: all but neutral. */
    static final List<String> BLENDABLE = Stream.of(Emotion.values()).filter(e -> e != Emotion.NEUTRAL)
            .map(ProjectReader::fileName).toList();

    /**
     * Binds the preset {@code p} found at {@code at}; null after reporting every problem. {@code typed}: whether
     * the object may (and in a project does) carry a {@code "type"}, which the caller has checked.
     */
    static @Nullable EmotionPreset bind(JsonNode p, String at, String noun, boolean typed, Problems out) {
        if (!p.isObject()) {
            out.add(at, noun + " must be an object, not " + kind(p), "write {\"id\": \"smug\", \"label\": \"Smug\","
                    + " \"emotion\": \"contempt\", \"blend\": {\"joy\": 0.4}}");
            return null;
        }
        int[] problems = {0};
        Problems count = (ptr, m, h) -> {
            problems[0]++;
            out.add(ptr, m, h);
        };
        JsonNode idNode = p.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        boolean goodId = id != null && id.matches(PRESET_ID) && Ids.isValid(id);
        String what = noun + (goodId ? " '" + id + "'" : "");
        List<String> fields = typed ? FIELDS : FIELDS.subList(1, FIELDS.size());
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                count.add(at + "/" + escape(f), what + " has a field \"" + ProjectReader.clip(f) + "\" that a preset"
                        + " does not have", Hints.didYouMean(f, fields) + "a preset has " + String.join(", ",
                                fields.stream().map(x -> "\"" + x + "\"").toList()));
            }
        }
        if (idNode == null) {
            count.add(at, what + " has no \"id\"", "add \"id\": \"smug\" (lower-case words joined by '-')");
        } else if (!goodId) {
            count.add(at + "/id", what + ": the id " + (id == null ? kind(idNode) : "\"" + ProjectReader.clip(id)
                    + "\"") + " is not a preset id", "preset ids are lower-case words joined by '-', at most "
                            + Ids.MAX_LENGTH + " characters, e.g. \"smug\"");
        }
        JsonNode labelNode = p.get("label");
        if (labelNode == null || (labelNode.isTextual() && labelNode.asText().isBlank())) {
            count.add(labelNode == null ? at : at + "/label", what + " has no \"label\"",
                    "add \"label\": \"Smug\" (the name the studio shows)");
        } else if (!labelNode.isTextual()) {
            count.add(at + "/label", what + ": \"label\" must be a text in quotes, not " + kind(labelNode),
                    "write \"label\": \"Smug\"");
        }
        Emotion main = null;
        JsonNode e = p.get("emotion");
        if (e == null) {
            count.add(at, what + " has no \"emotion\"", "add \"emotion\": \"contempt\" (the main emotion)");
        } else {
            main = emotion(e.isTextual() ? e.asText() : null);
            if (main == null) {
                String[] wrong = notAnEmotion(what, e.isTextual() ? e.asText() : null, e, false);
                count.add(at + "/emotion", wrong[0], wrong[1]);
            }
        }
        Map<Emotion, Double> blend = new EnumMap<>(Emotion.class);
        JsonNode b = p.get("blend");
        if (b != null && !b.isObject()) {
            count.add(at + "/blend", what + ": \"blend\" must be an object of emotions and weights, not " + kind(b),
                    BLEND_EXAMPLE);
        } else if (b != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode w = entry.getValue();
                Emotion k = emotion(entry.getKey());
                String[] wrong = entryProblem(what, entry.getKey(), k, w.isNumber() ? w.asDouble() : null,
                        w.isNumber() ? w.asText() : kind(w), main);
                if (wrong != null) count.add(at + "/blend/" + escape(entry.getKey()), wrong[0], wrong[1]);
                else blend.put(k, w.asDouble());
            }
        }
        if (problems[0] > 0) return null;
        try {
            return new EmotionPreset(id, labelNode.asText(), main, blend);
        } catch (IllegalArgumentException ex) {
            out.add(at, what + ": " + ex.getMessage(), "correct the value named above");
            return null;
        }
    }

    static final String BLEND_EXAMPLE = "write \"blend\": {\"sadness\": 0.6} (other emotions and their weights,"
            + " above 0 up to 1), or leave it out";

    /** The emotion with this name in a file, or null. */
    static @Nullable Emotion emotion(@Nullable String name) {
        if (name == null) return null;
        for (Emotion e : Emotion.values()) if (ProjectReader.fileName(e).equals(name)) return e;
        return null;
    }

    /**
     * What is wrong with the entry {@code key: weight} of the blend of {@code what} ({@code emotion}: the emotion
     * the key names, or null; {@code weight}: null when not a number, {@code weightText} as it was written;
     * {@code main}: the main emotion, or null when not known), as {message, hint}; null when it is fine.
     */
    static String @Nullable [] entryProblem(String what, String key, @Nullable Emotion emotion,
            @Nullable Double weight, String weightText, @Nullable Emotion main) {
        if (emotion == null) return notAnEmotion(what, key, null, true);
        if (emotion == Emotion.NEUTRAL) {
            return new String[] {what + ": \"neutral\" cannot be blended in",
                "neutral is no emotion at all: lower the \"intensity\" instead, or blend in another emotion"};
        }
        if (emotion == main) {
            return new String[] {what + ": \"" + key + "\" cannot be blended in: it is the main emotion",
                "blend in other emotions than the main one and neutral; to strengthen the main one raise its"
                        + " intensity"};
        }
        if (weight == null || !(weight > 0 && weight <= 1)) {
            return new String[] {what + ": the weight of \"" + key + "\" is " + ProjectReader.clip(weightText)
                    + "; blend weights are numbers above 0 up to 1",
                "e.g. \"" + key + "\": 0.4 (1 is as strong as the main emotion); leave an emotion out rather than"
                        + " weigh it 0"};
        }
        return null;
    }

    /** {message, hint} for a text that names no emotion (in a blend: where neutral is no choice). */
    static String[] notAnEmotion(String what, @Nullable String text, @Nullable JsonNode value, boolean inBlend) {
        List<String> choices = inBlend ? BLENDABLE : Stream.of(Emotion.values()).map(ProjectReader::fileName).toList();
        String shown = text != null ? "\"" + ProjectReader.clip(text) + "\"" : value == null ? "nothing" : kind(value);
        String meant = text == null ? null : Hints.closest(text, choices);
        return new String[] {what + ": " + shown + " is not an emotion" + (inBlend ? " that can be blended in" : ""),
            (meant != null ? "did you mean \"" + meant + "\"? " : "") + "use one of " + String.join(", ", choices)};
    }

    /** A field name as one step of a JSON pointer. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) return "the text \"" + ProjectReader.clip(n.asText()) + "\"";
        if (n.isNumber()) return ProjectReader.clip(n.asText());
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isBoolean()) return "true/false";
        if (n.isNull()) return "null";
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
