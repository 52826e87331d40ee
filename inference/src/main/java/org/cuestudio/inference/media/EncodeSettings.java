package org.cuestudio.inference.media;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.cuestudio.core.export.VideoFormat;

/**
 * How {@link FfmpegVideoEncoder} writes one container format: muxer, video encoder and its options, the pixel
 * format handed to it (always converted in Java with the BT.709 matrix, then tagged), and the audio codec.
 *
 * @param muxer            FFmpeg muxer name ({@code mp4}, {@code mov})
 * @param videoEncoder     FFmpeg encoder name ({@code libx264}, {@code prores_ks})
 * @param pixelFormat      the {@code AV_PIX_FMT_*} the encoder takes, one of those {@link Picture} produces
 * @param videoBitrate     bits per second, or 0 to leave rate control to the encoder's own options
 * @param keyframeSeconds  longest stretch between keyframes (intra-only codecs ignore it)
 * @param videoOptions     encoder options
 * @param muxerOptions     container options
 * @param audioCodec       {@code AV_CODEC_ID_*} of the audio
 * @param audioSampleFormat {@code AV_SAMPLE_FMT_*} the audio encoder takes, or {@code AV_SAMPLE_FMT_NONE} for its
 *                         default
 * @param audioBitrate     bits per second for lossy audio; ignored by PCM
 */
record EncodeSettings(String muxer, String videoEncoder, int pixelFormat, int videoBitrate, double keyframeSeconds,
        Map<String, String> videoOptions, Map<String, String> muxerOptions, int audioCodec, int audioSampleFormat,
        int audioBitrate) {
    /** prores_ks profile numbers, as FFmpeg names them. */
    static final int PRORES_PROFILE_HQ = 3;
    static final int PRORES_PROFILE_4444 = 4;

    EncodeSettings {
        videoOptions = Map.copyOf(videoOptions);
        muxerOptions = Map.copyOf(muxerOptions);
    }

    /** The settings for a file format; H.264 uses the given x264 preset and CRF. */
    static EncodeSettings of(VideoFormat format, H264Settings h264) {
        return switch (format) {
            case MP4_H264 -> h264(h264);
            case PRORES_422_HQ -> prores(PRORES_PROFILE_HQ, avutil.AV_PIX_FMT_YUV422P10LE);
            case PRORES_4444 -> prores(PRORES_PROFILE_4444, avutil.AV_PIX_FMT_YUVA444P10LE);
            case PNG_SEQUENCE -> throw new IllegalArgumentException("a PNG sequence is not a container format");
        };
    }

    /** libx264 High, yuv420p, CRF, AAC-LC 160 kb/s, index at the front. */
    static EncodeSettings h264(H264Settings settings) {
        Map<String, String> video = new LinkedHashMap<>();
        video.put("preset", settings.preset());
        video.put("crf", Integer.toString(settings.crf()));
        // JavaCV asks for Constrained Baseline by default; High is what every player since 2010 decodes.
        video.put("profile", "high");
        video.putAll(bt709Tags());
        return new EncodeSettings("mp4", "libx264", avutil.AV_PIX_FMT_YUV420P, 0, 2.0, video,
                Map.of("movflags", "+faststart"), avcodec.AV_CODEC_ID_AAC, avutil.AV_SAMPLE_FMT_NONE, 160_000);
    }

    /**
     * prores_ks at a profile, 24-bit PCM, index at the front. The vendor tag {@code apl0} makes Apple's decoders
     * and Final Cut treat the file as their own.
     */
    static EncodeSettings prores(int profile, int pixelFormat) {
        Map<String, String> video = new LinkedHashMap<>();
        video.put("profile", Integer.toString(profile));
        video.put("vendor", "apl0");
        if (pixelFormat == avutil.AV_PIX_FMT_YUVA444P10LE) video.put("alpha_bits", "16");
        video.putAll(bt709Tags());
        return new EncodeSettings("mov", "prores_ks", pixelFormat, 0, 0, video, Map.of("movflags", "+faststart"),
                avcodec.AV_CODEC_ID_PCM_S24LE, avutil.AV_SAMPLE_FMT_S32, 0);
    }

    /** Labels the picture with the matrix {@link Picture} used, so that players do not guess. */
    private static Map<String, String> bt709Tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("colorspace", "bt709");
        tags.put("color_primaries", "bt709");
        tags.put("color_trc", "bt709");
        tags.put("color_range", "tv");
        return tags;
    }
}
