package org.cuestudio.inference.media;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.cuestudio.core.audio.AudioDecodeException;
import org.jspecify.annotations.Nullable;

/**
 * Streams the first audio stream of any file FFmpeg reads as interleaved 32-bit float samples at a chosen rate;
 * shared by the decoder (whole file to mono) and the encoder (muxing the shot's audio).
 *
 * <p>Mono stays mono and stereo stays stereo; only files with more channels are mixed down to stereo by FFmpeg.
 * Callers do the last step themselves because FFmpeg's float down- and up-mixes follow the -3 dB pan law: a
 * dual-mono dialogue track would come out 3 dB louder (and above 1.0) as mono, a mono one 3 dB quieter as stereo.
 *
 * <p>Problems are reported as {@link AudioDecodeException}s whose message names the file and says in plain words
 * what is wrong, without FFmpeg's internal function names.
 */
final class FfmpegAudioReader implements AutoCloseable {
    /**
     * JavaCV picks the first video stream unless told otherwise; an index no file has makes it open none, so the
     * cover art of an MP3 or the picture of a video file is never decoded.
     */
    private static final int NO_VIDEO_STREAM = Integer.MAX_VALUE;

    private static final Pattern FFMPEG_ERROR_CODE = Pattern.compile("error (-\\d+)");

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final int sampleRate;
    private int channels;
    private final long maxFrames;
    private final double maxSeconds;
    private long framesRead;

    private FfmpegAudioReader(Path file, FFmpegFrameGrabber grabber, int sampleRate, double maxSeconds) {
        this.file = file;
        this.grabber = grabber;
        this.sampleRate = sampleRate;
        this.maxSeconds = maxSeconds;
        this.maxFrames = (long) Math.ceil(maxSeconds * sampleRate);
    }

    /**
     * Opens a file for reading.
     *
     * @param maxSeconds longest audio accepted; longer files are refused before (and while) decoding them
     * @throws AudioDecodeException if the file is missing, not a file, empty, unreadable, has no audio or is too long
     */
    static FfmpegAudioReader open(Path file, int sampleRate, double maxSeconds) throws AudioDecodeException {
        checkIsReadableFile(file);
        FfmpegLogging.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setVideoStream(NO_VIDEO_STREAM);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        grabber.setSampleRate(sampleRate);
        FfmpegAudioReader reader = new FfmpegAudioReader(file, grabber, sampleRate, maxSeconds);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            reader.close();
            throw new AudioDecodeException(file, reasonForStartFailure(e), e);
        }
        if (!grabber.hasAudio()) {
            reader.close();
            throw new AudioDecodeException(file, "it has no audio stream");
        }
        // Until set, the grabber reports the stream's own channel count; the conversion is chosen per frame.
        reader.channels = Math.min(grabber.getAudioChannels(), 2);
        if (reader.channels < 1) {
            reader.close();
            throw new AudioDecodeException(file, "its audio stream has no channels");
        }
        grabber.setAudioChannels(reader.channels);
        long declaredMicros = grabber.getLengthInTime();
        if (declaredMicros > maxSeconds * 1_000_000.0) {
            reader.close();
            throw new AudioDecodeException(file, "it is " + formatDuration(declaredMicros / 1e6)
                    + " long; the longest audio accepted is " + formatDuration(maxSeconds));
        }
        return reader;
    }

    /** The length the container declares, in seconds, or a negative number when it does not say. */
    double declaredSeconds() {
        long micros = grabber.getLengthInTime();
        return micros > 0 ? micros / 1e6 : -1;
    }

    /**
     * The next block of interleaved samples, or null at the end of the stream. The buffer belongs to the reader
     * and is only valid until the next call.
     */
    @Nullable FloatBuffer next() throws AudioDecodeException {
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabSamples();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new AudioDecodeException(file, "it is damaged after " + formatDuration(framesRead
                        / (double) sampleRate) + " (" + ffmpegReason(e) + ")", e);
            }
            if (frame == null) return null;
            if (frame.samples == null || frame.samples.length == 0) continue;
            if (!(frame.samples[0] instanceof FloatBuffer samples)) {
                // Cannot happen while the grabber converts to AV_SAMPLE_FMT_FLT; guard against a JavaCV change.
                throw new AudioDecodeException(file, "FFmpeg returned samples in an unexpected format");
            }
            if (!samples.hasRemaining()) continue;
            framesRead += samples.remaining() / channels;
            if (framesRead > maxFrames) {
                throw new AudioDecodeException(file, "it is longer than " + formatDuration(maxSeconds)
                        + ", the longest audio accepted");
            }
            return samples;
        }
    }

    /** Interleaved channels in every block: 1 for a mono file, otherwise 2. */
    int channels() {
        return channels;
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Only native memory is released here; nothing the caller could act on.
        }
    }

    private static void checkIsReadableFile(Path file) throws AudioDecodeException {
        if (Files.isDirectory(file)) throw new AudioDecodeException(file, "it is a folder, not a file");
        if (!Files.exists(file)) throw new AudioDecodeException(file, "the file does not exist");
        if (!Files.isReadable(file)) throw new AudioDecodeException(file, "the file cannot be read (no permission)");
        try {
            if (Files.size(file) == 0) throw new AudioDecodeException(file, "the file is empty");
        } catch (IOException e) {
            throw new AudioDecodeException(file, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String reasonForStartFailure(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Did not find a video or audio stream")) return "it has no audio stream";
        if (message.contains("avcodec_find_decoder")) return "its audio codec is not supported";
        if (message.contains("avformat_open_input")) {
            return "it is not an audio or video file that FFmpeg can read (" + ffmpegReason(e) + ")";
        }
        if (message.contains("avformat_find_stream_info")) {
            return "its streams cannot be read (" + ffmpegReason(e) + ")";
        }
        return "FFmpeg cannot open it (" + ffmpegReason(e) + ")";
    }

    /** FFmpeg's own words for the error code in a JavaCV message, e.g. "Invalid data found when processing input". */
    static String ffmpegReason(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = FFMPEG_ERROR_CODE.matcher(message);
        if (m.find()) {
            try {
                byte[] text = new byte[256];
                if (avutil.av_strerror(Integer.parseInt(m.group(1)), text, text.length) == 0) {
                    int end = 0;
                    while (end < text.length && text[end] != 0) end++;
                    return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (NumberFormatException ignored) {
                // Fall through to the raw message.
            }
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }

    static String formatDuration(double seconds) {
        long s = (long) Math.floor(seconds);
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
