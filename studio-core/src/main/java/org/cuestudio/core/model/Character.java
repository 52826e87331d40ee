package org.cuestudio.core.model;

import java.util.Map;
import org.cuestudio.core.time.Ticks;

/**
 * A character of the project: where its reference sheet lives (relative to the project folder), the
 * personality that scales everything the planner makes it do, and its reaction delay: how long after a
 * reaction mark or another character's cue to speak it responds (0 for the quickest; slow, deliberate characters
 * take a few hundred milliseconds).
 */
public record Character(String id, String name, String sheet, Personality personality, long reactionDelay,
        Map<String, String> metadata) {
    /** The longest reaction delay a character may have. */
    public static final long MAX_REACTION_DELAY = Ticks.ofMillis(2000);

    public Character {
        Ids.require(id, "character id");
        if (reactionDelay < 0 || reactionDelay > MAX_REACTION_DELAY) {
            throw new IllegalArgumentException("reaction delay must be 0 to 2 s, got " + Ticks.toSeconds(reactionDelay)
                    + " s");
        }
        metadata = Map.copyOf(metadata);
    }

    /** A character that reacts without delay. */
    public Character(String id, String name, String sheet, Personality personality, Map<String, String> metadata) {
        this(id, name, sheet, personality, 0, metadata);
    }
}
