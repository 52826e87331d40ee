package org.cuestudio.core.export.timeline;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * What an editorial timeline holds, whatever its file format: one clip per exported media file, back to back on
 * one track, each carrying the shot's cues as markers and its take's metadata. All times are whole frames of
 * {@link #frameRate()}, so every format can write them exactly.
 */
public record EditorialTimeline(String name, FrameRate frameRate, Resolution resolution, List<Clip> clips,
        Map<String, String> metadata) {
    public EditorialTimeline {
        if (clips.isEmpty()) throw new IllegalArgumentException("a timeline needs at least one clip");
        clips = List.copyOf(clips);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** One exported media file on the timeline, from its first frame, {@code frames} long. */
    public record Clip(String name, URI media, long frames, List<Marker> markers, Map<String, String> metadata) {
        public Clip {
            if (frames <= 0) throw new IllegalArgumentException("clip '" + name + "' must be at least one frame long");
            markers = List.copyOf(markers);
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * A cue as a marker: {@code startFrame} is the frame that shows the cue's start tick, {@code frames} runs to
     * the frame that shows its last tick (at least one). The exact ticks are kept for formats that can carry them.
     */
    public record Marker(String name, CueLane lane, String cueId, long startFrame, long frames, long startTicks,
            long durationTicks) {}

    /** The media of one clip: an exported file and, where it is a take's export, that take. */
    public record Media(URI uri, @Nullable Take take) {}

    /**
     * The timeline of a shot whose exports are {@code media}, each {@code frames} long (the shot's length):
     * markers for every cue that starts within the shot, clipped to its end.
     */
    public static EditorialTimeline forShot(String projectName, Shot shot, long frames, List<Media> media) {
        List<Marker> markers = markers(shot, frames);
        List<Clip> clips = new ArrayList<>();
        for (Media m : media) {
            Take take = m.take();
            String clipName = take == null ? shot.name() : shot.name() + " - " + take.name();
            clips.add(new Clip(clipName, m.uri(), frames, markers, takeMetadata(shot, take)));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("project", projectName);
        meta.put("shot", shot.id());
        meta.put("character", shot.characterId());
        meta.put("frame_rate", shot.frameRate().toString());
        return new EditorialTimeline(projectName + " - " + shot.name(), shot.frameRate(), shot.resolution(), clips,
                meta);
    }

    /** The shot's cues as markers, by start time; cues starting at or after the shot's end are left out. */
    static List<Marker> markers(Shot shot, long frames) {
        FrameRate rate = shot.frameRate();
        List<Marker> out = new ArrayList<>();
        for (Cue c : shot.allCues()) {
            long first = rate.ticksToFrame(c.range().start());
            if (first >= frames) continue;
            long last = Math.min(frames - 1, rate.ticksToFrame(c.range().endExclusive() - 1));
            CueLane lane = CueLane.of(c);
            out.add(new Marker(lane.label() + ": " + c.label(), lane, c.id(), first, Math.max(1, last - first + 1),
                    c.range().start(), c.range().duration()));
        }
        return out;
    }

    private static Map<String, String> takeMetadata(Shot shot, @Nullable Take take) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("shot", shot.id());
        if (take == null) return meta;
        meta.put("take", take.id());
        meta.put("take_name", take.name());
        meta.put("seed", Long.toString(take.seed()));
        meta.put("rating", Integer.toString(take.rating()));
        meta.put("circled", Boolean.toString(take.circled()));
        meta.put("notes", take.notes());
        meta.put("quality", take.quality().id());
        meta.put("resolution", take.resolution().toString());
        meta.put("created_at", take.createdAt());
        meta.put("backend", take.backendId() + (take.backendVersion().isEmpty() ? "" : " " + take.backendVersion()));
        return meta;
    }
}
