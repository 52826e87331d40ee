package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Project;

/** Adds a cue to its lane of a shot; its id must be new in that shot. */
public record AddCue(String shotId, Cue cue) implements Edit {
    @Override
    public Project apply(Project project) {
        if (project.requireShot(shotId).cue(cue.id()).isPresent()) {
            throw new IllegalArgumentException("shot '" + shotId + "' already has a cue '" + cue.id() + "'");
        }
        return CueEdits.replace(project, shotId, null, cue);
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of(new DirtyRange(shotId, cue.range()));
    }

    @Override
    public String label() {
        return "Add " + cue.label();
    }
}
