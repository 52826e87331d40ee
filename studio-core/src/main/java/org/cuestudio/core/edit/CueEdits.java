package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;

/** Shared steps of the cue edits: find a shot and a cue, put a changed track back. */
final class CueEdits {
    private CueEdits() {}

    static Cue requireCue(Shot shot, String cueId) {
        return shot.cue(cueId).orElseThrow(() -> new IllegalArgumentException(
                "no cue '" + cueId + "' in shot '" + shot.id() + "'"));
    }

    static void requireNonNegativeStart(Cue cue) {
        if (cue.range().start() < 0) throw new IllegalArgumentException("cue '" + cue.id() + "' would start before 0");
        if (cue.range().duration() <= 0) throw new IllegalArgumentException("cue '" + cue.id() + "' needs a length");
    }

    /** The project with {@code replaced} removed from its lane (if given) and {@code added} inserted (if given). */
    static Project replace(Project project, String shotId, Cue removed, Cue added) {
        Shot shot = project.requireShot(shotId);
        if (added != null) requireNonNegativeStart(added);
        for (CueLane lane : CueLane.values()) {
            CueTrack t = shot.track(lane);
            List<Cue> cues = new ArrayList<>(t.cues());
            boolean changed = removed != null && cues.removeIf(c -> c.id().equals(removed.id()));
            if (added != null && CueLane.of(added) == lane) {
                cues.add(added);
                changed = true;
            }
            if (changed) shot = shot.withTrack(new CueTrack(lane, cues));
        }
        return project.withShot(shot);
    }
}
