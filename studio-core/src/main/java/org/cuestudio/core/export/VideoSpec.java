package org.cuestudio.core.export;

import java.nio.file.Path;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * What to write: format, size, frame rate, and the audio file muxed in from time zero (null for none). Frames
 * with alpha are composited over {@code backgroundArgb} where the format has no alpha.
 */
public record VideoSpec(VideoFormat format, Resolution resolution, FrameRate frameRate, @Nullable Path audio,
        int backgroundArgb) {
}
