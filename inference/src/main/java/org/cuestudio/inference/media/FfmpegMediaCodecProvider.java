package org.cuestudio.inference.media;

import org.cuestudio.core.audio.AudioDecoder;
import org.cuestudio.core.export.MediaCodecProvider;
import org.cuestudio.core.export.VideoEncoder;

/**
 * Offers the FFmpeg-based audio decoder and MP4 encoder to the studio through {@link java.util.ServiceLoader}, so
 * that the app depends on the inference module only at run time.
 */
public final class FfmpegMediaCodecProvider implements MediaCodecProvider {
    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    private final FfmpegVideoEncoder encoder = new FfmpegVideoEncoder(H264Settings.FINAL);

    @Override
    public AudioDecoder audioDecoder() {
        return decoder;
    }

    @Override
    public VideoEncoder videoEncoder() {
        return encoder;
    }
}
