package org.cuestudio.core.perform;

import java.util.List;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.CueTrack;

/**
 * One character of a shot as the planner sees it: who it is, its direction (one cue track per lane) and its
 * voice (the features of what it says, silent where it does not speak). See {@link Cast} for building the
 * performers of a shot.
 */
public record Performer(Character character, List<CueTrack> tracks, AudioFeatures voice) {
    public Performer {
        tracks = List.copyOf(tracks);
    }
}
