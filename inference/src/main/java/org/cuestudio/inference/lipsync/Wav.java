package org.cuestudio.inference.lipsync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.audio.AudioClip;

/**
 * Minimal 16-bit PCM WAV reading and band-limited resampling, for the training tools and tests that must not
 * need FFmpeg. The studio decodes user files through {@link org.cuestudio.core.audio.AudioDecoder}.
 */
public final class Wav {
    private Wav() {}

    /** Reads a 16-bit PCM WAV, mixing channels to mono. */
    public static AudioClip read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw new IOException(file + ": not a RIFF WAVE file");
        int pos = 12, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos), len = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) { // "data"
                if (bits != 16 || channels < 1) throw new IOException(file + ": only 16-bit PCM WAV is supported");
                len = Math.min(len, b.limit() - pos - 8);
                int n = len / 2 / channels;
                float[] s = new float[n];
                for (int i = 0; i < n; i++) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) sum += b.getShort(pos + 8 + 2 * (i * channels + c));
                    s[i] = sum / channels / 32768f;
                }
                return new AudioClip(rate, s);
            }
            pos += 8 + len + (len & 1);
        }
        throw new IOException(file + ": no data chunk");
    }

    /** Writes a 16-bit mono PCM WAV (used by tests). */
    public static void write(Path file, AudioClip clip) throws IOException {
        float[] s = clip.samples();
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * s.length).putInt(0x45564157).putInt(0x20746d66).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(clip.sampleRate()).putInt(clip.sampleRate() * 2)
                .putShort((short) 2).putShort((short) 16).putInt(0x61746164).putInt(2 * s.length);
        for (float v : s) b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
        Files.write(file, b.array());
    }

    /**
     * Resamples so that the output at {@code outRate} lasts {@code stretch} times as long as the input (stretch 1:
     * plain rate conversion; stretch 1.1: 10% slower and lower). Windowed-sinc interpolation with the cut-off
     * below the lower of the two Nyquist frequencies.
     */
    public static float[] resample(float[] in, int inRate, int outRate, double stretch) {
        double step = inRate / (outRate * stretch); // input samples per output sample
        int n = (int) Math.floor(in.length / step);
        float[] out = new float[n];
        double cutoff = Math.min(1.0, 1.0 / step) * 0.92; // relative to the input Nyquist
        int radius = (int) Math.ceil(12 / cutoff);
        int phases = 256;
        int taps = 2 * radius;
        // kernel[p][t]: weight of input sample (floor(x) - radius + 1 + t) when frac(x) = p / phases
        float[][] kernel = new float[phases + 1][taps];
        for (int p = 0; p <= phases; p++) {
            double frac = p / (double) phases, wsum = 0;
            for (int t = 0; t < taps; t++) {
                double d = (t - radius + 1) - frac;
                double arg = d * cutoff;
                double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
                double w = Math.abs(d) >= radius ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * d / radius);
                kernel[p][t] = (float) (sinc * w);
                wsum += sinc * w;
            }
            for (int t = 0; t < taps; t++) kernel[p][t] /= (float) wsum;
        }
        for (int i = 0; i < n; i++) {
            double x = i * step;
            int base = (int) Math.floor(x);
            float[] k = kernel[(int) Math.round((x - base) * phases)];
            int first = base - radius + 1;
            float sum = 0;
            if (first >= 0 && first + taps <= in.length) {
                for (int t = 0; t < taps; t++) sum += in[first + t] * k[t];
            } else {
                for (int t = 0; t < taps; t++) {
                    int j = first + t;
                    if (j >= 0 && j < in.length) sum += in[j] * k[t];
                }
            }
            out[i] = sum;
        }
        return out;
    }
}
