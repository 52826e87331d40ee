package org.cuestudio.core.audio;

import java.nio.file.Path;

/** Decodes a dialogue recording (WAV, MP3, AAC, FLAC, OGG...) to a mono {@link AudioClip}. */
public interface AudioDecoder {
    /**
     * Decodes the whole file, mixing to mono and resampling to {@code sampleRate}.
     *
     * @throws AudioDecodeException naming the file and what is wrong with it
     */
    AudioClip decode(Path file, int sampleRate) throws AudioDecodeException;
}
