package org.cuestudio.core.audio;

import org.cuestudio.core.model.MouthShape;

/**
 * One mouth shape held over a time span, as lip-sync produces it: {@code [startTicks, endTicks)} in flicks.
 * A lip-sync result is a list of these that covers the audio from 0 to its end without gaps.
 */
public record MouthCue(long startTicks, long endTicks, MouthShape shape) {
    public MouthCue {
        if (startTicks < 0 || endTicks <= startTicks) {
            throw new IllegalArgumentException("empty or negative cue [" + startTicks + ", " + endTicks + ")");
        }
    }
}
