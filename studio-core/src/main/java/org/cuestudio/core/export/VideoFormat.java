package org.cuestudio.core.export;

/** Video files the studio writes. */
public enum VideoFormat {
    /** H.264 (yuv420p) video with AAC audio in an MP4 container, for review and players. */
    MP4_H264("mp4", false, false),
    /** Apple ProRes 422 HQ (10-bit 4:2:2, no alpha) with PCM audio in a QuickTime MOV, for editing. */
    PRORES_422_HQ("mov", false, false),
    /** Apple ProRes 4444 (10-bit 4:4:4 with straight alpha) with PCM audio in a QuickTime MOV, for compositing. */
    PRORES_4444("mov", true, false),
    /**
     * A folder of RGBA PNGs ({@code frame_000000.png} is time zero) with the audio beside them as
     * {@code audio.wav}, for compositing tools that take image sequences.
     */
    PNG_SEQUENCE("", true, true);

    private final String extension;
    private final boolean alpha;
    private final boolean folder;

    VideoFormat(String extension, boolean alpha, boolean folder) {
        this.extension = extension;
        this.alpha = alpha;
        this.folder = folder;
    }

    /** The file name extension without its dot ({@code mp4}, {@code mov}); empty for a folder. */
    public String extension() {
        return extension;
    }

    /** Whether the output keeps the frames' alpha, so renders for it should have a transparent background. */
    public boolean hasAlpha() {
        return alpha;
    }

    /** Whether the output is a folder of files rather than one file. */
    public boolean isFolder() {
        return folder;
    }
}
