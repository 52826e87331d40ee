package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;

/** Shared steps of the take edits: find a take by id, put a changed list of takes back. */
final class TakeEdits {
    private TakeEdits() {}

    /** The take with exactly this id (edits name takes by id; people may use names, resolved before). */
    static Take require(Shot shot, String takeId) {
        return shot.takes().stream().filter(t -> t.id().equals(takeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("shot '" + shot.id() + "' has no take '" + takeId + "'"
                        + (shot.takes().isEmpty() ? " (it has no takes)"
                                : " (takes: " + String.join(", ", shot.takes().stream().map(Take::id).toList()) + ")")));
    }

    /** The project with take {@code takeId} of the shot replaced by {@code change} applied to it, in place. */
    static Project update(Project project, String shotId, String takeId, UnaryOperator<Take> change) {
        Shot shot = project.requireShot(shotId);
        Take old = require(shot, takeId);
        Take changed = change.apply(old);
        if (!changed.id().equals(takeId)) throw new IllegalArgumentException("a take cannot change its id");
        List<Take> takes = new ArrayList<>(shot.takes());
        takes.set(takes.indexOf(old), changed);
        return project.withShot(shot.withTakes(takes));
    }

    static void requireName(String name) {
        if (name.isBlank()) throw new IllegalArgumentException("a take needs a name that is not blank");
    }
}
