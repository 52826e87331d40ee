package org.cuestudio.core.task;

/**
 * How urgent a render job is, most urgent first: what the user is scrubbing beats the preview being played, which
 * beats queued takes, which beat exports.
 */
public enum RenderPriority {
    /** A frame under the playhead while the user drags it. */
    SCRUB,
    /** The preview of the shot being played. */
    PREVIEW,
    /** A take the user queued. */
    TAKE,
    /** An export to files for an editor. */
    EXPORT;

    /** Whether this priority runs before {@code other}. */
    public boolean isAbove(RenderPriority other) {
        return ordinal() < other.ordinal();
    }
}
