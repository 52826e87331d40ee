package org.cuestudio.format;

/**
 * The limits a project file must stay within (docs/project-format.md, "Limits"). They keep a damaged or hostile
 * file from exhausting memory or the stack, and keep the studio responsive; each is far above what a real
 * project needs (the scale benchmark, 200 shots of 10,000 cues, uses about a quarter of the file size limit).
 */
public final class FormatLimits {
    /** Largest project file read, in bytes (1 GiB). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /**
     * Deepest nesting of arrays and objects. A project needs 9 (a gaze point or a blend in a partner's cue); unknown objects
     * from newer releases get the rest.
     */
    public static final int MAX_DEPTH = 64;
    /** Longest string value, in characters (1 MiB). */
    public static final int MAX_STRING = 1 << 20;
    /** Longest field name, in characters. */
    public static final int MAX_NAME = 1024;
    /** Most digits in a number. */
    public static final int MAX_NUMBER_DIGITS = 40;
    /** Most characters in a project. */
    public static final int MAX_CHARACTERS = 1_000;
    /** Most emotion presets in a project. */
    public static final int MAX_EMOTION_PRESETS = 1_000;
    /** Most shots in a project. */
    public static final int MAX_SHOTS = 10_000;
    /** Most cues on one track (one lane of one shot). */
    public static final int MAX_CUES_PER_TRACK = 100_000;
    /** Most partners of one shot (other characters beside the shot's own). */
    public static final int MAX_PARTNERS_PER_SHOT = 1_000;
    /** Most speaker segments of one partner. */
    public static final int MAX_SPEAKER_SEGMENTS = 100_000;
    /** Most takes of one shot. */
    public static final int MAX_TAKES_PER_SHOT = 10_000;
    /** Most entries in one metadata object. */
    public static final int MAX_METADATA_ENTRIES = 1_000;
    /** Latest tick a cue may reach (24 hours at 705,600,000 ticks per second), so time arithmetic cannot overflow. */
    public static final long MAX_TICKS = 24L * 3600 * 705_600_000L;
    /** Most problems reported for one file; past this the file is too damaged for more to help. */
    public static final int MAX_PROBLEMS = 500;

    private FormatLimits() {}
}
