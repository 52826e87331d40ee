package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.perform.PerformanceFrame;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {
    private static final RenderSettings SETTINGS = new RenderSettings(Resolution.PREVIEW, Quality.PREVIEW, 0xFF000000);
    private final CharacterModel mira = SceneTest.model("Mira", "aa");
    private final CharacterModel otto = SceneTest.model("Otto", "bb");
    private final List<PerformanceFrame> still = frames(0);
    private final List<PerformanceFrame> moving = frames(0.5f);

    private static List<PerformanceFrame> frames(float nod) {
        float[] v = PerformanceFrame.neutral().toArray();
        v[0] = nod;
        return List.of(PerformanceFrame.neutral(), PerformanceFrame.of(v));
    }

    private String key(Scene scene, List<PerformanceFrame> lead, List<PerformanceFrame> partner) {
        return SegmentKey.of(scene, List.of(lead, partner), "b", "1", SETTINGS);
    }

    @Test
    void oneCharacterAloneKeepsTheKeyItHadBeforeScenes() {
        assertThat(SegmentKey.of(Scene.of(mira), List.of(still), "b", "1", SETTINGS))
                .isEqualTo(SegmentKey.of(still, "aa", "b", "1", SETTINGS));
    }

    @Test
    void aPartnersPerformanceIsPartOfTheKey() {
        Scene duo = Scene.staged(List.of(mira, otto));
        assertThat(key(duo, still, still)).isNotEqualTo(key(duo, still, moving));
        assertThat(key(duo, still, still)).isNotEqualTo(key(duo, moving, still));
        assertThat(key(duo, still, moving)).isEqualTo(key(Scene.staged(List.of(mira, otto)), still, moving));
    }

    @Test
    void placementFramingDepthAndSheetsArePartOfTheKey() {
        Scene duo = Scene.staged(List.of(mira, otto));
        String base = key(duo, still, still);
        assertThat(key(new Scene(List.of(new Actor(mira, -0.5, 0), new Actor(otto, 0.4, 1)), Framing.WIDE), still, still))
                .as("a partner moved").isNotEqualTo(base);
        assertThat(key(new Scene(List.of(new Actor(mira, -0.5, 1), new Actor(otto, 0.5, 0)), Framing.WIDE), still, still))
                .as("depth order swapped").isNotEqualTo(base);
        assertThat(key(Scene.staged(List.of(mira, otto), Framing.MEDIUM), still, still)).as("framing")
                .isNotEqualTo(base);
        assertThat(key(Scene.staged(List.of(mira, SceneTest.model("Otto", "b2"))), still, still)).as("partner's sheet")
                .isNotEqualTo(base);
        assertThat(key(Scene.staged(List.of(otto, mira)), still, still)).as("cast order").isNotEqualTo(base);
    }

    @Test
    void aBackgroundPictureIsPartOfTheKey() {
        RenderSettings a = SETTINGS.withBackgroundImage(new BackgroundImage(java.nio.file.Path.of("/x.png"), "11"));
        RenderSettings b = SETTINGS.withBackgroundImage(new BackgroundImage(java.nio.file.Path.of("/x.png"), "22"));
        String plain = SegmentKey.of(still, "aa", "b", "1", SETTINGS);
        assertThat(SegmentKey.of(still, "aa", "b", "1", a)).isNotEqualTo(plain)
                .isNotEqualTo(SegmentKey.of(still, "aa", "b", "1", b));
        assertThat(SegmentKey.of(Scene.of(mira), List.of(still), "b", "1", a))
                .isEqualTo(SegmentKey.of(still, "aa", "b", "1", a));
    }
}
