package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cuestudio.core.model.EmotionPreset;
import org.jspecify.annotations.Nullable;

/**
 * Reads emotion presets: the starter set Cue Studio ships ({@code assets/emotions/presets.json},
 * {@code "type": "EmotionPresets.1"}) that the studio offers beside the project's own presets. Every mistake is
 * reported with its line and column. Each preset is bound by {@link EmotionPresetBinding}, as the presets of a
 * project are, so both files have the same rules and messages.
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

    /** One preset, bound as the project reader binds the presets of a project (without the type tag). */
    private static @Nullable EmotionPreset preset(AssetFile in, JsonNode p, String at) {
        return EmotionPresetBinding.bind(p, at, "preset", false, in::problem);
    }
}
