package org.cuestudio.core.curves;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cuestudio.core.json.JsonText;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;

/**
 * Writes a performance as Cue Studio's curve JSON: every channel of the {@link PerformanceFrame} vector, one
 * array per channel, in the planner's own units and conventions (screen-space degrees, anatomical blendshapes).
 * It is the lossless export for scripts; the schema is in {@code docs/curves.md}:
 *
 * <pre>{@code
 * {"format": "cue-studio-curves", "version": 1, "frameRate": "25", "fps": 25, "frameCount": N,
 *  "source": {...}, "channels": [{"name": ..., "kind": ..., "unit": ...}, ...],
 *  "curves": {"eyeBlinkLeft": [N numbers], ...}}
 * }</pre>
 */
public final class CurvesJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "cue-studio-curves";
    /** The schema version; bumped when a field changes meaning. */
    public static final int VERSION = 1;

    /** What a channel holds, as described in the {@code channels} list. */
    public record ChannelInfo(String name, String kind, String unit, List<String> values) {}

    /** The channels in vector order: the 52 ARKit blendshapes, then the {@link Channel}s. */
    public static final List<ChannelInfo> CHANNELS = channels();

    private CurvesJson() {}

    /**
     * Writes the document; {@code source} (for example shot, character, seed, planner version) is copied into
     * the {@code source} object in its iteration order.
     */
    public static void write(Performance performance, Map<String, String> source, Appendable out) throws IOException {
        int n = performance.frameCount();
        out.append("{\n");
        out.append("  \"format\": \"").append(FORMAT).append("\",\n");
        out.append("  \"version\": ").append(Integer.toString(VERSION)).append(",\n");
        out.append("  \"frameRate\": \"").append(performance.frameRate().toString()).append("\",\n");
        out.append("  \"fps\": ").append(Decimals.format(performance.frameRate().fps())).append(",\n");
        out.append("  \"frameCount\": ").append(Integer.toString(n)).append(",\n");
        out.append("  \"source\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : source.entrySet()) {
            out.append(first ? "" : ", ").append(JsonText.quote(e.getKey())).append(": ").append(JsonText.quote(e.getValue()));
            first = false;
        }
        out.append("},\n");
        out.append("  \"channels\": [\n");
        for (int c = 0; c < CHANNELS.size(); c++) {
            ChannelInfo info = CHANNELS.get(c);
            out.append("    {\"name\": ").append(JsonText.quote(info.name())).append(", \"kind\": ").append(JsonText.quote(info.kind()))
                    .append(", \"unit\": ").append(JsonText.quote(info.unit()));
            if (!info.values().isEmpty()) {
                out.append(", \"values\": [");
                List<String> values = info.values();
                for (int i = 0; i < values.size(); i++) out.append(i == 0 ? "" : ", ").append(JsonText.quote(values.get(i)));
                out.append(']');
            }
            out.append(c + 1 < CHANNELS.size() ? "},\n" : "}\n");
        }
        out.append("  ],\n");
        out.append("  \"curves\": {\n");
        float[][] frames = new float[n][];
        for (int f = 0; f < n; f++) frames[f] = performance.frames().get(f).toArray();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < CHANNELS.size(); c++) {
            line.setLength(0);
            line.append("    ").append(JsonText.quote(CHANNELS.get(c).name())).append(": [");
            for (int f = 0; f < n; f++) Decimals.append(f == 0 ? line : line.append(", "), frames[f][c]);
            line.append(c + 1 < CHANNELS.size() ? "],\n" : "]\n");
            out.append(line);
        }
        out.append("  }\n");
        out.append("}\n");
    }

    /** The whole document as a string (for small performances and tests). */
    public static String toString(Performance performance, Map<String, String> source) {
        StringBuilder sb = new StringBuilder();
        try {
            write(performance, source, sb);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    /** {@code HEAD_YAW} to {@code headYaw}. */
    static String camelCase(Channel c) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : c.name().toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                sb.append(upper ? ch : java.lang.Character.toLowerCase(ch));
                upper = false;
            }
        }
        return sb.toString();
    }

    private static List<ChannelInfo> channels() {
        List<ChannelInfo> out = new java.util.ArrayList<>();
        for (ArkitBlendshape b : ArkitBlendshape.values()) out.add(new ChannelInfo(b.name(), "blendshape", "0..1", List.of()));
        for (Channel c : Channel.values()) {
            ChannelInfo info = switch (c) {
                case BODY_FORWARD -> new ChannelInfo(camelCase(c), "scalar", "-1..1", List.of());
                case BREATH -> new ChannelInfo(camelCase(c), "scalar", "0..1", List.of());
                case LEFT_HAND_POSE, RIGHT_HAND_POSE -> new ChannelInfo(camelCase(c), "enum", "index",
                        names(HandPose.values(), true));
                case MOUTH_SHAPE, MOUTH_PREVIOUS -> new ChannelInfo(camelCase(c), "enum", "index",
                        names(MouthShape.values(), false));
                case ANIMATOR_MOUTH -> new ChannelInfo(camelCase(c), "enum", "index",
                        java.util.Arrays.stream(org.cuestudio.core.model.AnimatorMouth.values())
                                .map(org.cuestudio.core.model.AnimatorMouth::layerName).toList());
                case MOUTH_PREVIOUS_WEIGHT -> new ChannelInfo(camelCase(c), "scalar", "0..0.5", List.of());
                default -> new ChannelInfo(camelCase(c), "angle", "degrees", List.of());
            };
            out.add(info);
        }
        return List.copyOf(out);
    }

    private static List<String> names(Enum<?>[] values, boolean lowerCase) {
        return java.util.Arrays.stream(values).map(v -> lowerCase ? v.name().toLowerCase(Locale.ROOT) : v.name())
                .toList();
    }
}
