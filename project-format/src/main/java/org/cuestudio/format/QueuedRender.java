package org.cuestudio.format;

import org.jspecify.annotations.Nullable;

/**
 * A render waiting in a project's {@link RenderQueueFile}: what {@code cue render} would be asked to do, kept so
 * that it can run after the app was closed. A queued take renders the shot as it is when it runs.
 *
 * @param id the queue's id for it, {@code q-N}
 * @param kind {@code take} (recorded as a take of the shot) or {@code export} (a file only: {@code --no-take} or
 *     {@code --frames})
 * @param shot the shot's id
 * @param take a take to render again (id or name), or null for a new take
 * @param quality {@code preview} or {@code final}, or null (the take's own, for a re-render)
 * @param seed the seed, or null (the default, or the take's own)
 * @param format {@code mp4}, {@code prores422hq}, {@code prores4444} or {@code png}, or null (the default)
 * @param frames a frame range {@code A-B}, or null for the whole shot
 * @param out the output file, or null for the default place
 * @param queuedAt when it was queued (ISO-8601, UTC)
 * @param lastError why its last run failed, or null
 */
public record QueuedRender(String id, String kind, String shot, @Nullable String take, @Nullable String quality,
        @Nullable Long seed, @Nullable String format, @Nullable String frames, @Nullable String out, String queuedAt,
        @Nullable String lastError) {
    /** A take recorded in the project. */
    public static final String TAKE = "take";
    /** Files only, nothing recorded. */
    public static final String EXPORT = "export";

    public QueuedRender {
        if (!TAKE.equals(kind) && !EXPORT.equals(kind)) {
            throw new IllegalArgumentException("a queued render is a 'take' or an 'export', not '" + kind + "'");
        }
        if (shot.isBlank()) throw new IllegalArgumentException("a queued render needs a shot");
    }

    /** This render with the reason its last run failed. */
    public QueuedRender failedWith(String reason) {
        return new QueuedRender(id, kind, shot, take, quality, seed, format, frames, out, queuedAt, reason);
    }
}
