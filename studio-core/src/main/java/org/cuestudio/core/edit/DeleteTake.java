package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;

/** Removes a take's record from its shot (its rendered file is the caller's to keep or delete). */
public record DeleteTake(String shotId, String takeId) implements Edit {
    @Override
    public Project apply(Project project) {
        Shot shot = project.requireShot(shotId);
        Take take = TakeEdits.require(shot, takeId);
        List<Take> takes = new ArrayList<>(shot.takes());
        takes.remove(take);
        return project.withShot(shot.withTakes(takes));
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Delete take";
    }
}
