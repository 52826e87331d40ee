package org.cuestudio.core.export;

/** Video files the studio writes. */
public enum VideoFormat {
    /** H.264 (yuv420p) video with AAC audio in an MP4 container. */
    MP4_H264("mp4");

    private final String extension;

    VideoFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
