package org.cuestudio.core.export.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.json.JsonText;
import org.cuestudio.core.json.JsonText.Raw;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.time.FrameRate;

/**
 * Writes an {@link EditorialTimeline} as an OpenTimelineIO JSON file ({@code .otio}): a {@code Timeline.1} whose
 * {@code Stack.1} holds a video and an audio {@code Track.1} of {@code Clip.2}s, each pointing at its media
 * through an {@code ExternalReference.1}; the cues are {@code Marker.2}s on the video clips. Our metadata sits
 * under the {@code "cue_studio"} key, as OTIO asks of applications.
 *
 * <p>Times are {@code RationalTime.1} in whole frames at the shot's rate ({@code 24000/1001} written as the double
 * OTIO itself uses), so frame {@code n} comes back as exactly {@code n}; the marker metadata also keeps the cue's
 * exact start and duration in ticks.
 */
public final class OtioWriter {
    /** Key under which Cue Studio's metadata is stored in every OTIO object. */
    public static final String METADATA_KEY = "cue_studio";

    private OtioWriter() {}

    /** The timeline as an OTIO document. */
    public static String write(EditorialTimeline timeline) {
        FrameRate rate = timeline.frameRate();
        List<Object> video = new ArrayList<>();
        List<Object> audio = new ArrayList<>();
        for (EditorialTimeline.Clip c : timeline.clips()) {
            video.add(clip(c, rate, true));
            audio.add(clip(c, rate, false));
        }
        Map<String, Object> stack = item("Stack.1", Map.of(), "tracks");
        stack.put("children", List.of(track("Video", video), track("Audio", audio)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("OTIO_SCHEMA", "Timeline.1");
        root.put("metadata", Map.of(METADATA_KEY, timeline.metadata()));
        root.put("name", timeline.name());
        root.put("global_start_time", time(0, rate));
        root.put("tracks", stack);
        return JsonText.write(root);
    }

    private static Map<String, Object> track(String kind, List<Object> children) {
        Map<String, Object> t = item("Track.1", Map.of(), kind);
        t.put("children", children);
        t.put("kind", kind);
        return t;
    }

    /** The fields every OTIO item has, in the order OTIO writes them, with no range, effects or markers. */
    private static Map<String, Object> item(String schema, Map<String, ?> metadata, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OTIO_SCHEMA", schema);
        m.put("metadata", metadata.isEmpty() ? Map.of() : Map.of(METADATA_KEY, metadata));
        m.put("name", name);
        m.put("source_range", null);
        m.put("effects", List.of());
        m.put("markers", List.of());
        m.put("enabled", true);
        return m;
    }

    private static Map<String, Object> clip(EditorialTimeline.Clip c, FrameRate rate, boolean withMarkers) {
        Map<String, Object> clip = item("Clip.2", c.metadata(), c.name());
        clip.put("source_range", range(0, c.frames(), rate));
        if (withMarkers) clip.put("markers", c.markers().stream().map(m -> marker(m, rate)).toList());
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("OTIO_SCHEMA", "ExternalReference.1");
        ref.put("metadata", Map.of());
        ref.put("name", "");
        ref.put("available_range", range(0, c.frames(), rate));
        ref.put("available_image_bounds", null);
        ref.put("target_url", c.media().toString());
        clip.put("media_references", Map.of("DEFAULT_MEDIA", ref));
        clip.put("active_media_reference_key", "DEFAULT_MEDIA");
        return clip;
    }

    private static Map<String, Object> marker(EditorialTimeline.Marker m, FrameRate rate) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("cue", m.cueId());
        meta.put("lane", m.lane().name().toLowerCase(java.util.Locale.ROOT));
        meta.put("start_ticks", Long.toString(m.startTicks()));
        meta.put("duration_ticks", Long.toString(m.durationTicks()));
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("OTIO_SCHEMA", "Marker.2");
        marker.put("metadata", Map.of(METADATA_KEY, meta));
        marker.put("name", m.name());
        marker.put("color", color(m.lane()));
        marker.put("marked_range", range(m.startFrame(), m.frames(), rate));
        marker.put("comment", m.lane().label() + " cue '" + m.cueId() + "'");
        return marker;
    }

    /** One of OTIO's marker colours per lane, so an editor can tell the lanes apart. */
    static String color(CueLane lane) {
        return switch (lane) {
            case EMOTION -> "RED";
            case GESTURE -> "GREEN";
            case GAZE -> "CYAN";
            case TIMING -> "YELLOW";
            case MOUTH -> "PINK";
        };
    }

    private static Map<String, Object> range(long startFrame, long frames, FrameRate rate) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("OTIO_SCHEMA", "TimeRange.1");
        r.put("duration", time(frames, rate));
        r.put("start_time", time(startFrame, rate));
        return r;
    }

    private static Map<String, Object> time(long frame, FrameRate rate) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("OTIO_SCHEMA", "RationalTime.1");
        t.put("rate", new Raw(rateLiteral(rate)));
        t.put("value", new Raw(frame + ".0"));
        return t;
    }

    /** The rate as OTIO stores it: the nearest double to the exact fraction ({@code 23.976023976023978}). */
    static String rateLiteral(FrameRate rate) {
        return Double.toString(rate.fps());
    }
}
