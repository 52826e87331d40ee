package org.cuestudio.core.render;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;

/**
 * The cache key of a rendered segment: SHA-256 of exactly what decides its pixels (the performance frames of every
 * character, their sheets and placement, the framing, the backend and its version, quality, resolution and
 * background). Same inputs, same key.
 */
public final class SegmentKey {
    private SegmentKey() {}

    /** The key of a segment of one character alone ({@link Scene#of}) on a plain background. */
    public static String of(List<PerformanceFrame> frames, String characterHash, String backendId,
            String backendVersion, RenderSettings settings) {
        if (settings.backgroundImage() != null) {
            return scene(List.of(new ActorInput(characterHash, 0, 0, frames)), Framing.MEDIUM, backendId,
                    backendVersion, settings);
        }
        // The single-character key predates scenes; keeping it keeps existing caches valid.
        MessageDigest sha = sha256();
        String head = String.join("\n", "cue-segment/1", characterHash, backendId, backendVersion,
                settings.quality().id(), settings.resolution().toString(), Integer.toHexString(settings.backgroundArgb()),
                Integer.toString(frames.size()));
        sha.update(head.getBytes(StandardCharsets.UTF_8));
        frames(sha, frames);
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The key of a segment of a scene: {@code frames.get(i)} are the frames of {@code scene.actors().get(i)}, all of
     * the same length.
     */
    public static String of(Scene scene, List<List<PerformanceFrame>> frames, String backendId, String backendVersion,
            RenderSettings settings) {
        scene.frameCount(frames);
        if (scene.isSingleCentred()) {
            return of(frames.get(0), scene.actors().get(0).character().contentHash(), backendId, backendVersion,
                    settings);
        }
        List<ActorInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < scene.actors().size(); i++) {
            Actor a = scene.actors().get(i);
            inputs.add(new ActorInput(a.character().contentHash(), a.headX(), a.depth(), frames.get(i)));
        }
        return scene(inputs, scene.framing(), backendId, backendVersion, settings);
    }

    private record ActorInput(String characterHash, double headX, int depth, List<PerformanceFrame> frames) {}

    private static String scene(List<ActorInput> actors, Framing framing, String backendId, String backendVersion,
            RenderSettings settings) {
        MessageDigest sha = sha256();
        BackgroundImage image = settings.backgroundImage();
        StringBuilder head = new StringBuilder(String.join("\n", "cue-segment/2", backendId, backendVersion,
                settings.quality().id(), settings.resolution().toString(), Integer.toHexString(settings.backgroundArgb()),
                image == null ? "-" : image.contentHash(), framing.id(), Integer.toString(actors.size()),
                Integer.toString(actors.get(0).frames().size())));
        for (ActorInput a : actors) {
            head.append('\n').append(a.characterHash()).append(' ').append(Double.doubleToLongBits(a.headX()))
                    .append(' ').append(a.depth());
        }
        sha.update(head.toString().getBytes(StandardCharsets.UTF_8));
        for (ActorInput a : actors) frames(sha, a.frames());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void frames(MessageDigest sha, List<PerformanceFrame> frames) {
        ByteBuffer buf = ByteBuffer.allocate(PerformanceFrame.SIZE * Float.BYTES);
        for (PerformanceFrame f : frames) {
            buf.clear();
            f.writeTo(buf);
            sha.update(buf.array());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
