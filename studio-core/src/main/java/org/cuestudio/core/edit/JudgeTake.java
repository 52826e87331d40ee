package org.cuestudio.core.edit;

import java.util.List;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Take;
import org.jspecify.annotations.Nullable;

/**
 * The director's judgement of a take, as on a take sheet: any of its rating (0-5 stars), circled flag and notes;
 * a null part is left as it is. One edit, so that rating and circling a take at once is one undo step.
 */
public record JudgeTake(String shotId, String takeId, @Nullable Integer rating, @Nullable Boolean circled,
        @Nullable String notes) implements Edit {
    public JudgeTake {
        if (rating != null && (rating < 0 || rating > 5)) {
            throw new IllegalArgumentException("a rating is 0 to 5 stars, got " + rating);
        }
    }

    public static JudgeTake rate(String shotId, String takeId, int stars) {
        return new JudgeTake(shotId, takeId, stars, null, null);
    }

    public static JudgeTake circle(String shotId, String takeId, boolean circled) {
        return new JudgeTake(shotId, takeId, null, circled, null);
    }

    public static JudgeTake note(String shotId, String takeId, String notes) {
        return new JudgeTake(shotId, takeId, null, null, notes);
    }

    @Override
    public Project apply(Project project) {
        return TakeEdits.update(project, shotId, takeId, t -> {
            Take out = t;
            if (rating != null) out = out.withRating(rating);
            if (circled != null) out = out.withCircled(circled);
            if (notes != null) out = out.withNotes(notes);
            return out;
        });
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        int parts = (rating != null ? 1 : 0) + (circled != null ? 1 : 0) + (notes != null ? 1 : 0);
        if (parts != 1) return "Judge take";
        if (rating != null) return "Rate take";
        return circled != null ? (circled ? "Circle take" : "Uncircle take") : "Note take";
    }
}
