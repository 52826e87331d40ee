package org.cuestudio.core.live;

import org.cuestudio.core.model.MouthShape;

/**
 * Lip-sync of audio as it arrives: 16 kHz mono samples in, one decided mouth shape per 10 ms frame out, in order,
 * a bounded number of frames behind the input ({@link #delayFrames}). The streaming counterpart of
 * {@link org.cuestudio.core.audio.LipSync}; implemented in the inference module and found through
 * {@link LiveLipSyncProvider}. Not thread-safe: one stream, one thread.
 */
public interface LiveLipSync {
    /** The sample rate {@link #accept} takes. */
    int SAMPLE_RATE = 16_000;
    /** Decided frames per second. */
    int FRAMES_PER_SECOND = 100;

    /** Feeds {@code len} samples from {@code samples[off]}; decides the frames that the new audio settles. */
    void accept(float[] samples, int off, int len);

    /** Marks the end of the audio: every remaining frame is decided, as an offline pass would at a clip's end. */
    void finish();

    /** How many frames (from 0) are decided. */
    int decidedFrames();

    /** The decided shape of a frame below {@link #decidedFrames}. */
    MouthShape shape(int frame);

    /** The most frames a decision trails the audio by (look-ahead, decision lag and analysis context). */
    int delayFrames();
}
