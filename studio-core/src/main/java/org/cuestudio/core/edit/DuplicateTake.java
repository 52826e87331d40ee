package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.jspecify.annotations.Nullable;

/**
 * Copies a take under a new id and name, right after the original: the same recipe (seed, quality, shot hash, ...)
 * and judgement, with its own output file ({@code output}, which the caller has copied) or none. A duplicate is how
 * a director keeps a version before re-rendering the original.
 */
public record DuplicateTake(String shotId, String takeId, String newId, String newName, @Nullable String output)
        implements Edit {
    @Override
    public Project apply(Project project) {
        Shot shot = project.requireShot(shotId);
        Take original = TakeEdits.require(shot, takeId);
        if (shot.takes().stream().anyMatch(t -> t.id().equals(newId))) {
            throw new IllegalArgumentException("shot '" + shotId + "' already has a take '" + newId + "'");
        }
        TakeEdits.requireName(newName);
        List<Take> takes = new ArrayList<>(shot.takes());
        takes.add(takes.indexOf(original) + 1, original.withIdentity(newId, newName, output));
        return project.withShot(shot.withTakes(takes));
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Duplicate take";
    }
}
