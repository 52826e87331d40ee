package org.cuestudio.core.model;

import org.cuestudio.core.time.TimeRange;

/** Where the character looks over a range. */
public record GazeCue(String id, TimeRange range, GazeTarget target) implements Cue {
    public GazeCue {
        Ids.require(id, "cue id");
    }

    @Override
    public GazeCue withRange(TimeRange r) {
        return new GazeCue(id, r, target);
    }

    @Override
    public String label() {
        return "Look " + target.label();
    }
}
