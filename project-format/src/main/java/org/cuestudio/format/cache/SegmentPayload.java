package org.cuestudio.format.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cuestudio.core.render.RgbaImage;

/**
 * The file format of one cached segment: its frames, losslessly compressed with their alpha.
 *
 * <pre>
 * "CSEG"            4 bytes, magic
 * version           int, {@value #VERSION}
 * frame count       int
 * width, height     int, int (0, 0 for no frames)
 * per frame:        int compressed length, then the RGBA bytes deflated (zlib)
 * </pre>
 *
 * All integers are big-endian. Deflate at its fastest level is chosen over PNG or LZ4: it is in the JDK, keeps
 * every byte, and flat character art compresses 15-30x; inflating a 1080p frame takes a few milliseconds, well
 * inside a 60 fps frame time (figures in {@code docs/benchmarks.md}). Each frame is compressed on its own so that
 * frames can be decoded one at a time, in any order, and on several threads.
 */
final class SegmentPayload {
    static final int MAGIC = 0x4353_4547; // "CSEG"
    static final int VERSION = 1;
    private static final int HEADER_BYTES = 5 * Integer.BYTES;

    private SegmentPayload() {}

    /** The shape every frame of a segment shares, as stored in the header and the index. */
    record Shape(int frameCount, int width, int height) {}

    /** The shape of a list of frames, or an exception if they differ in size. */
    static Shape shapeOf(List<RgbaImage> frames) {
        if (frames.isEmpty()) return new Shape(0, 0, 0);
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        for (RgbaImage f : frames) {
            if (f.width() != w || f.height() != h) {
                throw new IllegalArgumentException("all frames of a segment must be the same size: " + w + "x" + h
                        + " and " + f.width() + "x" + f.height());
            }
        }
        return new Shape(frames.size(), w, h);
    }

    static void write(List<RgbaImage> frames, OutputStream out) throws IOException {
        Shape shape = shapeOf(frames);
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(shape.frameCount());
        data.writeInt(shape.width());
        data.writeInt(shape.height());
        // Deflate is most of a put's time, and each frame is compressed on its own: so on all cores at once.
        List<byte[]> compressed = frames.size() > 1
                ? frames.parallelStream().map(SegmentPayload::deflate).toList()
                : frames.stream().map(SegmentPayload::deflate).toList();
        for (byte[] frame : compressed) {
            data.writeInt(frame.length);
            data.write(frame);
        }
        data.flush();
    }

    private static byte[] deflate(RgbaImage frame) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(frame.pixels());
            deflater.finish();
            byte[] out = new byte[Math.max(1 << 16, frame.pixels().length / 16)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) out = Arrays.copyOf(out, out.length * 2);
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /**
     * The frames of a whole payload file whose shape is already known from the index; any difference is damage.
     * The header and the frame table are checked now; each frame is inflated when it is read from the returned
     * list, so a 1080p segment costs its compressed size in memory until its frames are used, not 400 MB.
     *
     * @param file the complete file, already verified against its checksum
     * @throws IOException if the file is not a payload of this shape
     */
    static List<RgbaImage> decode(byte[] file, Shape expected) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(file);
        try {
            if (data.getInt() != MAGIC) throw new IOException("not a segment file");
            int version = data.getInt();
            if (version != VERSION) throw new IOException("segment format version " + version);
            Shape shape = new Shape(data.getInt(), data.getInt(), data.getInt());
            if (!shape.equals(expected)) {
                throw new IOException("header " + shape + " does not match index " + expected);
            }
            int[] offsets = new int[shape.frameCount()];
            int[] lengths = new int[shape.frameCount()];
            for (int i = 0; i < shape.frameCount(); i++) {
                int length = data.getInt();
                if (length <= 0 || length > data.remaining()) throw new IOException("bad frame length " + length);
                offsets[i] = data.position();
                lengths[i] = length;
                data.position(data.position() + length);
            }
            if (data.hasRemaining()) throw new IOException("trailing bytes after the last frame");
            return new Frames(file, shape, offsets, lengths);
        } catch (BufferUnderflowException e) {
            throw new IOException("file ends inside the " + (data.position() < HEADER_BYTES ? "header" : "frame table"),
                    e);
        }
    }

    /** A segment's frames, each inflated on demand; safe to read from several threads at once. */
    private static final class Frames extends AbstractList<RgbaImage> implements RandomAccess {
        private final byte[] file;
        private final Shape shape;
        private final int[] offsets;
        private final int[] lengths;

        Frames(byte[] file, Shape shape, int[] offsets, int[] lengths) {
            this.file = file;
            this.shape = shape;
            this.offsets = offsets;
            this.lengths = lengths;
        }

        @Override
        public int size() {
            return offsets.length;
        }

        /**
         * Inflates one frame. The file passed its SHA-256 check before this list was made, so a failure here means
         * a bug, not damage on disk, and is thrown rather than hidden.
         */
        @Override
        public RgbaImage get(int index) {
            int frameBytes = Math.multiplyExact(Math.multiplyExact(shape.width(), shape.height()), 4);
            byte[] pixels = new byte[frameBytes];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(file, offsets[index], lengths[index]);
                int n = 0;
                while (n < frameBytes && !inflater.finished()) {
                    int step = inflater.inflate(pixels, n, frameBytes - n);
                    if (step == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                    n += step;
                }
                // With the output exactly full, zlib may not have read the stream's trailer yet.
                boolean extra = !inflater.finished() && n == frameBytes && inflater.inflate(new byte[1]) != 0;
                if (extra || n != frameBytes || !inflater.finished()) {
                    throw new UncheckedIOException(new IOException("cached frame " + index + " has the wrong size"));
                }
            } catch (DataFormatException e) {
                throw new UncheckedIOException(new IOException("cached frame " + index + " is damaged", e));
            } finally {
                inflater.end();
            }
            return new RgbaImage(shape.width(), shape.height(), pixels);
        }
    }
}
