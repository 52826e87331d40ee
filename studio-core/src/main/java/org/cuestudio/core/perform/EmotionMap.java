package org.cuestudio.core.perform;

import static org.cuestudio.core.perform.ArkitBlendshape.*;

import java.util.EnumMap;
import java.util.Map;
import org.cuestudio.core.model.Emotion;

/**
 * How each emotion shows: ARKit blendshape weights built from FACS action units, and what it does to posture,
 * blinking and motion energy. Weights are for intensity 1.
 */
final class EmotionMap {
    /** Posture and tempo that an emotion brings (per unit of intensity). */
    record Posture(double headPitch, double headRoll, double headYaw, double bodyForward, double blinkRateFactor,
            double energy) {}

    private static final Map<Emotion, float[]> FACE = new EnumMap<>(Emotion.class);
    private static final Map<Emotion, Posture> POSTURE = new EnumMap<>(Emotion.class);

    static {
        // AU6 cheek raiser + AU12 lip corner puller.
        define(Emotion.JOY, mouthSmileLeft, .85, mouthSmileRight, .85, cheekSquintLeft, .55, cheekSquintRight, .55,
                eyeSquintLeft, .3, eyeSquintRight, .3, browOuterUpLeft, .15, browOuterUpRight, .15);
        // AU1 inner brow raiser + AU4 brow lowerer + AU15 lip corner depressor.
        define(Emotion.SADNESS, browInnerUp, .8, browDownLeft, .25, browDownRight, .25, mouthFrownLeft, .65,
                mouthFrownRight, .65, eyeLookDownLeft, .15, eyeLookDownRight, .15, mouthShrugLower, .3);
        // AU4 + AU5 upper lid raiser + AU7 lid tightener + AU23 lip tightener.
        define(Emotion.ANGER, browDownLeft, .95, browDownRight, .95, eyeWideLeft, .2, eyeWideRight, .2,
                eyeSquintLeft, .35, eyeSquintRight, .35, mouthPressLeft, .6, mouthPressRight, .6, noseSneerLeft, .25,
                noseSneerRight, .25);
        // AU1 + AU2 + AU4 + AU5 + AU20 lip stretcher + AU26 jaw drop.
        define(Emotion.FEAR, browInnerUp, .85, browOuterUpLeft, .5, browOuterUpRight, .5, browDownLeft, .3,
                browDownRight, .3, eyeWideLeft, .8, eyeWideRight, .8, mouthStretchLeft, .55, mouthStretchRight, .55,
                jawOpen, .15);
        // AU1 + AU2 + AU5 + AU26.
        define(Emotion.SURPRISE, browInnerUp, .9, browOuterUpLeft, .9, browOuterUpRight, .9, eyeWideLeft, .75,
                eyeWideRight, .75, jawOpen, .4);
        // AU9 nose wrinkler + AU15 + AU16 lower lip depressor (+ AU10 upper lip raiser).
        define(Emotion.DISGUST, noseSneerLeft, .8, noseSneerRight, .8, mouthUpperUpLeft, .5, mouthUpperUpRight, .5,
                mouthFrownLeft, .4, mouthFrownRight, .4, browDownLeft, .4, browDownRight, .4, mouthLowerDownLeft, .3,
                mouthLowerDownRight, .3);
        // AU12 + AU14 on one side only.
        define(Emotion.CONTEMPT, mouthSmileRight, .55, mouthDimpleRight, .45, eyeSquintLeft, .15, eyeSquintRight, .15,
                browDownLeft, .1);
        define(Emotion.NEUTRAL);

        POSTURE.put(Emotion.NEUTRAL, new Posture(0, 0, 0, 0, 1, 1));
        POSTURE.put(Emotion.JOY, new Posture(3, 2, 0, .25, 1.0, 1.3));
        POSTURE.put(Emotion.SADNESS, new Posture(-9, -2, 0, -.35, .7, .55));
        POSTURE.put(Emotion.ANGER, new Posture(-4, 0, 0, .45, .8, 1.4));
        POSTURE.put(Emotion.FEAR, new Posture(-3, 0, -3, -.5, 1.6, 1.3));
        POSTURE.put(Emotion.SURPRISE, new Posture(5, 0, 0, -.35, .6, 1.2));
        POSTURE.put(Emotion.DISGUST, new Posture(2, -4, -7, -.4, 1.0, .9));
        POSTURE.put(Emotion.CONTEMPT, new Posture(4, 5, 3, -.15, .9, .8));
    }

    private EmotionMap() {}

    private static void define(Emotion e, Object... pairs) {
        float[] w = new float[PerformanceFrame.BLENDSHAPES];
        for (int i = 0; i < pairs.length; i += 2) {
            w[((ArkitBlendshape) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).floatValue();
        }
        FACE.put(e, w);
    }

    /** Blendshape weights of an emotion at intensity 1 (a copy). */
    static float[] face(Emotion e) {
        return FACE.get(e).clone();
    }

    static Posture posture(Emotion e) {
        return POSTURE.get(e);
    }
}
