package org.cuestudio.format.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.cuestudio.core.audio.PeakPyramid;

/**
 * Waveform peak pyramids kept beside a project ({@code cache/peaks/}), one file per audio file, named by a hash
 * of the audio's absolute path, size and modification time, so an edited recording gets new peaks. Computed once
 * and read back on the next open; a damaged or unreadable file is recomputed and rewritten, and a cache that cannot
 * be written (a read-only project) just costs the computation. Disposable, like the rest of {@code cache/}.
 */
public final class PeakCache {
    private final Path folder;

    /** A cache in {@code folder} (usually the project's {@code cache/peaks}). */
    public PeakCache(Path folder) {
        this.folder = folder;
    }

    /** The pyramid of {@code audio}: read from the cache, or computed by {@code compute} and stored. */
    public PeakPyramid get(Path audio, Supplier<PeakPyramid> compute) {
        Path file;
        try {
            file = folder.resolve(key(audio) + ".cpks");
        } catch (IOException e) {
            return compute.get(); // the audio cannot be looked at: do not cache
        }
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return PeakPyramid.read(in);
            } catch (IOException damaged) {
                // Recomputed and rewritten below.
            }
        }
        PeakPyramid p = compute.get();
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".peaks", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.write(out);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException readOnly) {
            // Not cached this time; the pyramid is still good.
        }
        return p;
    }

    /** The cache file name of an audio file: SHA-256 of its absolute path, size and modification time. */
    static String key(Path audio) throws IOException {
        String id = audio.toAbsolutePath().normalize() + "\n" + Files.size(audio) + "\n"
                + Files.getLastModifiedTime(audio).toMillis();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
