package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Project;

/** Deletes a cue from a shot. */
public record RemoveCue(String shotId, String cueId) implements Edit {
    @Override
    public Project apply(Project project) {
        Cue cue = CueEdits.requireCue(project.requireShot(shotId), cueId);
        return CueEdits.replace(project, shotId, cue, null);
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of(new DirtyRange(shotId, CueEdits.requireCue(before.requireShot(shotId), cueId).range()));
    }

    @Override
    public String label() {
        return "Delete cue";
    }
}
