package org.cuestudio.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rendered attempt at a shot, with everything needed to render it again (content hash, backend, quality,
 * resolution, seed) and the director's judgement of it (rating 0-5, circled, notes), as on a film set.
 */
public record Take(String id, String name, String createdAt, long seed, Quality quality, Resolution resolution,
        String shotHash, String backendId, String backendVersion, int rating, boolean circled, String notes,
        @Nullable String output, Map<String, String> metadata) {
    public Take {
        Ids.require(id, "take id");
        if (rating < 0 || rating > 5) throw new IllegalArgumentException("rating must be 0-5, got " + rating);
        metadata = Map.copyOf(metadata);
    }

    /** The same take under another id and name (a duplicate), with its own output file or none. */
    public Take withIdentity(String newId, String newName, @Nullable String newOutput) {
        return new Take(newId, newName, createdAt, seed, quality, resolution, shotHash, backendId, backendVersion,
                rating, circled, notes, newOutput, metadata);
    }

    public Take withName(String newName) {
        return new Take(id, newName, createdAt, seed, quality, resolution, shotHash, backendId, backendVersion, rating,
                circled, notes, output, metadata);
    }

    public Take withRating(int stars) {
        return new Take(id, name, createdAt, seed, quality, resolution, shotHash, backendId, backendVersion, stars,
                circled, notes, output, metadata);
    }

    public Take withCircled(boolean isCircled) {
        return new Take(id, name, createdAt, seed, quality, resolution, shotHash, backendId, backendVersion, rating,
                isCircled, notes, output, metadata);
    }

    public Take withNotes(String text) {
        return new Take(id, name, createdAt, seed, quality, resolution, shotHash, backendId, backendVersion, rating,
                circled, text, output, metadata);
    }

    /**
     * The take rendered again from the same direction: what was rendered ({@code rendered}: creation time, shot
     * hash, backend, output, metadata) replaces the old record, while the id, the name and the director's judgement
     * (rating, circled, notes) stay.
     */
    public Take rerenderedAs(Take rendered) {
        return new Take(id, name, rendered.createdAt(), rendered.seed(), rendered.quality(), rendered.resolution(),
                rendered.shotHash(), rendered.backendId(), rendered.backendVersion(), rating, circled, notes,
                rendered.output(), rendered.metadata());
    }
}
