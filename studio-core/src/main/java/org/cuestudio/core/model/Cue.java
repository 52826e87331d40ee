package org.cuestudio.core.model;

import org.cuestudio.core.time.TimeRange;

/** A timed block of direction on a lane: what the character should do over {@link #range()}. */
public sealed interface Cue permits EmotionCue, GestureCue, GazeCue, TimingCue, MouthShapeCue {
    String id();

    TimeRange range();

    /** The same cue over another range (moving and trimming keep everything else). */
    Cue withRange(TimeRange range);

    /** A one-line description for timelines and logs. */
    String label();
}
