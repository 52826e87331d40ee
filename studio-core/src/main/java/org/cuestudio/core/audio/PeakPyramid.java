package org.cuestudio.core.audio;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Min/max peaks of a clip at every zoom, for drawing its waveform: level 0 holds the minimum and maximum of each
 * bucket of {@link #BASE_BUCKET} samples, each further level halves the bucket count, up to a single bucket.
 * Computed once per audio file and cacheable beside the project ({@link #write} / {@link #read}: level 0 only,
 * the other levels are rebuilt). Peaks are stored as 16-bit values, each minimum rounded down and each maximum
 * rounded up, so a drawn envelope never hides a sample.
 */
public final class PeakPyramid {
    /** Samples per bucket at level 0. */
    public static final int BASE_BUCKET = 256;
    /** The file format's magic ("CPKS") and version. */
    static final int MAGIC = 0x43504B53, VERSION = 1;
    private static final float SCALE = 32767f;

    private final int sampleRate;
    private final long sampleCount;
    private final List<short[]> mins;
    private final List<short[]> maxs;

    private PeakPyramid(int sampleRate, long sampleCount, short[] min0, short[] max0) {
        this.sampleRate = sampleRate;
        this.sampleCount = sampleCount;
        this.mins = new ArrayList<>();
        this.maxs = new ArrayList<>();
        short[] lo = min0, hi = max0;
        mins.add(lo);
        maxs.add(hi);
        while (lo.length > 1) {
            int n = (lo.length + 1) / 2;
            short[] l = new short[n], h = new short[n];
            for (int i = 0; i < n; i++) {
                int a = 2 * i, b = Math.min(lo.length - 1, 2 * i + 1);
                l[i] = (short) Math.min(lo[a], lo[b]);
                h[i] = (short) Math.max(hi[a], hi[b]);
            }
            mins.add(lo = l);
            maxs.add(hi = h);
        }
    }

    /** Computes the pyramid of a clip. */
    public static PeakPyramid of(AudioClip clip) {
        float[] s = clip.samples();
        int n = Math.max(1, (s.length + BASE_BUCKET - 1) / BASE_BUCKET);
        short[] lo = new short[n], hi = new short[n];
        for (int b = 0; b < n; b++) {
            float mn = 0, mx = 0;
            for (int i = b * BASE_BUCKET, e = Math.min(s.length, i + BASE_BUCKET); i < e; i++) {
                mn = Math.min(mn, s[i]);
                mx = Math.max(mx, s[i]);
            }
            lo[b] = quantiseDown(mn);
            hi[b] = quantiseUp(mx);
        }
        return new PeakPyramid(clip.sampleRate(), s.length, lo, hi);
    }

    /** The 16-bit value at or below {@code v} (clamped to [-1, 1]). */
    static short quantiseDown(float v) {
        return (short) Math.max(-32767, Math.min(32767, Math.floor(v * (double) SCALE)));
    }

    /** The 16-bit value at or above {@code v} (clamped to [-1, 1]). */
    static short quantiseUp(float v) {
        return (short) Math.max(-32767, Math.min(32767, Math.ceil(v * (double) SCALE)));
    }

    public int sampleRate() {
        return sampleRate;
    }

    public long sampleCount() {
        return sampleCount;
    }

    /** Number of levels (level {@code k} has buckets of {@code BASE_BUCKET << k} samples). */
    public int levels() {
        return mins.size();
    }

    /** Samples per bucket at a level. */
    public static long bucketSize(int level) {
        return (long) BASE_BUCKET << level;
    }

    /**
     * The waveform of samples {@code [fromSample, toSample)} drawn {@code pixels} wide: per pixel column its
     * minimum ({@code [0][p]}) and maximum ({@code [1][p]}) in [-1, 1]. Uses the coarsest level whose buckets
     * are no wider than a column, and for each column the buckets that overlap its samples, so a column may
     * include up to a bucket of its neighbours' samples (at most one pixel's worth). Columns past the end of the
     * clip are 0. Zoomed in closer than {@link #BASE_BUCKET} samples per pixel, each column shows its level-0
     * bucket: draw the samples themselves there.
     */
    public float[][] columns(long fromSample, long toSample, int pixels) {
        if (pixels <= 0 || toSample <= fromSample) throw new IllegalArgumentException("empty column request");
        double span = (toSample - fromSample) / (double) pixels;
        int level = levelFor(span);
        long size = bucketSize(level);
        short[] lo = mins.get(level), hi = maxs.get(level);
        float[][] out = new float[2][pixels];
        for (int p = 0; p < pixels; p++) {
            long a = fromSample + (long) Math.floor(p * span), b = fromSample + (long) Math.floor((p + 1) * span);
            a = Math.max(0, a);
            b = Math.min(sampleCount, Math.max(b, a + 1));
            if (a >= sampleCount || b <= a) continue;
            int first = (int) (a / size), last = (int) Math.min(lo.length - 1, (b - 1) / size);
            int mn = Short.MAX_VALUE, mx = Short.MIN_VALUE;
            for (int k = first; k <= last; k++) {
                mn = Math.min(mn, lo[k]);
                mx = Math.max(mx, hi[k]);
            }
            out[0][p] = mn / SCALE;
            out[1][p] = mx / SCALE;
        }
        return out;
    }

    /** The coarsest level whose bucket is at most {@code samplesPerPixel} wide (level 0 if none). */
    public int levelFor(double samplesPerPixel) {
        int level = 0;
        while (level + 1 < levels() && bucketSize(level + 1) <= samplesPerPixel) level++;
        return level;
    }

    /** The stored minimum of bucket {@code i} at {@code level}, in [-1, 1]. */
    public float min(int level, int i) {
        return mins.get(level)[i] / SCALE;
    }

    /** The stored maximum of bucket {@code i} at {@code level}, in [-1, 1]. */
    public float max(int level, int i) {
        return maxs.get(level)[i] / SCALE;
    }

    /** Number of buckets at a level. */
    public int buckets(int level) {
        return mins.get(level).length;
    }

    /**
     * Writes the pyramid: magic, version, sample rate, sample count, base bucket, bucket count, then each level-0
     * bucket's minimum and maximum as big-endian 16-bit values, then a CRC-32 of everything before it.
     */
    public void write(OutputStream out) throws IOException {
        short[] lo = mins.get(0), hi = maxs.get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(28 + 4 * lo.length);
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(sampleRate);
        d.writeLong(sampleCount);
        d.writeInt(BASE_BUCKET);
        d.writeInt(lo.length);
        for (int i = 0; i < lo.length; i++) {
            d.writeShort(lo[i]);
            d.writeShort(hi[i]);
        }
        d.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        d.writeInt((int) crc.getValue());
        d.flush();
        bytes.writeTo(out);
        out.flush();
    }

    /**
     * Reads a pyramid written by {@link #write}.
     *
     * @throws IOException if the stream is not a peak pyramid, is of another version, is truncated or its
     *     checksum does not match (the cache should then be recomputed)
     */
    public static PeakPyramid read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        CRC32 crc = new CRC32();
        try {
            byte[] head = new byte[28];
            d.readFully(head);
            ByteBuffer h = ByteBuffer.wrap(head);
            int magic = h.getInt();
            if (magic != MAGIC) throw new IOException("not a waveform peak file (bad magic number)");
            int version = h.getInt();
            if (version != VERSION) {
                throw new IOException("unsupported waveform peak file version " + version + " (expected " + VERSION + ")");
            }
            int sampleRate = h.getInt();
            long sampleCount = h.getLong();
            int base = h.getInt(), buckets = h.getInt();
            long expected = Math.max(1, (sampleCount + BASE_BUCKET - 1) / BASE_BUCKET);
            if (sampleRate <= 0 || sampleCount < 0 || base != BASE_BUCKET || buckets != expected || buckets > 1 << 28) {
                throw new IOException("corrupt waveform peak file: inconsistent header");
            }
            crc.update(head);
            byte[] body = new byte[4 * buckets];
            d.readFully(body);
            crc.update(body);
            int stored = d.readInt();
            if (stored != (int) crc.getValue()) throw new IOException("corrupt waveform peak file: checksum mismatch");
            ByteBuffer b = ByteBuffer.wrap(body);
            short[] lo = new short[buckets], hi = new short[buckets];
            for (int i = 0; i < buckets; i++) {
                lo[i] = b.getShort();
                hi[i] = b.getShort();
                if (lo[i] > hi[i]) throw new IOException("corrupt waveform peak file: minimum above maximum");
            }
            return new PeakPyramid(sampleRate, sampleCount, lo, hi);
        } catch (EOFException e) {
            throw new IOException("corrupt waveform peak file: truncated", e);
        }
    }
}
