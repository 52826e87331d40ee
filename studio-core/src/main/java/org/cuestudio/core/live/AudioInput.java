package org.cuestudio.core.live;

/**
 * Where live audio comes from: a microphone (studio-app's {@code MicrophoneInput}, through Java Sound) or a file
 * paced in real time as if it were one ({@link PacedFileInput}). Mono float samples in [-1, 1] at
 * {@link LiveLipSync#SAMPLE_RATE}. One reader thread.
 */
public interface AudioInput extends AutoCloseable {
    /** Starts capturing; samples arriving from now on are delivered by {@link #read}. */
    void start();

    /**
     * Blocks until some samples have arrived and copies at most {@code buffer.length} of them into {@code buffer}.
     *
     * @return how many samples were copied, or -1 at the end of the input
     */
    int read(float[] buffer) throws InterruptedException;

    /**
     * The clock time (as {@link LiveClock#nanos}) at which sample {@code index} (counted from the first delivered)
     * entered the input (a stream position, see {@link #position}): for a file, when the paced playback reached it; for a microphone, estimated from the
     * moment its buffer was read.
     */
    long arrivalNanos(long index);

    /**
     * How many samples of the input's stream have passed so far, delivered or dropped: after a {@link #read} of
     * {@code n} samples they were the stream's samples {@code position() - n} to {@code position() - 1}.
     */
    long position();

    /** Samples the input lost because they were not read in time (a full capture buffer). */
    long droppedSamples();

    /** A short description for reports ("file hello.wav", "microphone ..."). */
    String describe();

    @Override
    void close();
}
