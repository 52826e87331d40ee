package org.cuestudio.core.model;

/** Which hand performs a gesture, from the character's point of view. */
public enum Side {
    LEFT, RIGHT, BOTH
}
