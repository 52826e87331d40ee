package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Project;

/** Gives a take another display name (its id, which files and timelines refer to, stays). */
public record RenameTake(String shotId, String takeId, String name) implements Edit {
    @Override
    public Project apply(Project project) {
        TakeEdits.requireName(name);
        return TakeEdits.update(project, shotId, takeId, t -> t.withName(name));
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Rename take";
    }
}
