package org.cuestudio.core.curves;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.time.FrameRate;

/** A tiny hand-made performance for golden files, and the golden-file check itself. */
final class CurveFixtures {
    private CurveFixtures() {}

    /** Four frames at 25 fps that exercise every kind of value the formats write. */
    static Performance small() {
        float[] rest = PerformanceFrame.neutral().toArray();
        float[] f1 = rest.clone();
        set(f1, ArkitBlendshape.eyeBlinkLeft, 0.5f);
        set(f1, ArkitBlendshape.eyeBlinkRight, 0.25f);
        set(f1, ArkitBlendshape.mouthSmileLeft, 0.85f);
        set(f1, ArkitBlendshape.jawLeft, 0.2f);
        set(f1, ArkitBlendshape.mouthRight, 0.1f);
        set(f1, Channel.HEAD_YAW, 9f);
        set(f1, Channel.HEAD_PITCH, 18f);
        set(f1, Channel.HEAD_ROLL, -4.5f);
        set(f1, Channel.EYE_YAW, 18f);
        set(f1, Channel.EYE_PITCH, -9f);
        set(f1, Channel.BREATH, 0.75f);
        set(f1, Channel.LEFT_SHOULDER, 135.5f);
        set(f1, Channel.LEFT_HAND_POSE, HandPose.WAVE.ordinal());
        set(f1, Channel.MOUTH_SHAPE, MouthShape.D.ordinal());
        float[] f2 = rest.clone();
        set(f2, ArkitBlendshape.tongueOut, 1f);
        set(f2, ArkitBlendshape.eyeBlinkLeft, 1f);
        set(f2, ArkitBlendshape.browInnerUp, 0.123456789f);
        set(f2, Channel.HEAD_YAW, -90f);
        set(f2, Channel.BODY_FORWARD, -0.5f);
        float[] f3 = rest.clone();
        set(f3, ArkitBlendshape.cheekPuff, 1e-7f);
        set(f3, Channel.HEAD_PITCH, -0.0000001f);
        return new Performance(FrameRate.FPS_25, List.of(PerformanceFrame.of(rest), PerformanceFrame.of(f1),
                PerformanceFrame.of(f2), PerformanceFrame.of(f3)));
    }

    private static void set(float[] v, ArkitBlendshape b, float value) {
        v[b.ordinal()] = value;
    }

    private static void set(float[] v, Channel c, float value) {
        v[c.index()] = value;
    }

    /**
     * Compares text with a golden file next to this class; with {@code -Dcue.golden.update=true} it rewrites the
     * file under {@code src/test/resources} instead (review the diff before committing it).
     */
    static void assertMatchesGolden(String actual, String name) throws IOException {
        if (Boolean.getBoolean("cue.golden.update")) {
            Path file = Path.of("src/test/resources/org/cuestudio/core/curves", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = CurveFixtures.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s (create it with -Dcue.golden.update=true)", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("golden file %s", name).isEqualTo(expected);
        }
    }
}
