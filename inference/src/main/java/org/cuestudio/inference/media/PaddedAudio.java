package org.cuestudio.inference.media;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.cuestudio.core.audio.AudioDecodeException;
import org.jspecify.annotations.Nullable;

/**
 * A shot's audio decoded to 48 kHz interleaved stereo float and handed out in bounded chunks up to any length:
 * the source first, then silence once it has ended, so an export's audio is exactly as long as its video. Mono
 * dialogue goes to both sides at its recorded level (dual mono), as editors expect.
 */
final class PaddedAudio implements AutoCloseable {
    static final int RATE = 48_000;
    static final int CHANNELS = 2;
    /** Samples (all channels) handed out at a time; a bounded, reused buffer. */
    private static final int CHUNK = 4096 * CHANNELS;

    /** Receives interleaved stereo samples; the buffer is reused after the call returns. */
    interface Sink<E extends Exception> {
        void accept(FloatBuffer interleaved) throws E;
    }

    private final FfmpegAudioReader reader;
    private final float[] chunk = new float[CHUNK];
    private @Nullable FloatBuffer pending;
    private boolean sourceEnded;
    /** Samples per channel already handed out. */
    private long written;

    PaddedAudio(Path file) throws AudioDecodeException {
        this(file, 0);
    }

    /**
     * The audio from sample {@code start} (per channel) on, for an export that begins part way into the shot: the
     * samples before it are decoded and dropped, so the cut falls on the same sample as in a whole export.
     */
    PaddedAudio(Path file, long start) throws AudioDecodeException {
        // The audio may be as long as it likes; only what fits under the video is ever read.
        this.reader = FfmpegAudioReader.open(file, RATE, Double.MAX_VALUE);
        try {
            writeUntil(start, chunk -> { });
        } catch (AudioDecodeException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Samples per channel handed out (or skipped) so far: the position in the shot's audio. */
    long written() {
        return written;
    }

    /** Hands out source audio, then silence once it has ended, until {@code total} samples per channel. */
    <E extends Exception> void writeUntil(long total, Sink<E> sink) throws AudioDecodeException, E {
        while (written < total) {
            int wanted = (int) Math.min(total - written, CHUNK / CHANNELS);
            int frames;
            FloatBuffer source = nextSource();
            if (source == null) {
                frames = wanted;
                Arrays.fill(chunk, 0, frames * CHANNELS, 0f);
            } else if (reader.channels() == CHANNELS) {
                frames = Math.min(wanted, source.remaining() / CHANNELS);
                source.get(chunk, 0, frames * CHANNELS);
            } else {
                frames = Math.min(wanted, source.remaining());
                for (int i = 0; i < frames; i++) {
                    float v = source.get();
                    chunk[2 * i] = v;
                    chunk[2 * i + 1] = v;
                }
            }
            // Position 0 matters: JavaCV copies heap buffers from their start.
            sink.accept(FloatBuffer.wrap(chunk, 0, frames * CHANNELS));
            written += frames;
        }
    }

    /**
     * Samples per channel that cover exactly {@code frames} frames at {@code num/den} fps:
     * {@code frames * den * 48000 / num}, rounded to the nearest sample, so the audio never drifts from the
     * picture however long the shot.
     */
    static long samplesFor(long frames, long num, long den) {
        return Math.floorDiv(Math.multiplyExact(frames, den * RATE) * 2 + num, 2 * num);
    }

    private @Nullable FloatBuffer nextSource() throws AudioDecodeException {
        while (!sourceEnded && (pending == null || pending.remaining() < reader.channels())) {
            pending = reader.next();
            if (pending == null) sourceEnded = true;
        }
        return sourceEnded ? null : pending;
    }

    @Override
    public void close() {
        reader.close();
    }
}
