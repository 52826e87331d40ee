package org.cuestudio.core.export.timeline;

import java.util.Map;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link EditorialTimeline} as FCPXML 1.9 (Final Cut Pro 10.5 and later, DaVinci Resolve 17 and later):
 * a {@code format} with the exact {@code frameDuration}, one {@code asset} per media file (a {@code media-rep}
 * with its file URL), and a project whose spine holds one {@code asset-clip} per clip with the cues as
 * {@code marker}s, the take's summary as its {@code note}, Final Cut's scene/take/notes metadata and, for a circled
 * take, a {@code favorite} rating.
 *
 * <p>Times are rational seconds over the frame rate's own denominator ({@code 1001/24000s} is one frame at
 * 23.976), so every frame boundary is exact. studio-core has no XML library: text is escaped here.
 */
public final class FcpxmlWriter {
    /** The FCPXML version written. */
    public static final String VERSION = "1.9";

    private FcpxmlWriter() {}

    /** The timeline as an FCPXML document. */
    public static String write(EditorialTimeline timeline) {
        FrameRate rate = timeline.frameRate();
        long total = timeline.clips().stream().mapToLong(EditorialTimeline.Clip::frames).sum();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n");
        x.append("<fcpxml version=\"").append(VERSION).append("\">\n");
        x.append("  <resources>\n");
        x.append("    <format id=\"r1\"").append(attr("frameDuration", time(1, rate)))
                .append(attr("width", Integer.toString(timeline.resolution().width())))
                .append(attr("height", Integer.toString(timeline.resolution().height())))
                .append(attr("colorSpace", "1-1-1 (Rec. 709)")).append("/>\n");
        for (int i = 0; i < timeline.clips().size(); i++) {
            EditorialTimeline.Clip c = timeline.clips().get(i);
            x.append("    <asset").append(attr("id", assetId(i))).append(attr("name", c.name()))
                    .append(attr("start", "0s")).append(attr("duration", time(c.frames(), rate)))
                    .append(attr("hasVideo", "1")).append(attr("format", "r1")).append(attr("videoSources", "1"))
                    .append(attr("hasAudio", "1")).append(attr("audioSources", "1"))
                    .append(attr("audioChannels", "2")).append(attr("audioRate", "48000")).append(">\n");
            x.append("      <media-rep").append(attr("kind", "original-media")).append(attr("src", c.media().toString()))
                    .append("/>\n");
            x.append("    </asset>\n");
        }
        x.append("  </resources>\n");
        x.append("  <library>\n");
        x.append("    <event").append(attr("name", timeline.metadata().getOrDefault("project", timeline.name())))
                .append(">\n");
        x.append("      <project").append(attr("name", timeline.name())).append(">\n");
        x.append("        <sequence").append(attr("format", "r1")).append(attr("duration", time(total, rate)))
                .append(attr("tcStart", "0s")).append(attr("tcFormat", "NDF")).append(attr("audioLayout", "stereo"))
                .append(attr("audioRate", "48k")).append(">\n");
        x.append("          <spine>\n");
        long offset = 0;
        for (int i = 0; i < timeline.clips().size(); i++) {
            EditorialTimeline.Clip c = timeline.clips().get(i);
            clip(x, c, assetId(i), offset, rate);
            offset += c.frames();
        }
        x.append("          </spine>\n");
        x.append("        </sequence>\n");
        x.append("      </project>\n");
        x.append("    </event>\n");
        x.append("  </library>\n");
        x.append("</fcpxml>\n");
        return x.toString();
    }

    private static void clip(StringBuilder x, EditorialTimeline.Clip c, String ref, long offset, FrameRate rate) {
        String pad = "            ";
        x.append(pad).append("<asset-clip").append(attr("ref", ref)).append(attr("offset", time(offset, rate)))
                .append(attr("name", c.name())).append(attr("start", "0s")).append(attr("duration", time(c.frames(), rate)))
                .append(attr("format", "r1")).append(attr("tcFormat", "NDF")).append(attr("audioRole", "dialogue"))
                .append(">\n");
        Map<String, String> meta = c.metadata();
        // DTD order: note, markers and ratings, metadata.
        x.append(pad).append("  <note>").append(escape(note(meta))).append("</note>\n");
        for (EditorialTimeline.Marker m : c.markers()) {
            x.append(pad).append("  <marker").append(attr("start", time(m.startFrame(), rate)))
                    .append(attr("duration", time(m.frames(), rate))).append(attr("value", m.name()))
                    .append(attr("note", m.lane().label() + " cue '" + m.cueId() + "'")).append("/>\n");
        }
        if (Boolean.parseBoolean(meta.get("circled"))) {
            x.append(pad).append("  <rating").append(attr("name", "Circled")).append(attr("start", "0s"))
                    .append(attr("duration", time(c.frames(), rate))).append(attr("value", "favorite")).append("/>\n");
        }
        x.append(pad).append("  <metadata>\n");
        md(x, pad, "com.apple.proapps.studio.scene", meta.get("shot"));
        md(x, pad, "com.apple.proapps.studio.shot", meta.get("take"));
        md(x, pad, "com.apple.proapps.spotlight.kMDItemDescription", meta.get("notes"));
        x.append(pad).append("  </metadata>\n");
        x.append(pad).append("</asset-clip>\n");
    }

    private static void md(StringBuilder x, String pad, String key, @Nullable String value) {
        if (value == null || value.isEmpty()) return;
        x.append(pad).append("    <md").append(attr("key", key)).append(attr("value", value)).append("/>\n");
    }

    /** The take in one line for the clip's note: what an editor needs to ask for it again. */
    static String note(Map<String, String> meta) {
        String take = meta.get("take");
        if (take == null) return "Cue Studio shot " + meta.get("shot");
        StringBuilder sb = new StringBuilder("Cue Studio shot ").append(meta.get("shot")).append(", take ").append(take);
        if (!take.equals(meta.get("take_name"))) sb.append(" (").append(meta.get("take_name")).append(')');
        sb.append(": seed ").append(meta.get("seed")).append(", rating ").append(meta.get("rating")).append("/5");
        if (Boolean.parseBoolean(meta.get("circled"))) sb.append(", circled");
        sb.append(", ").append(meta.get("quality")).append(' ').append(meta.get("resolution"));
        if (!meta.getOrDefault("notes", "").isEmpty()) sb.append(". Notes: ").append(meta.get("notes"));
        return sb.toString();
    }

    private static String assetId(int clip) {
        return "r" + (clip + 2);
    }

    /**
     * {@code frames} frames as FCPXML rational seconds over the rate's numerator: {@code frames * den / num}
     * seconds, unreduced ({@code 3003/24000s}), as Final Cut writes them; {@code 0s} for zero.
     */
    static String time(long frames, FrameRate rate) {
        if (frames == 0) return "0s";
        return Math.multiplyExact(frames, (long) rate.denominator()) + "/" + rate.numerator() + "s";
    }

    private static String attr(String name, String value) {
        return " " + name + "=\"" + escape(value) + "\"";
    }

    /**
     * Text for an attribute or element: markup characters as entities, line breaks and tabs as character
     * references (so attribute values keep them), and characters XML 1.0 cannot hold replaced by U+FFFD.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> {
                    boolean surrogatePair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (surrogatePair) {
                        sb.append(ch).append(s.charAt(++i));
                    } else if (ch < 0x20 || Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
