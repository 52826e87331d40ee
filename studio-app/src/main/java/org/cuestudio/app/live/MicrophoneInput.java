package org.cuestudio.app.live;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.cuestudio.core.live.AudioInput;
import org.cuestudio.core.live.LiveClock;
import org.cuestudio.core.live.LiveLipSync;

/**
 * The system's default microphone through Java Sound (here, not in studio-core, which uses no {@code javax} types): a {@link TargetDataLine} capturing 16 kHz mono 16-bit PCM
 * (the rate the lip-sync model takes, so nothing is resampled), read in 10 ms blocks. A full capture buffer at
 * read time means the line may have overrun; its unread samples beyond the buffer are counted as dropped.
 */
public final class MicrophoneInput implements AudioInput {
    private static final AudioFormat FORMAT = new AudioFormat(LiveLipSync.SAMPLE_RATE, 16, 1, true, false);
    private final TargetDataLine line;
    private final LiveClock clock;
    private final byte[] bytes = new byte[LiveLipSync.SAMPLE_RATE / 100 * 2];
    private long position;
    private long lastReadNanos;
    private long dropped;
    private boolean closed;

    private MicrophoneInput(TargetDataLine line, LiveClock clock) {
        this.line = line;
        this.clock = clock;
    }

    /** Opens the default capture device with a buffer of {@code bufferMillis}, or says why there is none. */
    public static MicrophoneInput open(LiveClock clock, int bufferMillis) {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
        if (!AudioSystem.isLineSupported(info)) {
            throw new IllegalStateException("no microphone: Java Sound offers no capture line for 16 kHz mono 16-bit "
                    + "audio on this machine (use --input FILE to play a recording as the input)");
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(FORMAT, LiveLipSync.SAMPLE_RATE * 2 * bufferMillis / 1000);
            return new MicrophoneInput(line, clock);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IllegalStateException("the microphone cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        line.flush();
        line.start();
    }

    @Override
    public int read(float[] buffer) {
        if (closed) return -1;
        if (line.available() >= line.getBufferSize()) dropped += LiveLipSync.SAMPLE_RATE / 100;
        int want = Math.min(bytes.length, buffer.length * 2);
        int got = line.read(bytes, 0, want);
        lastReadNanos = clock.nanos();
        int n = got / 2;
        for (int i = 0; i < n; i++) {
            buffer[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8)) / 32768f;
        }
        position += n;
        return closed && n == 0 ? -1 : n;
    }

    @Override
    public long arrivalNanos(long index) {
        // the last sample read arrived just before the read returned; earlier ones one sample period each before it
        long behind = position - 1 - index;
        return lastReadNanos - behind * 1_000_000_000L / LiveLipSync.SAMPLE_RATE;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long droppedSamples() {
        return dropped;
    }

    @Override
    public String describe() {
        return "microphone " + line.getLineInfo();
    }

    /** Stops capturing; a read in progress returns what it has, and the next read reports the end. */
    @Override
    public void close() {
        closed = true;
        line.stop();
        line.close();
    }
}
