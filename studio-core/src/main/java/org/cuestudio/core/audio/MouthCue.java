package org.cuestudio.core.audio;

import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;

/**
 * One mouth shape held over a time span, as lip-sync produces it: {@code [startTicks, endTicks)} in flicks, with
 * the Character Animator mouth that refines the shape (B is Ee in "bee", S in "see"). A lip-sync result is a list of
 * these that covers the audio from 0 to its end without gaps.
 */
public record MouthCue(long startTicks, long endTicks, MouthShape shape, AnimatorMouth mouth) {
    public MouthCue {
        if (startTicks < 0 || endTicks <= startTicks) {
            throw new IllegalArgumentException("empty or negative cue [" + startTicks + ", " + endTicks + ")");
        }
        if (shape == MouthShape.X ? mouth.isViseme() : !mouth.isViseme()) {
            throw new IllegalArgumentException("mouth " + mouth.layerName() + " does not go with shape " + shape);
        }
    }

    /** A cue whose mouth is the shape's default ({@link AnimatorMouth#of}). */
    public MouthCue(long startTicks, long endTicks, MouthShape shape) {
        this(startTicks, endTicks, shape, AnimatorMouth.of(shape));
    }
}
