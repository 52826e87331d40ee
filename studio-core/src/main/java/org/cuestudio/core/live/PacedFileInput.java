package org.cuestudio.core.live;

/**
 * A recording played as if it were a microphone: sample {@code i} becomes readable when the clock reaches
 * {@code start + i / rate}, delivered in blocks of {@code blockSamples}. Like a sound card it holds at most
 * {@code bufferSamples} unread samples; older ones are dropped and counted, so a reader that falls behind loses
 * audio exactly as it would with a microphone.
 */
public final class PacedFileInput implements AudioInput {
    private final float[] samples;
    private final LiveClock clock;
    private final int blockSamples;
    private final int bufferSamples;
    private final String name;
    private long startNanos = -1;
    private long next;
    private long dropped;

    /**
     * @param samples the recording, mono at {@link LiveLipSync#SAMPLE_RATE}
     * @param blockSamples samples per delivery (160 = 10 ms, a typical capture period)
     * @param bufferSamples how many unread samples the "sound card" holds before it drops the oldest
     */
    public PacedFileInput(float[] samples, LiveClock clock, int blockSamples, int bufferSamples, String name) {
        if (blockSamples <= 0 || bufferSamples < blockSamples) {
            throw new IllegalArgumentException("the buffer must hold at least one block of samples");
        }
        this.samples = samples.clone();
        this.clock = clock;
        this.blockSamples = blockSamples;
        this.bufferSamples = bufferSamples;
        this.name = name;
    }

    /** A recording delivered every 10 ms with a buffer of half a second. */
    public PacedFileInput(float[] samples, LiveClock clock, String name) {
        this(samples, clock, LiveLipSync.SAMPLE_RATE / 100, LiveLipSync.SAMPLE_RATE / 2, name);
    }

    @Override
    public void start() {
        startNanos = clock.nanos();
    }

    @Override
    public int read(float[] buffer) throws InterruptedException {
        if (startNanos < 0) throw new IllegalStateException("the input has not been started");
        if (next >= samples.length) return -1;
        long blockEnd = Math.min(samples.length, next + blockSamples);
        clock.sleepUntil(arrivalNanos(blockEnd - 1) + 1);
        // everything the clock has passed has arrived; a reader that is late finds more (or has lost some)
        long arrived = Math.min(samples.length, samplesBy(clock.nanos()));
        if (arrived - next > bufferSamples) {
            long lost = arrived - next - bufferSamples;
            dropped += lost;
            next += lost;
        }
        int n = (int) Math.min(buffer.length, arrived - next);
        System.arraycopy(samples, (int) next, buffer, 0, n);
        next += n;
        return n;
    }

    private long samplesBy(long nanos) {
        return (nanos - startNanos) * LiveLipSync.SAMPLE_RATE / 1_000_000_000L;
    }

    @Override
    public long arrivalNanos(long index) {
        // sample i has arrived once the clock has passed its own end
        return startNanos + Math.floorDiv((index + 1) * 1_000_000_000L, LiveLipSync.SAMPLE_RATE);
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public long droppedSamples() {
        return dropped;
    }

    @Override
    public String describe() {
        return "file " + name + " played in real time";
    }

    @Override
    public void close() {}
}
