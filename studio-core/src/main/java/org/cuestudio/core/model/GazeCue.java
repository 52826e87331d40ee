package org.cuestudio.core.model;

import java.util.Objects;
import org.cuestudio.core.time.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Where the character looks over a range: a direction, a point in the frame ({@link GazeTarget#POINT} with
 * {@code point}), another character of the shot ({@link GazeTarget#CHARACTER} with {@code character}, resolved to
 * that character's head), or away while thinking ({@link GazeTarget#THINKING}).
 */
public record GazeCue(String id, TimeRange range, GazeTarget target, @Nullable FramePoint point,
        @Nullable String character) implements Cue {
    public GazeCue {
        Ids.require(id, "cue id");
        if ((target == GazeTarget.POINT) != (point != null)) {
            throw new IllegalArgumentException("a gaze cue has a point exactly when its target is POINT");
        }
        if ((target == GazeTarget.CHARACTER) != (character != null)) {
            throw new IllegalArgumentException("a gaze cue names a character exactly when its target is CHARACTER");
        }
    }

    /** A gaze in a fixed direction (or thinking). */
    public GazeCue(String id, TimeRange range, GazeTarget target) {
        this(id, range, target, null, null);
    }

    /** A look at a point of the frame. */
    public static GazeCue atPoint(String id, TimeRange range, FramePoint point) {
        return new GazeCue(id, range, GazeTarget.POINT, point, null);
    }

    /** A look at another character of the shot. */
    public static GazeCue atCharacter(String id, TimeRange range, String characterId) {
        return new GazeCue(id, range, GazeTarget.CHARACTER, null, characterId);
    }

    @Override
    public GazeCue withRange(TimeRange r) {
        return new GazeCue(id, r, target, point, character);
    }

    @Override
    public String label() {
        return switch (target) {
            case POINT -> "Look at " + String.format(java.util.Locale.ROOT, "%.2f, %.2f", point.x(), point.y());
            case CHARACTER -> "Look at " + Objects.requireNonNull(character);
            case THINKING -> "Thinking (looks away)";
            default -> "Look " + target.label();
        };
    }
}
