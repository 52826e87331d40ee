package org.cuestudio.inference.render;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.PerformanceFrame;

/** Builds {@link PerformanceFrame}s by hand, for stills, benchmarks and tests; starts from the neutral pose. */
final class FrameBuilder {
    private final float[] v = PerformanceFrame.neutral().toArray();

    FrameBuilder set(Channel c, double value) {
        v[c.index()] = (float) value;
        return this;
    }

    FrameBuilder set(ArkitBlendshape b, double value) {
        v[b.ordinal()] = (float) value;
        return this;
    }

    /** The mouth cross-fading from {@code previous}, which still shows with {@code weight} (0..0.5). */
    FrameBuilder mouthFrom(MouthShape previous, double weight) {
        set(Channel.MOUTH_PREVIOUS, previous.ordinal());
        return set(Channel.MOUTH_PREVIOUS_WEIGHT, weight);
    }

    FrameBuilder mouth(MouthShape s) {
        return set(Channel.MOUTH_SHAPE, s.ordinal());
    }

    /** A spoken shape refined into one of Character Animator's mouths (e.g. B as Ee). */
    FrameBuilder mouth(MouthShape s, org.cuestudio.core.model.AnimatorMouth m) {
        return mouth(s).set(Channel.ANIMATOR_MOUTH, m.ordinal());
    }

    FrameBuilder leftHand(HandPose p) {
        return set(Channel.LEFT_HAND_POSE, p.ordinal());
    }

    FrameBuilder rightHand(HandPose p) {
        return set(Channel.RIGHT_HAND_POSE, p.ordinal());
    }

    FrameBuilder blink(double w) {
        return set(ArkitBlendshape.eyeBlinkLeft, w).set(ArkitBlendshape.eyeBlinkRight, w);
    }

    FrameBuilder gaze(double yaw, double pitch) {
        return set(Channel.EYE_YAW, yaw).set(Channel.EYE_PITCH, pitch);
    }

    PerformanceFrame build() {
        return PerformanceFrame.of(v);
    }

    /** {@code n} frames with a little of everything moving (head, gaze, body, arms, hands, blinks, mouths and their cross-fades). */
    static List<PerformanceFrame> varied(int n) {
        List<PerformanceFrame> out = new ArrayList<>();
        MouthShape[] mouths = MouthShape.values();
        for (int i = 0; i < n; i++) {
            double t = i / 25.0;
            out.add(new FrameBuilder().set(Channel.HEAD_YAW, 20 * Math.sin(t)).set(Channel.HEAD_ROLL, 5 * Math.sin(1.3 * t))
                    .set(Channel.HEAD_PITCH, 6 * Math.sin(0.7 * t)).gaze(25 * Math.sin(2 * t), 10 * Math.cos(t))
                    .set(Channel.BODY_LEAN, 3 * Math.sin(0.5 * t)).set(Channel.BREATH, 0.5 + 0.5 * Math.sin(t))
                    .set(Channel.LEFT_SHOULDER, 60 + 40 * Math.sin(t)).set(Channel.LEFT_ELBOW, 30 + 20 * Math.sin(2 * t))
                    .set(Channel.RIGHT_SHOULDER, 10 * (1 + Math.sin(t))).leftHand(HandPose.values()[i % 5])
                    .blink(i % 17 == 0 ? 1 : 0).mouth(mouths[i % mouths.length])
                    .mouthFrom(mouths[(i + 4) % mouths.length], i % 3 == 0 ? 0.5 : i % 3 == 1 ? 0.1 : 0).build());
        }
        return out;
    }
}
