package org.cuestudio.inference.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layer structure of a character sheet: its canvas and its top-level nodes in drawing order (back to front).
 *
 * @param viewBox the canvas, in SVG user units
 * @param nodes   top-level nodes: the body, the head and any static art, in document order
 */
public record Rig(CanvasRect viewBox, List<RigNode> nodes) {
    public Rig {
        nodes = List.copyOf(nodes);
    }

    /** The first part of a kind anywhere in the rig (depth first, document order). */
    public Optional<RigNode.Part> find(PartKind kind) {
        return find(nodes, kind);
    }

    /** All parts of a kind anywhere in the rig, in document order. */
    public List<RigNode.Part> findAll(PartKind kind) {
        List<RigNode.Part> out = new ArrayList<>();
        collect(nodes, kind, out);
        return out;
    }

    private static Optional<RigNode.Part> find(List<RigNode> nodes, PartKind kind) {
        for (RigNode n : nodes) {
            if (n instanceof RigNode.Part p) {
                if (p.kind() == kind) return Optional.of(p);
                Optional<RigNode.Part> inner = find(p.children(), kind);
                if (inner.isPresent()) return inner;
            }
        }
        return Optional.empty();
    }

    private static void collect(List<RigNode> nodes, PartKind kind, List<RigNode.Part> out) {
        for (RigNode n : nodes) {
            if (n instanceof RigNode.Part p) {
                if (p.kind() == kind) out.add(p);
                collect(p.children(), kind, out);
            }
        }
    }
}
