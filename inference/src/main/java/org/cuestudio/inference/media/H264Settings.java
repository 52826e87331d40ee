package org.cuestudio.inference.media;

import java.util.Set;

/**
 * How hard libx264 works and how much quality it keeps: an x264 preset and a constant rate factor (CRF).
 *
 * <p>CRF fixes the quality and lets the bitrate follow the picture; 18 is about visually lossless for the flat,
 * clean art the studio renders, so an editor can cut and re-encode the file without visible damage. The preset only
 * trades encoding time for file size at that quality.
 *
 * @param preset an x264 preset name, from {@code ultrafast} to {@code veryslow}
 * @param crf    constant rate factor, 0 (lossless) to 51; lower is better and bigger
 */
public record H264Settings(String preset, int crf) {
    // Declared before the constants below: their construction validates against it.
    private static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");

    /**
     * For final exports: {@code medium} at CRF 18, the x264 defaults' balance of speed and size at near-lossless
     * quality.
     */
    public static final H264Settings FINAL = new H264Settings("medium", 18);

    /** For quick review exports: {@code veryfast} at CRF 20, about twice as fast as {@link #FINAL} on two cores. */
    public static final H264Settings FAST = new H264Settings("veryfast", 20);

    public H264Settings {
        if (!PRESETS.contains(preset)) throw new IllegalArgumentException("unknown x264 preset '" + preset + "'");
        if (crf < 0 || crf > 51) throw new IllegalArgumentException("CRF must be between 0 and 51, got " + crf);
    }
}
