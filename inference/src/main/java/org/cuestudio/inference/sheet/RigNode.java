package org.cuestudio.inference.sheet;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A node of a character rig, in drawing order: a sprite of static art, or a named part holding more nodes. */
public sealed interface RigNode permits RigNode.Art, RigNode.Part {

    /** The canvas bounds of what the node draws, or null when it draws nothing. */
    @Nullable CanvasRect bounds();

    /**
     * Static art: one sprite, drawn with its parent part.
     *
     * @param sprite index into {@link CharacterSheet#sprites()}
     */
    record Art(int sprite, @Nullable CanvasRect bounds) implements RigNode {
    }

    /**
     * A named layer group (or a single named element for leaf kinds).
     *
     * @param kind     what the part is for
     * @param side     the viewer's side for sided parts (arms, eyes, brows), else {@link LayerSide#NONE}
     * @param key      the normalised name that selects it among its siblings (view, mouth shape, hand pose)
     * @param label    the name as the artist wrote it, for messages
     * @param pivot    the centre of its pivot circle, else the centre of its bounds (else of the canvas)
     * @param hasPivot whether the artist drew a pivot
     * @param bounds   the union of its children's bounds, or null when it draws nothing
     * @param children its content in drawing order
     */
    record Part(PartKind kind, LayerSide side, String key, String label, CanvasPoint pivot, boolean hasPivot,
            @Nullable CanvasRect bounds, List<RigNode> children) implements RigNode {
        public Part {
            children = List.copyOf(children);
        }

        /** The first direct child part of a kind, if any. */
        public Optional<Part> child(PartKind k) {
            return children.stream().filter(n -> n instanceof Part p && p.kind == k).map(n -> (Part) n).findFirst();
        }

        /** The first direct child part of a kind with a key, if any. */
        public Optional<Part> child(PartKind k, String childKey) {
            return children.stream().filter(n -> n instanceof Part p && p.kind == k && p.key.equals(childKey))
                    .map(n -> (Part) n).findFirst();
        }

        /** The first direct child part of a kind on a side, if any. */
        public Optional<Part> child(PartKind k, LayerSide s) {
            return children.stream().filter(n -> n instanceof Part p && p.kind == k && p.side == s)
                    .map(n -> (Part) n).findFirst();
        }
    }
}
