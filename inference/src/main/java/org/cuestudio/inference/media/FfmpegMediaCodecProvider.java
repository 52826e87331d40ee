package org.cuestudio.inference.media;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
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

    /** FFmpeg's version and whether the encoders the exports need (H.264, AAC, ProRes, PNG, PCM) are in the loaded libraries. */
    @Override
    public Map<String, String> diagnostics() {
        Map<String, String> d = new LinkedHashMap<>();
        try {
            d.put("ffmpeg", avutil.av_version_info().getString());
            for (String name : new String[] {"libx264", "aac", "prores_ks", "png", "pcm_s24le"}) {
                var codec = avcodec.avcodec_find_encoder_by_name(name);
                d.put(name, codec != null && !codec.isNull() ? "available"
                        : "missing from the bundled FFmpeg: exports that use it will fail");
            }
        } catch (LinkageError e) {
            d.put("ffmpeg", "cannot load the native FFmpeg libraries: " + e.getMessage());
        }
        return d;
    }
}
