package org.cuestudio.app.ui;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;

/**
 * Decodes uncompressed audio (WAV, AIFF, AU) with the JDK's own javax.sound, so that the timeline and playback
 * work where the native codecs of the inference module are not on the class path.
 */
final class JavaSoundAudio {
    private JavaSoundAudio() {}

    /** Decodes a whole file to mono floats, resampled to {@code sampleRate} when the JDK can, else at its own rate. */
    static AudioClip decode(Path file, int sampleRate) throws AudioDecodeException {
        if (!Files.isRegularFile(file)) throw new AudioDecodeException(file, "no such file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat src = in.getFormat();
            int channels = Math.max(1, src.getChannels());
            AudioFormat pcm = new AudioFormat(src.getSampleRate(), 16, channels, true, false);
            AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, in);
            AudioFormat wanted = new AudioFormat(sampleRate, 16, channels, true, false);
            if (Math.round(src.getSampleRate()) != sampleRate && AudioSystem.isConversionSupported(wanted, pcm)) {
                decoded = AudioSystem.getAudioInputStream(wanted, decoded);
            }
            byte[] bytes = decoded.readAllBytes();
            int rate = Math.round(decoded.getFormat().getSampleRate());
            int frames = bytes.length / (2 * channels);
            float[] mono = new float[frames];
            for (int f = 0; f < frames; f++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    int i = (f * channels + c) * 2;
                    sum += (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8)) / 32768f;
                }
                mono[f] = sum / channels;
            }
            return new AudioClip(rate, mono);
        } catch (UnsupportedAudioFileException e) {
            throw new AudioDecodeException(file, "not an uncompressed audio file the JDK can read "
                    + "(install the inference module for MP3, AAC, FLAC and OGG)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new AudioDecodeException(file, String.valueOf(e.getMessage()), e);
        }
    }

    /** 16-bit little-endian PCM bytes of a mono clip, for a sound line. */
    static byte[] toPcm16(AudioClip clip) {
        float[] s = clip.samples();
        byte[] out = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, s[i])) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
