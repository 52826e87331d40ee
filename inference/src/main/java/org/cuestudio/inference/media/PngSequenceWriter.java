package org.cuestudio.inference.media;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.render.RgbaImage;
import org.jspecify.annotations.Nullable;

/**
 * Writes a PNG sequence: a folder of 8-bit RGBA PNGs with straight alpha, named by their frame number in the shot
 * ({@code frame_000000.png} is time zero; a range from {@link VideoSpec#firstFrame()} starts at that number, so the
 * folders of a shot's ranges merge by copying), and the audio of those frames beside them as {@code audio.wav}
 * (48 kHz stereo 24-bit PCM), padded or trimmed to exactly frames / fps; the WAVs of consecutive ranges concatenate
 * into the whole shot's, sample for sample.
 *
 * <p>Frames are compressed on a small pool of threads (one per core, at most four) with a bounded queue, so a fast
 * renderer cannot pile up frames in memory. Everything is written into a hidden {@code .part} folder that replaces
 * the output folder only when {@link #close()} succeeds; {@link #abort()} deletes it. An existing output folder is
 * replaced only if it holds nothing but an earlier sequence, so a mistyped {@code --out} never deletes other work.
 */
final class PngSequenceWriter implements VideoEncoder.Writer {
    static final String AUDIO_FILE = "audio.wav";
    private static final Pattern SEQUENCE_FILE = Pattern.compile("frame_\\d{6,}\\.png|audio\\.wav");
    private static final int AUDIO_BITS = 24;

    private final Path target;
    private final Path temp;
    private final VideoSpec spec;
    private final @Nullable PaddedAudio audio;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final int threads;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private long framesWritten;
    private boolean failed;
    private boolean closed;

