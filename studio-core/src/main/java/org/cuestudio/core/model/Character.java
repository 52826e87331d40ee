package org.cuestudio.core.model;

import java.util.Map;

/**
 * A character of the project: where its reference sheet lives (relative to the project folder) and the
 * personality that scales everything the planner makes it do.
 */
public record Character(String id, String name, String sheet, Personality personality, Map<String, String> metadata) {
    public Character {
        Ids.require(id, "character id");
        metadata = Map.copyOf(metadata);
    }
}
