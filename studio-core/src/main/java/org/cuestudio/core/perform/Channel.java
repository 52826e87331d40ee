package org.cuestudio.core.perform;

/**
 * The non-blendshape channels of a {@link PerformanceFrame}, in vector order after the 52 ARKit blendshapes. New
 * channels are only ever appended (renderers and neural models index the vector by position).
 * Angles are degrees in screen space as the viewer sees the character: yaw positive = turning toward the
 * viewer's right, pitch positive = up, roll positive = clockwise. "Left" channels are the arm on the viewer's left
 * (the character's right arm), matching the sheet's layer names; ARKit blendshapes keep their anatomical sides
 * (see docs/decisions/0008-left-and-right.md). Arms: shoulder 0 = hanging down, positive = raised outward, away
 * from the body; elbow 0 = straight, positive = forearm turned further the same way as a positive shoulder
 * (outward and up), negative = folded in across the body.
 */
public enum Channel {
    HEAD_YAW, HEAD_PITCH, HEAD_ROLL,
    EYE_YAW, EYE_PITCH,
    /** Sideways body tilt, degrees, positive clockwise. */
    BODY_LEAN,
    /** Toward (positive) or away from the camera, -1..1. */
    BODY_FORWARD,
    /** Body turn, degrees, same sign as head yaw. */
    BODY_TURN,
    /** Breath cycle, 0 = empty, 1 = full. */
    BREATH,
    LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST,
    /** {@link HandPose} ordinal. */
    LEFT_HAND_POSE,
    /** {@link HandPose} ordinal. */
    RIGHT_HAND_POSE,
    /** {@link org.cuestudio.core.model.MouthShape} ordinal. */
    MOUTH_SHAPE,
    /**
     * {@link org.cuestudio.core.model.AnimatorMouth} ordinal: the Character Animator mouth that refines
     * {@link #MOUTH_SHAPE} (Neutral at rest; the renderer may show Smile or Surprised instead from the face).
     */
    ANIMATOR_MOUTH,
    /**
     * {@link org.cuestudio.core.model.MouthShape} ordinal of the shape shown before {@link #MOUTH_SHAPE} (X before the
     * first change), which cross-fades out under it while {@link #MOUTH_PREVIOUS_WEIGHT} is above 0.
     */
    MOUTH_PREVIOUS,
    /**
     * 0..0.5: how much of {@link #MOUTH_PREVIOUS} still shows: 0.5 on the frame the mouth shape changes, falling
     * linearly to 0 at {@link PerformancePlanner#MOUTH_CROSSFADE_SECONDS} after it; 0 otherwise. With it a frame
     * carries its own cross-fade, so it renders the same on its own as inside a segment.
     */
    MOUTH_PREVIOUS_WEIGHT;

    /** Index of this channel in the frame vector. */
    public int index() {
        return PerformanceFrame.BLENDSHAPES + ordinal();
    }
}
