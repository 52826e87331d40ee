package org.cuestudio.core.perform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gestures the planner can perform, by id, in the library's order. */
public record GestureLibrary(String source, List<GestureSpec> gestures) {
    public GestureLibrary {
        gestures = List.copyOf(gestures);
        Map<String, GestureSpec> seen = new LinkedHashMap<>();
        for (GestureSpec g : gestures) {
            if (seen.put(g.id(), g) != null) {
                throw new IllegalArgumentException(source + ": gesture '" + g.id() + "' is defined twice");
            }
        }
    }

    public Optional<GestureSpec> find(String id) {
        return gestures.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The gesture with that id, or an exception that says where the library is and what it holds. */
    public GestureSpec require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no gesture '" + id + "' in the gesture library "
                + source + "; it has " + ids()));
    }

    public List<String> ids() {
        return gestures.stream().map(GestureSpec::id).toList();
    }
}
