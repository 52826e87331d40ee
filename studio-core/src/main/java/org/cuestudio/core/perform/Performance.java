package org.cuestudio.core.perform;

import java.util.List;
import org.cuestudio.core.time.FrameRate;

/** A whole shot's performance: exactly one {@link PerformanceFrame} per video frame of the shot. */
public record Performance(FrameRate frameRate, List<PerformanceFrame> frames) {
    public Performance {
        frames = List.copyOf(frames);
    }

    public int frameCount() {
        return frames.size();
    }
}