    private PngSequenceWriter(Path target, Path temp, VideoSpec spec, @Nullable PaddedAudio audio) {
        this.target = target;
        this.temp = temp;
        this.spec = spec;
        this.audio = audio;
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "png-sequence");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(2 * threads);
    }

    /** The name of the shot's frame {@code index}: {@code frame_000000.png} for its first. */
    static String frameName(long index) {
        return String.format(Locale.ROOT, "frame_%06d.png", index);
    }

    static PngSequenceWriter open(Path output, VideoSpec spec) throws IOException {
        Path target = output.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + output + ": the folder " + folder + " does not exist");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException("cannot write " + output + ": a file of that name exists (a PNG sequence is a folder)");
        }
        if (Files.isDirectory(target) && !holdsOnlyASequence(target)) {
            throw new IOException("cannot write " + output + ": the folder exists and holds other files than a PNG "
                    + "sequence; choose an empty or new folder");
        }
        PaddedAudio audio = null;
        Path audioFile = spec.audio();
        try {
            if (audioFile != null) audio = new PaddedAudio(audioFile, samplesAt(spec, 0));
        } catch (AudioDecodeException e) {
            throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)
                + ".part");
        try {
            Files.createDirectory(temp);
        } catch (IOException e) {
            if (audio != null) audio.close();
            throw e;
        }
        return new PngSequenceWriter(target, temp, spec, audio);
    }

    @Override
    public void write(RgbaImage frame) throws IOException {
        if (closed) throw new IOException("the writer for " + target + " is closed");
        if (failed) throw new IOException("the writer for " + target + " failed earlier; start the export again");
        boolean ok = false;
        try {
            throwIfWorkerFailed();
            int width = spec.resolution().width();
            int height = spec.resolution().height();
            if (frame.width() != width || frame.height() != height) {
                throw new IOException("cannot write frame " + framesWritten + " to " + target + ": it is "
                        + frame.width() + "x" + frame.height() + " but the video is " + spec.resolution());
            }
            // The caller may reuse the frame's pixels once this returns.
            byte[] pixels = frame.pixels().clone();
            Path file = temp.resolve(frameName(spec.firstFrame() + framesWritten));
            inFlight.acquire();
            pool.execute(() -> {
                try {
                    writePng(width, height, pixels, file);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    inFlight.release();
                }
            });
            framesWritten++;
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + target, e);
        } finally {
            if (!ok) failed = true;
        }
    }

    /** Frames handed to the writer so far. */
    long framesWritten() {
        return framesWritten;
    }

    /** Encodes straight RGBA bytes as an 8-bit RGBA PNG, without copying them into another image layout. */
    static void writePng(int width, int height, byte[] rgba, Path file) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgba, rgba.length), width, height,
                width * 4, 4, new int[] {0, 1, 2, 3}, null);
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(model, raster, false, null);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /**
     * Waits for the last frames, writes {@code audio.wav} to exactly the video's length and puts the folder in
     * place. After a failed write it only discards the partial folder.
     *
     * @throws IOException if no frame was written or a frame or the audio could not be written; nothing is left then
     */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (failed) {
            discard();
            return;
        }
        try {
            if (framesWritten == 0) throw new IOException("cannot write " + target + ": no frames were written");
            pool.shutdown();
            try {
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) throw new IOException("PNG writing did not finish");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while finishing " + target, e);
            }
            throwIfWorkerFailed();
            if (audio != null) writeWav(temp.resolve(AUDIO_FILE));
            moveIntoPlace();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        } finally {
            if (audio != null) audio.close();
        }
    }

    /** Stops writing and deletes the partial folder; nothing appears under the output name. Safe to call twice. */
    @Override
    public void abort() {
        if (closed) return;
        closed = true;
        discard();
    }

    private void throwIfWorkerFailed() throws IOException {
        Throwable t = failure.get();
        if (t != null) {
            throw new IOException("cannot write a frame of " + target + ": " + t.getMessage(), t);
        }
    }

    private void writeWav(Path file) throws IOException {
        PaddedAudio source = audio;
        if (source == null) return;
        long samples = samplesAt(spec, framesWritten) - samplesAt(spec, 0);
        int channels = PaddedAudio.CHANNELS;
        int bytesPerSample = AUDIO_BITS / 8;
        long dataBytes = samples * channels * bytesPerSample;
        if (dataBytes + 36 > 0xFFFF_FFFFL) throw new IOException("the audio is too long for a WAV file");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                    .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) channels).putInt(PaddedAudio.RATE)
                    .putInt(PaddedAudio.RATE * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                    .putShort((short) AUDIO_BITS).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt((int) dataBytes);
            out.write(header.array());
            byte[] buffer = new byte[8192 * channels * bytesPerSample];
            source.writeUntil(samplesAt(spec, framesWritten), (FloatBuffer chunk) -> {
                int n = chunk.remaining();
                for (int i = 0; i < n; i++) {
                    float v = chunk.get();
                    int s = (int) Math.round(Math.max(-1.0, Math.min(1.0, v)) * 8_388_607.0);
                    buffer[3 * i] = (byte) s;
                    buffer[3 * i + 1] = (byte) (s >> 8);
                    buffer[3 * i + 2] = (byte) (s >> 16);
                }
                out.write(buffer, 0, 3 * n);
            });
        } catch (AudioDecodeException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Where in the shot's audio (samples per channel) the {@code frames}-th frame of this sequence ends. */
    private static long samplesAt(VideoSpec spec, long frames) {
        return PaddedAudio.samplesFor(spec.firstFrame() + frames, spec.frameRate().numerator(),
                spec.frameRate().denominator());
    }

    private void moveIntoPlace() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            // Only an earlier sequence gets here (checked at open); keep it until the new one is in place.
            old = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)
                    + ".old");
            move(target, old);
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (old != null) move(old, target);
            throw new IOException("cannot finish " + target + ": the finished folder could not be renamed from "
                    + temp.getFileName() + " (" + e.getMessage() + ")", e);
        }
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void discard() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (audio != null) audio.close();
        try {
            deleteTree(temp);
        } catch (IOException e) {
            // A leftover hidden .part folder is harmless and is never mistaken for the export.
        }
    }

    private static boolean holdsOnlyASequence(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (!Files.isRegularFile(p) || !SEQUENCE_FILE.matcher(p.getFileName().toString()).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
