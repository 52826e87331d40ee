package org.cuestudio.core.edit;

import org.cuestudio.core.time.TimeRange;

/** A span of one shot whose performance an edit may have changed. */
public record DirtyRange(String shotId, TimeRange range) {
}
