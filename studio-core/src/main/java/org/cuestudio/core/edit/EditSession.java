package org.cuestudio.core.edit;

import org.cuestudio.core.model.Project;

/**
 * One user gesture (a drag, a trim): {@link #preview(Edit)} any number of times against the state at the start,
 * then {@link #commit()} once to make one undo step, or {@link #cancel()} to restore the start.
 */
public final class EditSession {
    private final History history;
    private final Project start;
    private Edit last;
    private boolean open = true;

    EditSession(History history) {
        this.history = history;
        this.start = history.current();
    }

    /** Shows the edit applied to the state at the start of the gesture; an invalid edit is ignored. */
    public Project preview(Edit edit) {
        check();
        try {
            Project p = edit.apply(start);
            last = edit;
            history.setCurrentWithoutHistory(p);
        } catch (IllegalArgumentException ignored) {
            // Dragging past a limit keeps the last valid state.
        }
        return history.current();
    }

    public void commit() {
        check();
        open = false;
        Project end = history.current();
        history.setCurrentWithoutHistory(start);
        if (last != null) history.push(start, end, last.label());
    }

    public void cancel() {
        check();
        open = false;
        history.setCurrentWithoutHistory(start);
    }

    private void check() {
        if (!open) throw new IllegalStateException("edit session already ended");
    }
}
