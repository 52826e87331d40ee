package org.cuestudio.core.render;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;

/**
 * The cache key of a rendered segment: SHA-256 of exactly what decides its pixels (the performance frames, the
 * character sheet, the backend and its version, quality, resolution and background). Same inputs, same key.
 */
public final class SegmentKey {
    private SegmentKey() {}

    public static String of(List<PerformanceFrame> frames, String characterHash, String backendId,
            String backendVersion, RenderSettings settings) {
        MessageDigest sha = sha256();
        String head = String.join("\n", "cue-segment/1", characterHash, backendId, backendVersion,
                settings.quality().id(), settings.resolution().toString(), Integer.toHexString(settings.backgroundArgb()),
                Integer.toString(frames.size()));
        sha.update(head.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(PerformanceFrame.SIZE * Float.BYTES);
        for (PerformanceFrame f : frames) {
            buf.clear();
            f.writeTo(buf);
            sha.update(buf.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
