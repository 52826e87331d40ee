package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Take;

/**
 * Puts a take rendered again in place of the take with the same id: the new render's record (creation time, shot
 * hash, backend, output) with the old take's name, rating, circled flag and notes ({@link Take#rerenderedAs}).
 */
public record ReplaceTake(String shotId, Take rendered) implements Edit {
    @Override
    public Project apply(Project project) {
        return TakeEdits.update(project, shotId, rendered.id(), old -> old.rerenderedAs(rendered));
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Re-render take " + rendered.id();
    }
}
