package org.cuestudio.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A picture behind the characters: a PNG or JPEG file, scaled to cover the frame (keeping its aspect, centred, the
 * overflow cut) and drawn over the settings' background colour (which shows through where the picture is
 * transparent). Its content hash is part of every segment key, so a changed file renders again.
 *
 * <p>Backends refuse, naming the file, a picture that is not a PNG or JPEG, is damaged, or is larger than
 * {@value #MAX_SIDE} pixels on a side or {@value #MAX_PIXELS} pixels in all.
 *
 * @param file        the picture file (absolute)
 * @param contentHash SHA-256 (hex) of its bytes
 */
public record BackgroundImage(Path file, String contentHash) {
    /** The longest side a background picture may have, in pixels. */
    public static final int MAX_SIDE = 16_384;
    /** The most pixels a background picture may have (100 megapixels). */
    public static final long MAX_PIXELS = 100_000_000L;
    /** The largest background file read, in bytes. */
    public static final long MAX_BYTES = 256L << 20;

    /**
     * The picture in {@code file}, hashed now.
     *
     * @throws BackgroundImageException if the file is missing, unreadable or over {@value #MAX_BYTES} bytes
     */
    public static BackgroundImage of(Path file) {
        Path f = file.toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(f)) throw new BackgroundImageException(f, "no such file");
            if (Files.size(f) > MAX_BYTES) {
                throw new BackgroundImageException(f, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            MessageDigest sha = SegmentKey.sha256();
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
            }
            return new BackgroundImage(f, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw new BackgroundImageException(f, "no such file");
        } catch (IOException e) {
            throw new BackgroundImageException(f, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
