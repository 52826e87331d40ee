package org.cuestudio.inference.media;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.audio.AudioDecoder;

/**
 * Decodes a dialogue recording in any format FFmpeg reads (WAV, MP3, AAC/M4A, FLAC, OGG, the audio of a video
 * file) to mono float samples at the rate the caller asks for; video streams are never decoded.
 *
 * <p>FFmpeg resamples (libswresample) and mixes surround down to stereo; stereo becomes mono as the average of its
 * two channels, so a dual-mono recording keeps its level. When the rate changes, the last few samples (under half
 * a millisecond) stay in the resampler's filter, which JavaCV does not flush. Files longer than
 * {@link #DEFAULT_MAX_SECONDS} are refused: a dialogue track that long is almost certainly the wrong file, and
 * decoding it would take gigabytes.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
    /** Three hours: far beyond any shot, still a bounded amount of memory (about 2 GB of floats at 48 kHz). */
    public static final double DEFAULT_MAX_SECONDS = 3 * 3600;

    private static final int MIN_RATE = 1_000;
    private static final int MAX_RATE = 384_000;

    private final double maxSeconds;

    /** A decoder that accepts audio up to {@link #DEFAULT_MAX_SECONDS}. */
    public FfmpegAudioDecoder() {
        this(DEFAULT_MAX_SECONDS);
    }

    /** A decoder that refuses audio longer than {@code maxSeconds}. */
    public FfmpegAudioDecoder(double maxSeconds) {
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("maximum length must be positive: " + maxSeconds);
        this.maxSeconds = maxSeconds;
    }

    @Override
    public AudioClip decode(Path file, int sampleRate) throws AudioDecodeException {
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
            throw new IllegalArgumentException("sample rate must be between " + MIN_RATE + " and " + MAX_RATE
                    + " Hz, got " + sampleRate);
        }
        // A Java array holds at most about 2^31 samples, which bounds the length at very high rates.
        double limit = Math.min(maxSeconds, (Integer.MAX_VALUE - 8) / (double) sampleRate);
        try (FfmpegAudioReader reader = FfmpegAudioReader.open(file, sampleRate, limit)) {
            int channels = reader.channels();
            // Size the array from the declared length so a long file is not copied a dozen times while growing.
            double declared = reader.declaredSeconds();
            int capacity = declared > 0
                    ? (int) Math.min(Math.ceil(declared * sampleRate) + sampleRate, Integer.MAX_VALUE - 8)
                    : sampleRate * 10;
            float[] samples = new float[Math.max(capacity, 1024)];
            int length = 0;
            for (FloatBuffer block = reader.next(); block != null; block = reader.next()) {
                int n = block.remaining() / channels;
                if (length + n > samples.length) {
                    samples = Arrays.copyOf(samples, grow(samples.length, length + n));
                }
                if (channels == 1) {
                    block.get(samples, length, n);
                } else {
                    // The average, so that dual-mono dialogue keeps its level and stays within [-1, 1].
                    for (int i = 0; i < n; i++) {
                        float mean = (block.get() + block.get()) * 0.5f;
                        samples[length + i] = Math.max(-1f, Math.min(1f, mean));
                    }
                }
                length += n;
            }
            if (length == 0) throw new AudioDecodeException(file, "it contains no audio samples");
            return new AudioClip(sampleRate, length == samples.length ? samples : Arrays.copyOf(samples, length));
        }
    }

    private static int grow(int current, int needed) {
        long next = Math.max((long) needed, current + (current >> 1));
        return (int) Math.min(next, Integer.MAX_VALUE - 8);
    }
}
