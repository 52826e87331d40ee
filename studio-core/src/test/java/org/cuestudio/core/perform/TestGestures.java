package org.cuestudio.core.perform;

import java.util.List;
import java.util.Map;
import org.cuestudio.core.perform.GestureSpec.ArmPose;
import org.cuestudio.core.perform.GestureSpec.Arms;
import org.cuestudio.core.perform.GestureSpec.Oscillation;
import org.cuestudio.core.perform.GestureSpec.Target;
import org.cuestudio.core.perform.GestureSpec.Vec3;

/**
 * A small gesture library for planner tests, built in code (the real library is data in assets/gestures, read and
 * checked by the project-format and studio-app tests).
 */
public final class TestGestures {
    public static final GestureLibrary LIBRARY = new GestureLibrary("test gestures", List.of(
            new GestureSpec("nod", "Nod", "", Arms.NONE, null, 0.15, 0.18, 0.35, new Vec3(-6, 0, 0), Vec3.ZERO,
                    Map.of(), new Oscillation(Target.HEAD_PITCH, 3.5, 2.5, 1.5)),
            new GestureSpec("head-shake", "Head shake", "", Arms.NONE, null, 0.15, 0.2, 0.35, Vec3.ZERO, Vec3.ZERO,
                    Map.of(), new Oscillation(Target.HEAD_YAW, 10, 2.2, 0)),
            new GestureSpec("wave", "Wave", "", Arms.ONE, new ArmPose(135, 35, 0, HandPose.WAVE), 0.35, 0.2, 0.45,
                    new Vec3(2, 0, 0), new Vec3(0.1, 0, 0), Map.of(), new Oscillation(Target.WRIST, 22, 2.2, 0)),
            new GestureSpec("point", "Point", "", Arms.ONE, new ArmPose(80, 8, 0, HandPose.POINT), 0.35, 0.2, 0.45,
                    new Vec3(-1, 0, 0), new Vec3(0.25, 0, 0), Map.of(), null),
            new GestureSpec("beat", "Beat", "", Arms.ONE, new ArmPose(18, -80, 0, HandPose.FIST), 0.25, 0.12, 0.35,
                    new Vec3(-1, 0, 0), new Vec3(0.15, 0, 0), Map.of(), new Oscillation(Target.ELBOW, 12, 1.8, 0)),
            new GestureSpec("open-palms", "Open palms", "", Arms.BOTH, new ArmPose(35, 65, 0, HandPose.OPEN), 0.3, 0.2,
                    0.4, new Vec3(1, 0, 0), new Vec3(0.15, 0, 0), Map.of(ArkitBlendshape.browInnerUp, 0.15), null),
            new GestureSpec("shrug", "Shrug", "", Arms.BOTH, new ArmPose(28, 75, 0, HandPose.OPEN), 0.25, 0.2, 0.4,
                    new Vec3(2, 0, 4), new Vec3(-0.1, 0, 0), Map.of(ArkitBlendshape.browInnerUp, 0.35,
                            ArkitBlendshape.mouthShrugLower, 0.4), null),
            new GestureSpec("lean-in", "Lean in", "", Arms.NONE, null, 0.4, 0.25, 0.5, new Vec3(-3, 0, 0),
                    new Vec3(0.85, 0, 0), Map.of(), null)));

    public static final PerformancePlanner PLANNER = new PerformancePlanner(LIBRARY);

    private TestGestures() {}
}
