package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Project;

/**
 * A change to a project as a pure function: it returns a new, valid project or throws
 * {@link IllegalArgumentException}, never half-applies. It also says which time ranges it dirtied.
 */
public interface Edit {
    Project apply(Project project);

    /** What the edit touched in the project it is applied to (drives cache invalidation and redraws). */
    List<DirtyRange> dirtied(Project before);

    /** A short description for the Undo/Redo menu items ("Move cue"). */
    String label();
}
