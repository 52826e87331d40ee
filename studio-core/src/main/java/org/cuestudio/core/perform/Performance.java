package org.cuestudio.core.perform;

import java.util.List;
import org.cuestudio.core.time.FrameRate;

/**
 * A whole shot's performance of one character: exactly one {@link PerformanceFrame} per video frame of the shot,
 * and the behaviours the planner scheduled (gestures, nods, blinks) in time order.
 */
public record Performance(FrameRate frameRate, List<PerformanceFrame> frames, List<Behaviour> behaviours) {
    public Performance {
        frames = List.copyOf(frames);
        behaviours = List.copyOf(behaviours);
    }

    public Performance(FrameRate frameRate, List<PerformanceFrame> frames) {
        this(frameRate, frames, List.of());
    }

    public int frameCount() {
        return frames.size();
    }

    /** The behaviours of one kind, in time order. */
    public List<Behaviour> behaviours(Behaviour.Kind kind) {
        return behaviours.stream().filter(b -> b.kind() == kind).toList();
    }
}
