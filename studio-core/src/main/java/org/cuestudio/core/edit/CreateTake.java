package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;

/** Records a rendered take at the end of a shot's takes; its id must be new in that shot. */
public record CreateTake(String shotId, Take take) implements Edit {
    /** The prefix of the ids {@link #nextNumber} counts: {@code take-1}, {@code take-2}, ... */
    public static final String ID_PREFIX = "take-";

    @Override
    public Project apply(Project project) {
        Shot shot = project.requireShot(shotId);
        if (shot.takes().stream().anyMatch(t -> t.id().equals(take.id()))) {
            throw new IllegalArgumentException("shot '" + shotId + "' already has a take '" + take.id() + "'");
        }
        TakeEdits.requireName(take.name());
        List<Take> takes = new ArrayList<>(shot.takes());
        takes.add(take);
        return project.withShot(shot.withTakes(takes));
    }

    /** One more than the highest number of a {@code take-N} id of the shot (1 for a shot without takes). */
    public static int nextNumber(Shot shot) {
        int max = 0;
        for (Take t : shot.takes()) {
            if (!t.id().startsWith(ID_PREFIX)) continue;
            try {
                max = Math.max(max, Integer.parseInt(t.id().substring(ID_PREFIX.length())));
            } catch (NumberFormatException notNumbered) {
                // A take named by hand ("take-best") does not take part in the numbering.
            }
        }
        return max + 1;
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Record take " + take.name();
    }
}
