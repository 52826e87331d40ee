package org.cuestudio.core.export;

import java.nio.file.Path;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * What to write: format, size, frame rate, and the audio file muxed in (null for none). Frames with alpha are
 * composited over {@code backgroundArgb} where the format has no alpha.
 *
 * <p>{@code firstFrame} is the shot frame the first written frame is (0 for a whole shot; more for one range of a
 * render split across machines): the audio starts at that frame's time, and a PNG sequence numbers its files from
 * it, so the ranges of a shot stitch into exactly the whole.
 */
public record VideoSpec(VideoFormat format, Resolution resolution, FrameRate frameRate, @Nullable Path audio,
        int backgroundArgb, long firstFrame) {
    public VideoSpec {
        if (firstFrame < 0) throw new IllegalArgumentException("first frame must not be negative: " + firstFrame);
    }

    /** A spec for a whole shot, from its frame 0. */
    public VideoSpec(VideoFormat format, Resolution resolution, FrameRate frameRate, @Nullable Path audio,
            int backgroundArgb) {
        this(format, resolution, frameRate, audio, backgroundArgb, 0);
    }
}
