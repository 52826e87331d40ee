package org.cuestudio.inference.media;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's native log to SLF4J, so that decoding a damaged file does not spray lines over the console of a
 * desktop app; the caller gets a clear exception instead and the detail stays available in the log.
 */
final class FfmpegLogging {
    private static final Logger LOG = LoggerFactory.getLogger("org.cuestudio.inference.media.ffmpeg");

    /** FFmpeg levels are "smaller is worse"; anything chattier than warnings is dropped before it reaches Java. */
    private static final int THRESHOLD = avutil.AV_LOG_WARNING;

    private static final Forwarder FORWARDER = new Forwarder();

    static {
        avutil.av_log_set_level(THRESHOLD);
        avutil.setLogCallback(FORWARDER);
        // The callback is a native function pointer; keep the Java object reachable for the life of the process.
        FORWARDER.retainReference();
    }

    private FfmpegLogging() {}

    /** Installs the forwarder once; cheap to call before every use of FFmpeg. */
    static void install() {
        // The work happens in the static initialiser, which the JVM runs exactly once and thread-safely.
    }

    private static final class Forwarder extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > THRESHOLD) return;
            String text = message.getString().strip();
            if (text.isEmpty()) return;
            // FFmpeg errors about a damaged input are reported to the caller as exceptions, so they are
            // warnings here; FFmpeg warnings ("estimating duration from bitrate") are rarely actionable.
            if (level <= avutil.AV_LOG_ERROR) {
                LOG.warn("{}", text);
            } else {
                LOG.debug("{}", text);
            }
        }
    }
}
