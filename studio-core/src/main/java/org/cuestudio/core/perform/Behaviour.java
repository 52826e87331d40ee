package org.cuestudio.core.perform;

import org.cuestudio.core.time.Ticks;

/**
 * Something the planner decided the character does at a moment, for the timeline's read-only lanes and for
 * checking the planner: a directed gesture as scheduled (its apex after snapping), an automatic gesture, a
 * speech nod, a back-channel nod, a blink. Times are ticks from the start of the shot.
 *
 * @param apex the moment that matters: a gesture's stroke end, a nod's lowest point, a blink's closed eye
 */
public record Behaviour(Kind kind, String label, long start, long apex, long end) {
    /** What kind of behaviour it is. */
    public enum Kind {
        GESTURE, AUTO_GESTURE, SPEECH_NOD, BACKCHANNEL_NOD, BLINK
    }

    public Behaviour {
        if (!(start <= apex && apex <= end)) throw new IllegalArgumentException("behaviour times out of order");
    }

    static Behaviour of(Kind kind, String label, double start, double apex, double end) {
        return new Behaviour(kind, label, Ticks.ofSeconds(Math.max(0, start)), Ticks.ofSeconds(Math.max(0, apex)),
                Ticks.ofSeconds(Math.max(0, end)));
    }

    public double apexSeconds() {
        return Ticks.toSeconds(apex);
    }
}
