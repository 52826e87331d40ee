package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.time.TimeRange;

/**
 * Adds several cues to a shot as one step (the cues a direction note gave, say): all of them or, if any id is
 * taken, none.
 */
public record AddCues(String shotId, List<Cue> cues, String label) implements Edit {
    public AddCues {
        cues = List.copyOf(cues);
        if (cues.isEmpty()) throw new IllegalArgumentException("no cues to add");
    }

    @Override
    public Project apply(Project project) {
        Project p = project;
        for (Cue c : cues) p = new AddCue(shotId, c).apply(p);
        return p;
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        long start = cues.stream().mapToLong(c -> c.range().start()).min().orElseThrow();
        long end = cues.stream().mapToLong(c -> c.range().endExclusive()).max().orElseThrow();
        return List.of(new DirtyRange(shotId, TimeRange.between(start, end)));
    }
}
