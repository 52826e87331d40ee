package org.cuestudio.core.render;

/**
 * One character of a {@link Scene}: its loaded sheet, where its head stands and how far back it is.
 *
 * @param character the sheet, loaded by the backend that renders the scene
 * @param headX     the frame x (-1 left edge, 1 right edge) where the sheet's {@code Head} pivot lands, as
 *                  {@link org.cuestudio.core.perform.Staging#head} gives it
 * @param depth     0 is nearest the camera; a character with a larger depth is drawn behind one with a smaller
 */
public record Actor(CharacterModel character, double headX, int depth) {
    public Actor {
        if (!(headX >= -1 && headX <= 1)) throw new IllegalArgumentException("head x must be in [-1, 1], got " + headX);
        if (depth < 0) throw new IllegalArgumentException("depth must not be negative, got " + depth);
    }
}
