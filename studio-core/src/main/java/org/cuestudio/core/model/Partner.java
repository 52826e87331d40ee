package org.cuestudio.core.model;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.time.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * A second (third, ...) character in a shot, beside the shot's own character: its direction (one cue track per
 * lane) and its voice. The voice is either its own dialogue recording ({@code audio}), or the stretches
 * ({@code speaks}) of the shot's recording where it is the one speaking; the shot's own character then speaks in
 * the rest of the shot's recording. Each character listens while another speaks.
 *
 * @param audio its own recording (relative path), or null when it speaks in the shot's recording
 * @param speaks where it speaks in the shot's recording (used only when {@code audio} is null), in time order,
 *     not overlapping
 */
public record Partner(String characterId, @Nullable String audio, List<TimeRange> speaks, List<CueTrack> tracks) {
    public Partner {
        Ids.require(characterId, "character id");
        speaks = List.copyOf(speaks);
        for (int i = 1; i < speaks.size(); i++) {
            if (speaks.get(i).start() < speaks.get(i - 1).endExclusive()) {
                throw new IllegalArgumentException("speaker segments must be in time order and must not overlap");
            }
        }
        tracks = Shot.normaliseTracks(tracks);
    }

    public CueTrack track(CueLane lane) {
        return tracks.get(lane.ordinal());
    }

    public Partner withTrack(CueTrack track) {
        List<CueTrack> ts = new ArrayList<>(tracks);
        ts.set(track.lane().ordinal(), track);
        return new Partner(characterId, audio, speaks, ts);
    }
}
