package org.cuestudio.core.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cuestudio.core.json.JsonText;

/**
 * Writes mouth cues in Rhubarb Lip Sync's output formats, so Cue Studio is a drop-in for Rhubarb users. TSV: one
 * {@code seconds<TAB>shape} line per change with two decimals, the last line the end of the audio with shape X.
 * JSON: Rhubarb's {@code {"metadata": {...}, "mouthCues": [{"start", "end", "value"}]}} layout. The values are
 * Rhubarb's shape letters, or with {@link Naming#ANIMATOR} Character Animator's mouth names (Aa, Ee, W-Oo...,
 * Neutral at rest) in the same layouts.
 */
public final class RhubarbFormat {
    private RhubarbFormat() {}

    /** What a cue's value is called. */
    public enum Naming {
        /** Rhubarb's nine letters A-H, X. */
        RHUBARB,
        /** Character Animator's mouth layer names; rest is Neutral. */
        ANIMATOR;

        String of(MouthCue c) {
            return this == RHUBARB ? c.shape().name() : c.mouth().layerName();
        }

        String rest() {
            return this == RHUBARB ? "X" : org.cuestudio.core.model.AnimatorMouth.NEUTRAL.layerName();
        }
    }

    public static String tsv(List<MouthCue> cues, long durationTicks) {
        return tsv(cues, durationTicks, Naming.RHUBARB);
    }

    public static String json(List<MouthCue> cues, String soundFile, long durationTicks) {
        return json(cues, soundFile, durationTicks, Naming.RHUBARB);
    }

    /**
     * Rhubarb TSV. A cue shorter than the printed resolution (same centisecond as the next change) gives way to the
     * next one, and neighbours that print the same shape are merged, as Rhubarb never prints either.
     */
    public static String tsv(List<MouthCue> cues, long durationTicks, Naming naming) {
        List<String[]> lines = new ArrayList<>();
        for (MouthCue c : cues) {
            String[] line = {fmt(c.startTicks()), naming.of(c)};
            if (!lines.isEmpty() && lines.getLast()[0].equals(line[0])) lines.removeLast();
            if (!lines.isEmpty() && lines.getLast()[1].equals(line[1])) continue;
            lines.add(line);
        }
        String end = fmt(durationTicks);
        if (!lines.isEmpty() && lines.getLast()[0].equals(end)) lines.removeLast();
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) sb.append(l[0]).append('\t').append(l[1]).append('\n');
        return sb.append(end).append('\t').append(naming.rest()).append('\n').toString();
    }

    /** Rhubarb JSON ({@code soundFile} is written as given, escaped); neighbours of the same value are merged. */
    public static String json(List<MouthCue> all, String soundFile, long durationTicks, Naming naming) {
        List<MouthCue> cues = new ArrayList<>();
        for (MouthCue c : all) {
            MouthCue last = cues.isEmpty() ? null : cues.getLast();
            if (last != null && naming.of(last).equals(naming.of(c)) && last.endTicks() == c.startTicks()) {
                cues.set(cues.size() - 1, new MouthCue(last.startTicks(), c.endTicks(), last.shape(), last.mouth()));
            } else {
                cues.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"metadata\": {\n    \"soundFile\": ").append(JsonText.quote(soundFile)).append(",\n")
                .append("    \"duration\": ").append(fmt(durationTicks)).append("\n  },\n  \"mouthCues\": [\n");
        for (int i = 0; i < cues.size(); i++) {
            MouthCue c = cues.get(i);
            sb.append("    { \"start\": ").append(fmt(c.startTicks())).append(", \"end\": ").append(fmt(c.endTicks()))
                    .append(", \"value\": \"").append(naming.of(c)).append("\" }")
                    .append(i + 1 < cues.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static String fmt(long ticks) {
        return String.format(Locale.ROOT, "%.2f", LipSync.seconds(ticks));
    }
}
