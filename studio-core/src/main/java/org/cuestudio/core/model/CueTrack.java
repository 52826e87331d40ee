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
        cues = isSorted(cues) ? List.copyOf(cues) : cues.stream().sorted(ORDER).toList();
    }

    private static final Comparator<Cue> ORDER = Comparator.comparingLong((Cue c) -> c.range().start())
            .thenComparing(Cue::id);

    /** Whether the cues are already in track order, as they are when read from a file: then nothing is sorted. */
    private static boolean isSorted(List<Cue> cues) {
        for (int i = 1; i < cues.size(); i++) if (ORDER.compare(cues.get(i - 1), cues.get(i)) > 0) return false;
        return true;
    }

    /** The cues in effect at a tick (a cue's range is half-open), in start order. */
    public List<Cue> activeAt(long tick) {
        return cues.stream().takeWhile(c -> c.range().start() <= tick).filter(c -> c.range().contains(tick)).toList();
    }
}
