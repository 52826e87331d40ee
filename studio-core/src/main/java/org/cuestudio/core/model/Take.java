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
}
