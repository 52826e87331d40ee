package org.cuestudio.core.model;

/**
 * A piece of a project file that this release does not understand (an object of a type written by a newer
 * Cue Studio, or a whole lane of such objects), kept verbatim so that saving writes it back unchanged and in
 * its place instead of silently dropping someone's work.
 *
 * <p>{@code place} names where it sits inside its owner ({@link Project} or {@link Shot}), as a JSON-pointer-like
 * path: an array such as {@code "shots"}, {@code "takes"} or {@code "tracks/emotion"}, where {@code index} is its
 * position in that array; or a field of the shot's {@code "tracks"} object that is not a known lane, such as
 * {@code "tracks/lipsync"}, where {@code index} is the field's position among the lanes and {@code json} is the
 * whole field value. Those of a shot's partner sit under the partner's character id, so that they stay with it when
 * partners are edited: {@code "partners/leo/tracks/gaze"}, {@code "partners/leo/tracks/lipsync"} (an unknown object
 * in the {@code "partners"} array itself has the place {@code "partners"}). {@code type} is the object's type tag
 * ({@code "BlinkCue.1"}), empty for a lane.
 *
 * @param place where it sits in its owner
 * @param index its position there (0-based)
 * @param type its type tag, or empty
 * @param json its exact JSON text as read
 */
public record UnknownObject(String place, int index, String type, String json) {
    public UnknownObject {
        if (place.isEmpty()) throw new IllegalArgumentException("an unknown object needs a place");
        if (index < 0) throw new IllegalArgumentException("index must not be negative: " + index);
        if (json.isBlank()) throw new IllegalArgumentException("an unknown object needs its JSON text");
    }

    /** What it is, for messages: the type tag, or the lane name. */
    public String label() {
        return type.isEmpty() ? "lane '" + place.substring(place.lastIndexOf('/') + 1) + "'" : type;
    }
}
