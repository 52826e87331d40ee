package org.cuestudio.core.model;

import java.util.Comparator;
import java.util.List;

/** A lane's cues, kept sorted by start time; every cue must belong to the lane. */
public record CueTrack(CueLane lane, List<Cue> cues) {
    public CueTrack {
        for (Cue c : cues) {
            if (CueLane.of(c) != lane) {
                throw new IllegalArgumentException("cue '" + c.id() + "' is a " + CueLane.of(c).label()
                        + " cue and cannot sit on the " + lane.label() + " track");
            }
        }
        cues = cues.stream().sorted(Comparator.comparingLong((Cue c) -> c.range().start()).thenComparing(Cue::id))
                .toList();
    }

    /** The cues in effect at a tick (a cue's range is half-open), in start order. */
    public List<Cue> activeAt(long tick) {
        return cues.stream().takeWhile(c -> c.range().start() <= tick).filter(c -> c.range().contains(tick)).toList();
    }
}
