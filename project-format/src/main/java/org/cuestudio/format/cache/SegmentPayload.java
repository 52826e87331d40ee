package org.cuestudio.format.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * every byte, and flat character art compresses 5-20x at several hundred MB/s.
 */
final class SegmentPayload {
    static final int MAGIC = 0x4353_4547; // "CSEG"
    static final int VERSION = 1;

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
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            byte[] buffer = new byte[64 * 1024];
            byte[] compressed = new byte[0];
            for (RgbaImage frame : frames) {
                deflater.reset();
                deflater.setInput(frame.pixels());
                deflater.finish();
                int length = 0;
                while (!deflater.finished()) {
                    int n = deflater.deflate(buffer);
                    if (length + n > compressed.length) {
                        compressed = Arrays.copyOf(compressed, Math.max(compressed.length * 2, length + n));
                    }
                    System.arraycopy(buffer, 0, compressed, length, n);
                    length += n;
                }
                data.writeInt(length);
                data.write(compressed, 0, length);
            }
        } finally {
            deflater.end();
        }
        data.flush();
    }

    /**
     * Reads a payload whose shape is already known from the index; any difference is damage.
     *
     * @param maxCompressedFrame upper bound for one frame's compressed length (the file's size), so a damaged
     *                           length field cannot make us allocate gigabytes
     */
    static List<RgbaImage> read(InputStream in, Shape expected, long maxCompressedFrame) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) throw new IOException("not a segment file");
        int version = data.readInt();
        if (version != VERSION) throw new IOException("segment format version " + version);
        Shape shape = new Shape(data.readInt(), data.readInt(), data.readInt());
        if (!shape.equals(expected)) throw new IOException("header " + shape + " does not match index " + expected);
        int frameBytes = Math.multiplyExact(Math.multiplyExact(shape.width(), shape.height()), 4);
        List<RgbaImage> frames = new ArrayList<>(shape.frameCount());
        Inflater inflater = new Inflater();
        try {
            for (int i = 0; i < shape.frameCount(); i++) {
                int length = data.readInt();
                if (length <= 0 || length > maxCompressedFrame) throw new IOException("bad frame length " + length);
                byte[] compressed = data.readNBytes(length);
                if (compressed.length != length) throw new IOException("file ends inside frame " + i);
                byte[] pixels = new byte[frameBytes];
                inflater.reset();
                inflater.setInput(compressed);
                int n = inflater.inflate(pixels);
                if (n != frameBytes || !inflater.finished()) throw new IOException("frame " + i + " has wrong size");
                frames.add(new RgbaImage(shape.width(), shape.height(), pixels));
            }
        } catch (DataFormatException e) {
            throw new IOException("frame data is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        if (data.read() != -1) throw new IOException("trailing bytes after the last frame");
        return List.copyOf(frames);
    }
}
