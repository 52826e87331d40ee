package org.cuestudio.core.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cuestudio.core.model.Project;

/**
 * Undo and redo by snapshots: every committed edit pushes the project as it was. Immutable projects make a
 * snapshot cheap (unchanged parts are shared). Not thread-safe: the UI thread owns it.
 */
public final class History {
    /** Snapshots kept for undo; older ones are dropped. */
    public static final int LIMIT = 500;

    private record Step(Project before, Project after, String label) {}

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Project current;
    private int changesSinceSave;

    public History(Project initial) {
        this.current = initial;
    }

    public Project current() {
        return current;
    }

    /** Applies an edit as one undo step; on failure nothing changes and the exception propagates. */
    public List<DirtyRange> apply(Edit edit) {
        Project before = current;
        Project after = edit.apply(before);
        List<DirtyRange> dirty = edit.dirtied(before);
        push(before, after, edit.label());
        return dirty;
    }

    /** Starts a gesture (a drag): many previews, then one commit as one undo step, or a cancel. */
    public EditSession begin() {
        return new EditSession(this);
    }

    void push(Project before, Project after, String label) {
        if (before == after) return;
        undo.push(new Step(before, after, label));
        while (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
        current = after;
        changesSinceSave++;
    }

    void setCurrentWithoutHistory(Project p) {
        current = p;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(Step::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(Step::label);
    }

    public void undo() {
        Step s = undo.pop();
        redo.push(s);
        current = s.before();
        changesSinceSave--;
    }

    public void redo() {
        Step s = redo.pop();
        undo.push(s);
        current = s.after();
        changesSinceSave++;
    }

    /** True when the project differs from what was last saved (or loaded). */
    public boolean isDirty() {
        return changesSinceSave != 0;
    }

    public void markSaved() {
        changesSinceSave = 0;
    }
}
