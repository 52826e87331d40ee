package org.cuestudio.inference.sheet;

/**
 * What a named layer group is for in the rig (docs/character-sheets.md). Container kinds hold other named layers;
 * the others are leaves whose whole content is one sprite.
 */
public enum PartKind {
    /** Torso, neck, legs; leans and breathes around its pivot (the hips). */
    BODY(true),
    /** A two-bone arm chain on one side. */
    ARM(true),
    /** Turns about the shoulder. */
    UPPER_ARM(true),
    /** Turns about the elbow. */
    FOREARM(true),
    /** Turns about the wrist; holds the hand poses. */
    HAND(true),
    /** One hand shape ({@link RigNode.Part#key()} is relaxed, open, point, fist or wave); one is shown per hand. */
    HAND_POSE(false),
    /** Turns (rolls) about the base of the neck; holds the head views. */
    HEAD(true),
    /** One head view ({@link RigNode.Part#key()} is frontal, left quarter, right quarter, left profile or right profile). */
    HEAD_VIEW(true),
    /** Raised, lowered and slanted by the brow blendshapes. */
    EYEBROW(false),
    /** Holds an eyeball, a pupil and a blink. */
    EYE(true),
    /** The white of the eye and the clip shape of the pupil. */
    EYEBALL(false),
    /** Iris and pupil, moved by the gaze. */
    PUPIL(false),
    /** The closed eye, shown instead of eyeball and pupil while blinking. */
    BLINK(false),
    /** Holds the mouth shapes. */
    MOUTH(true),
    /** One mouth shape ({@link RigNode.Part#key()} is its normalised name, e.g. "neutral", "aa", "w oo"). */
    MOUTH_SHAPE(false),
    /** Optional nose layer; moves with the other facial features when the head turns. */
    NOSE(false);

    private final boolean container;

    PartKind(boolean container) {
        this.container = container;
    }

    /** Whether the kind holds other named layers. */
    public boolean container() {
        return container;
    }
}
