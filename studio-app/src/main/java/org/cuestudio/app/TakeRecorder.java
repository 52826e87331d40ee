package org.cuestudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.assets.AssetFiles;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * What a take records of a render so that it can be rendered again and compared with the shot as it is later
 * (DESIGN.md §3, docs/takes.md): the shot's content hash, the backend's id and version, quality, resolution and
 * seed in the take's own fields, and in its metadata the frame rate, format, planner version, each character
 * sheet's content hash, the hash of the shot's recording and of the lip-sync model.
 */
public final class TakeRecorder {
    /** Metadata keys a take's record uses. */
    public static final String FRAME_RATE = "frameRate", FORMAT = "format", PLANNER = "plannerVersion",
            SHEET = "sheet.", AUDIO = "audioSha256", LIP_SYNC = "lipSyncModelSha256", RERENDERS = "rerenders";

    private static final String LIP_SYNC_MODEL = "assets/models/lipsync";
    private static @Nullable String lipSyncHash;
    private static boolean lipSyncLooked;

    private TakeRecorder() {}

    /**
     * The record of a take of {@code shot} rendered now as the project stands.
     *
     * @param output the rendered file relative to the project folder, or null when it lies outside
     */
    public static Take record(StudioServices services, LoadedProject lp, Shot shot, String id, String name,
            Quality quality, Resolution resolution, long seed, VideoFormat format, @Nullable String output)
            throws CharacterSheetException, IOException {
        RenderBackend backend = services.backend();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FRAME_RATE, shot.frameRate().toString());
        meta.put(FORMAT, formatName(format));
        meta.put(PLANNER, PerformancePlanner.VERSION);
        for (String who : shot.cast()) meta.put(SHEET + who, services.character(lp, who).contentHash());
        meta.put(AUDIO, sha256(List.of(lp.resolve(shot.audio()))));
        String lipSync = lipSyncModelHash();
        if (lipSync != null) meta.put(LIP_SYNC, lipSync);
        return new Take(id, name, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, quality, resolution,
                ShotHash.of(lp.project(), shot.id()), backend.id(), backend.version(), 0, false, "", output, meta);
    }

    /** The name {@code --format} takes for a format, as recorded in a take. */
    public static String formatName(VideoFormat format) {
        return switch (format) {
            case MP4_H264 -> "mp4";
            case PRORES_422_HQ -> "prores422hq";
            case PRORES_4444 -> "prores4444";
            case PNG_SEQUENCE -> "png";
        };
    }

    /** The lip-sync model's files' hash, or null where the installation has none (it is then not recorded). */
    static synchronized @Nullable String lipSyncModelHash() {
        if (!lipSyncLooked) {
            lipSyncLooked = true;
            try {
                Path dir = AssetFiles.find(LIP_SYNC_MODEL);
                lipSyncHash = sha256(List.of(dir.resolve("lipsync-0000.params"), dir.resolve("lipsync.properties")));
            } catch (IOException e) {
                lipSyncHash = null;
            }
        }
        return lipSyncHash;
    }

    /** SHA-256 of the files' bytes, one after the other. */
    static String sha256(List<Path> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0;) sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
