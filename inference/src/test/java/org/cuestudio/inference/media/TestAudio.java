package org.cuestudio.inference.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes small 16-bit PCM WAV files for the media tests, so no binary fixtures live in the repository. */
final class TestAudio {
    private TestAudio() {}

    /** A mono or stereo WAV whose every channel carries {@code signal(sampleIndex)} in [-1, 1]. */
    static Path write(Path file, int sampleRate, int channels, double seconds, IntToDoubleFunction signal)
            throws IOException {
        return writeChannels(file, sampleRate, seconds, repeat(signal, channels));
    }

    /** A WAV with one signal per channel. */
    static Path writeChannels(Path file, int sampleRate, double seconds, IntToDoubleFunction... channels)
            throws IOException {
        int frames = (int) Math.round(seconds * sampleRate);
        byte[] data = new byte[frames * channels.length * 2];
        int i = 0;
        for (int n = 0; n < frames; n++) {
            for (IntToDoubleFunction channel : channels) {
                int v = (int) Math.round(Math.max(-1, Math.min(1, channel.applyAsDouble(n))) * 32767);
                data[i++] = (byte) v;
                data[i++] = (byte) (v >> 8);
            }
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels.length, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    static IntToDoubleFunction sine(double hz, double amplitude, int sampleRate) {
        return n -> amplitude * Math.sin(2 * Math.PI * hz * n / sampleRate);
    }

    /** Silence with a tone burst from {@code startSeconds} on, to find the audio's position in time. */
    static IntToDoubleFunction burstFrom(double startSeconds, double hz, int sampleRate) {
        int start = (int) Math.round(startSeconds * sampleRate);
        IntToDoubleFunction tone = sine(hz, 0.8, sampleRate);
        return n -> n < start ? 0 : tone.applyAsDouble(n - start);
    }

    /** Uniform white noise, seeded so the files are the same on every run. */
    static IntToDoubleFunction noise(double amplitude, long seed) {
        Random random = new Random(seed);
        return n -> amplitude * (random.nextDouble() * 2 - 1);
    }

    static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += samples[i] * (double) samples[i];
        return Math.sqrt(sum / (to - from));
    }

    /** Frequency of a clean tone from its rising zero crossings. */
    static double frequencyByZeroCrossings(float[] samples, int sampleRate, int from, int to) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) first = i;
                last = i;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / (double) sampleRate);
    }

    /** Index of the first sample whose magnitude exceeds {@code threshold}, or -1. */
    static int onset(float[] samples, double threshold) {
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > threshold) return i;
        }
        return -1;
    }

    private static IntToDoubleFunction[] repeat(IntToDoubleFunction signal, int channels) {
        IntToDoubleFunction[] all = new IntToDoubleFunction[channels];
        java.util.Arrays.fill(all, signal);
        return all;
    }
}
