package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.time.TimeRange;

/**
 * Replaces a cue with a changed version of itself (same id and lane): moving, trimming or changing a property
 * are all this edit.
 */
public record ReplaceCue(String shotId, Cue cue, String label) implements Edit {
    /** Moves a cue to start at {@code newStart}, keeping its length. */
    public static ReplaceCue move(Project project, String shotId, String cueId, long newStart) {
        Cue old = CueEdits.requireCue(project.requireShot(shotId), cueId);
        return new ReplaceCue(shotId, old.withRange(old.range().shiftedTo(newStart)), "Move cue");
    }

    /** Sets a cue's range (trim). */
    public static ReplaceCue retime(Project project, String shotId, String cueId, TimeRange range) {
        Cue old = CueEdits.requireCue(project.requireShot(shotId), cueId);
        return new ReplaceCue(shotId, old.withRange(range), "Trim cue");
    }

    @Override
    public Project apply(Project project) {
        Cue old = CueEdits.requireCue(project.requireShot(shotId), cue.id());
        if (CueLane.of(old) != CueLane.of(cue)) {
            throw new IllegalArgumentException("cue '" + cue.id() + "' cannot change lane");
        }
        return CueEdits.replace(project, shotId, old, cue);
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        Cue old = CueEdits.requireCue(before.requireShot(shotId), cue.id());
        return List.of(new DirtyRange(shotId, old.range()), new DirtyRange(shotId, cue.range()));
    }
}
