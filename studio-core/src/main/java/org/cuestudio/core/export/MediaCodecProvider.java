package org.cuestudio.core.export;

import java.util.Map;
import java.util.ServiceLoader;
import org.cuestudio.core.audio.AudioDecoder;

/** Service-loaded source of the native audio decoder and video encoder (JavaCV/FFmpeg in the inference module). */
public interface MediaCodecProvider {
    AudioDecoder audioDecoder();

    VideoEncoder videoEncoder();

    /**
     * What the codecs run on, for {@code cue doctor}: library versions and, per codec the studio needs (e.g.
     * {@code libx264}, {@code aac}), "available" or why not. The default says only which provider it is.
     */
    default Map<String, String> diagnostics() {
        return Map.of("provider", getClass().getName());
    }

    /** The provider on the class path, or an exception that says it is missing. */
    static MediaCodecProvider load() {
        return ServiceLoader.load(MediaCodecProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no media codecs found: the inference module is missing from the class path"));
    }
}
