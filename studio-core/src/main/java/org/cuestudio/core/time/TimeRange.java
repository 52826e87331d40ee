package org.cuestudio.core.time;

/** A half-open span of time in ticks: {@code [start, start + duration)}. */
public record TimeRange(long start, long duration) {
    public TimeRange {
        if (duration < 0) throw new IllegalArgumentException("duration must not be negative: " + duration);
    }

    public static TimeRange between(long start, long endExclusive) {
        return new TimeRange(start, endExclusive - start);
    }

    public long endExclusive() {
        return start + duration;
    }

    public boolean contains(long tick) {
        return tick >= start && tick < endExclusive();
    }

    public boolean overlaps(TimeRange other) {
        return start < other.endExclusive() && other.start < endExclusive();
    }

    public TimeRange shiftedTo(long newStart) {
        return new TimeRange(newStart, duration);
    }

    /** The smallest range covering both. */
    public TimeRange union(TimeRange other) {
        return between(Math.min(start, other.start), Math.max(endExclusive(), other.endExclusive()));
    }
}
