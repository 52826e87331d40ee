package org.cuestudio.core.perform;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.cuestudio.core.model.MouthShape;

/**
 * What the character does on one frame, as a fixed vector of floats: the 52 ARKit blendshape weights (0..1)
 * followed by the {@link Channel}s. It is the contract between the planner and every renderer, the input of
 * segment cache keys, and what is exported as curves. Immutable.
 */
public final class PerformanceFrame {
    /** Number of blendshape channels at the start of the vector. */
    public static final int BLENDSHAPES = ArkitBlendshape.values().length;
    /** Length of the whole vector. */
    public static final int SIZE = BLENDSHAPES + Channel.values().length;

    private final float[] values;

    private PerformanceFrame(float[] values) {
        this.values = values;
    }

    /** A frame from a full vector of {@link #SIZE} values (copied). */
    public static PerformanceFrame of(float[] values) {
        if (values.length != SIZE) throw new IllegalArgumentException("expected " + SIZE + " values, got " + values.length);
        return new PerformanceFrame(values.clone());
    }

    /** The neutral rest pose. */
    public static PerformanceFrame neutral() {
        float[] v = new float[SIZE];
        v[Channel.MOUTH_SHAPE.index()] = MouthShape.X.ordinal();
        v[Channel.MOUTH_PREVIOUS.index()] = MouthShape.X.ordinal();
        return new PerformanceFrame(v);
    }

    public float get(ArkitBlendshape b) {
        return values[b.ordinal()];
    }

    public float get(Channel c) {
        return values[c.index()];
    }

    public MouthShape mouthShape() {
        return MouthShape.values()[Math.round(values[Channel.MOUTH_SHAPE.index()])];
    }

    /** The Character Animator mouth that refines {@link #mouthShape()}. */
    public org.cuestudio.core.model.AnimatorMouth animatorMouth() {
        var all = org.cuestudio.core.model.AnimatorMouth.values();
        return all[Math.max(0, Math.min(all.length - 1, Math.round(values[Channel.ANIMATOR_MOUTH.index()])))];
    }

    public HandPose leftHand() {
        return HandPose.values()[Math.round(values[Channel.LEFT_HAND_POSE.index()])];
    }

    public HandPose rightHand() {
        return HandPose.values()[Math.round(values[Channel.RIGHT_HAND_POSE.index()])];
    }

    /** A copy of the vector. */
    public float[] toArray() {
        return values.clone();
    }

    /** Appends the exact bits of the vector (for content hashes). */
    public void writeTo(ByteBuffer out) {
        for (float v : values) out.putFloat(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerformanceFrame f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PerformanceFrame" + Arrays.toString(values);
    }
}
