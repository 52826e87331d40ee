package org.cuestudio.core.task;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How far a job is: frames done of the total (0 while unknown) and the estimated time left, from a moving average
 * of the seconds per frame of its latest segments (null until one segment has been timed).
 */
public record JobProgress(long framesDone, long framesTotal, @Nullable Duration eta) {
    /** Nothing done yet, total unknown. */
    public static final JobProgress NONE = new JobProgress(0, 0, null);

    /** 0 to 1; 0 while the total is unknown. */
    public double fraction() {
        return framesTotal <= 0 ? 0 : Math.min(1.0, (double) framesDone / framesTotal);
    }
}
