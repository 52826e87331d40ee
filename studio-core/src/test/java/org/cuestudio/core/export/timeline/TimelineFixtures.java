package org.cuestudio.core.export.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.TimeRange;

/** A small shot with one cue per lane and two takes, and the golden-file check. */
final class TimelineFixtures {
    /** The rates the studio promises exact times for. */
    static final List<FrameRate> RATES = List.of(FrameRate.FPS_23_976, FrameRate.FPS_24, FrameRate.FPS_25,
            FrameRate.FPS_29_97, FrameRate.FPS_30, FrameRate.FPS_50, FrameRate.FPS_60);

    private TimelineFixtures() {}

    /** Cues whose starts and ends fall on the given frames of {@code rate}. */
    static Shot shot(FrameRate rate, long[][] cueFrames) {
        List<Cue> cues = new java.util.ArrayList<>();
        for (int i = 0; i < cueFrames.length; i++) {
            TimeRange r = TimeRange.between(rate.frameToTicks(cueFrames[i][0]), rate.frameToTicks(cueFrames[i][1]));
            cues.add(switch (i % 4) {
                case 0 -> new EmotionCue("emotion-" + i, r, Emotion.JOY, 0.6, 0, 0);
                case 1 -> new GestureCue("gesture-" + i, r, "wave", 0.9, Side.RIGHT);
                case 2 -> new GazeCue("gaze-" + i, r, GazeTarget.DOWN_LEFT);
                default -> new TimingCue("timing-" + i, r, TimingCue.Kind.REACT, 0.8);
            });
        }
        List<CueTrack> tracks = java.util.Arrays.stream(CueLane.values())
                .map(l -> new CueTrack(l, cues.stream().filter(c -> CueLane.of(c) == l).toList())).toList();
        return new Shot("hello", "Hello there", "audio/hello.wav", "mira", rate, Resolution.HD, tracks, List.of(),
                Map.of());
    }

    static Take take(String id, String name, long seed, int rating, boolean circled, String notes) {
        return new Take(id, name, "2025-05-01T10:00:00Z", seed, Quality.FINAL, Resolution.HD, "abc123", "djl-svg",
                "3", rating, circled, notes, "renders/" + id + ".mov", Map.of());
    }

    /** Two takes of a 100-frame shot at 25 fps; the second has notes that need escaping in both formats. */
    static EditorialTimeline small() {
        Shot shot = shot(FrameRate.FPS_25, new long[][] {{0, 10}, {12, 40}, {50, 75}, {99, 101}});
        return EditorialTimeline.forShot("Hello", shot, 100, List.of(
                new EditorialTimeline.Media(URI.create("file:///renders/t1.mov"), take("t1", "t1", 7, 3, false, "")),
                new EditorialTimeline.Media(URI.create("file:///renders/take%202.mov"),
                        take("t2", "Take 2", -4611686018427387904L, 5, true,
                                "Softer \"hello\" & <no> blink\non the wave"))));
    }

    /**
     * Compares text with a golden file next to this class; with {@code -Dcue.golden.update=true} it rewrites the
     * file under {@code src/test/resources} instead (review the diff before committing it).
     */
    static void assertMatchesGolden(String actual, String name) throws IOException {
        if (Boolean.getBoolean("cue.golden.update")) {
            Path file = Path.of("src/test/resources/org/cuestudio/core/export/timeline", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = TimelineFixtures.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s (create it with -Dcue.golden.update=true)", name).isNotNull();
            assertThat(actual).as("golden file %s", name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
