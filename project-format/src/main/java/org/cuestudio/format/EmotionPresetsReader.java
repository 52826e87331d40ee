package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionPreset;
import org.jspecify.annotations.Nullable;

/**
 * Reads emotion presets: the starter set Cue Studio ships ({@code assets/emotions/presets.json},
 * {@code "type": "EmotionPresets.1"}) that the studio offers beside the project's own presets. Every mistake is
 * reported with its line and column.
 */
public final class EmotionPresetsReader {
    /** The shipped presets under an installation's (or a checkout's) {@code assets} folder. */
    public static final String ASSETS_PATH = "assets/emotions/presets.json";

    private EmotionPresetsReader() {}

    public static List<EmotionPreset> read(Path file) throws ProjectFormatException {
        AssetFile in = AssetFile.read(file, "the emotion presets", ASSETS_PATH);
        List<EmotionPreset> out = new ArrayList<>();
        JsonNode ps = in.array("EmotionPresets.1", "presets", "{\"id\": \"smug\", ...}");
        if (ps != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < ps.size(); i++) {
                EmotionPreset p = preset(in, ps.get(i), "/presets/" + i);
                if (p != null && !ids.add(p.id())) {
                    in.problem("/presets/" + i + "/id", "preset '" + p.id() + "' is defined twice",
                            "give each preset its own id");
                } else if (p != null) {
                    out.add(p);
                }
            }
        }
        in.throwProblems();
        return List.copyOf(out);
    }

    private static @Nullable EmotionPreset preset(AssetFile in, JsonNode p, String at) {
        int before = in.problemCount();
        String id = p.path("id").asText("");
        String what = "preset " + (id.isEmpty() ? at : "'" + id + "'");
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            in.problem(at + "/id", what + " needs an \"id\" of lower-case words joined by '-'", "e.g. \"smug\"");
        }
        String label = p.path("label").asText("");
        if (label.isBlank()) in.problem(at, what + " has no \"label\"", "add \"label\": \"Smug\"");
        Emotion main = emotion(in, p.path("emotion"), at + "/emotion", what);
        Map<Emotion, Double> blend = new EnumMap<>(Emotion.class);
        p.path("blend").fields().forEachRemaining(e -> {
            Emotion k = emotion(in, new com.fasterxml.jackson.databind.node.TextNode(e.getKey()), at + "/blend/"
                    + e.getKey(), what);
            double w = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || !(w > 0 && w <= 1)) {
                in.problem(at + "/blend/" + e.getKey(), what + ": blend weights are numbers above 0 up to 1",
                        "e.g. \"joy\": 0.4");
            } else if (k != null && (k == main || k == Emotion.NEUTRAL)) {
                in.problem(at + "/blend/" + e.getKey(), what + ": \"" + e.getKey() + "\" cannot be blended in",
                        "blend other emotions than the main one and neutral");
            } else if (k != null) {
                blend.put(k, w);
            }
        });
        if (in.problemCount() > before || main == null) return null;
        return new EmotionPreset(id, label, main, blend);
    }

    private static @Nullable Emotion emotion(AssetFile in, JsonNode v, String at, String what) {
        for (Emotion e : Emotion.values()) if (ProjectReader.fileName(e).equals(v.asText(null))) return e;
        in.problem(at, what + ": " + (v.isMissingNode() ? "no \"emotion\"" : v + " is not an emotion"),
                "use one of neutral, joy, sadness, anger, fear, surprise, disgust, contempt");
        return null;
    }
}
