package org.cuestudio.core.audio;

import java.util.Arrays;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;

/**
 * The lip-sync result on every video frame: the Rhubarb shape and the Character Animator mouth that refines it
 * (frames at rest have shape X and mouth Neutral).
 */
public record MouthTrack(MouthShape[] shapes, AnimatorMouth[] mouths) {
    public MouthTrack {
        if (shapes.length != mouths.length) throw new IllegalArgumentException("shape and mouth tracks differ in length");
    }

    /** A track of shapes alone: each frame shows its shape's default mouth ({@link AnimatorMouth#of}). */
    public static MouthTrack of(MouthShape[] shapes) {
        AnimatorMouth[] m = new AnimatorMouth[shapes.length];
        for (int f = 0; f < shapes.length; f++) m[f] = AnimatorMouth.of(shapes[f]);
        return new MouthTrack(shapes.clone(), m);
    }

    public int frameCount() {
        return shapes.length;
    }

    /** The same track with the frames not kept at rest. */
    MouthTrack masked(boolean[] keep) {
        MouthShape[] s = shapes.clone();
        AnimatorMouth[] m = mouths.clone();
        for (int f = 0; f < s.length; f++) {
            if (keep[f]) continue;
            s[f] = MouthShape.X;
            m[f] = AnimatorMouth.NEUTRAL;
        }
        return new MouthTrack(s, m);
    }

    /** The same track over {@code frames} frames: cut, or padded at rest. */
    MouthTrack fitted(int frames) {
        MouthShape[] s = Arrays.copyOf(shapes, frames);
        AnimatorMouth[] m = Arrays.copyOf(mouths, frames);
        for (int f = shapes.length; f < frames; f++) {
            s[f] = MouthShape.X;
            m[f] = AnimatorMouth.NEUTRAL;
        }
        return new MouthTrack(s, m);
    }
}
