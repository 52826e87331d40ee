package org.cuestudio.core.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.Staging;

/**
 * What a rendered frame shows: the characters of a shot, each from its own sheet, placed and scaled by a
 * {@link Framing}. Actors are listed in cast order (the shot's own character first), which is also the order of
 * their performances wherever a scene is rendered; they are drawn back to front by {@link #drawOrder()}.
 *
 * @param actors  the characters, in cast order; at least one
 * @param framing how big they are
 */
public record Scene(List<Actor> actors, Framing framing) {
    public Scene {
        actors = List.copyOf(actors);
        if (actors.isEmpty()) throw new IllegalArgumentException("a scene needs at least one character");
    }

    /** One character alone, in the middle of a medium shot: what the renderer always drew for a single sheet. */
    public static Scene of(CharacterModel character) {
        return staged(List.of(character), Framing.MEDIUM);
    }

    /** The characters of a cast staged as the planner stages them, in the default framing for their number. */
    public static Scene staged(List<CharacterModel> cast) {
        return staged(cast, Framing.defaultFor(cast.size()));
    }

    /**
     * The characters of a cast (the shot's own character first) staged as the planner stages them: heads at
     * {@link Staging#head}{@code (i, n)}, the shot's own character in front and each partner behind the one before
     * it, so a gesture of the lead crosses in front of its partners.
     */
    public static Scene staged(List<CharacterModel> cast, Framing framing) {
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < cast.size(); i++) {
            actors.add(new Actor(cast.get(i), Staging.head(i, cast.size()).x(), i));
        }
        return new Scene(actors, framing);
    }

    /** Indices into {@link #actors()} back to front: the largest depth first; equal depths in list order. */
    public List<Integer> drawOrder() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> actors.get(i).depth()).reversed());
        return List.copyOf(order);
    }

    /**
     * The number of frames of a segment of this scene, after checking it: one list of frames per actor (in actor
     * order), all of the same length.
     *
     * @throws IllegalArgumentException if the lists do not match the actors or differ in length
     */
    public int frameCount(List<List<PerformanceFrame>> frames) {
        if (frames.size() != actors.size()) {
            throw new IllegalArgumentException("a scene of " + actors.size() + " characters needs as many lists of "
                    + "frames, got " + frames.size());
        }
        for (List<PerformanceFrame> f : frames) {
            if (f.size() != frames.get(0).size()) {
                throw new IllegalArgumentException("the characters of a scene need as many frames each, got "
                        + frames.stream().map(List::size).toList());
            }
        }
        return frames.get(0).size();
    }

    /** Whether this is {@link #of} a single character: the case whose segment keys predate scenes. */
    boolean isSingleCentred() {
        return actors.size() == 1 && framing == Framing.MEDIUM && actors.get(0).headX() == 0;
    }
}
