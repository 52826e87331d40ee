package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.Staging;
import org.junit.jupiter.api.Test;

class SceneTest {
    static CharacterModel model(String name, String hash) {
        return new CharacterModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String contentHash() {
                return hash;
            }
        };
    }

    private final CharacterModel mira = model("Mira", "aa");
    private final CharacterModel otto = model("Otto", "bb");
    private final CharacterModel ada = model("Ada", "cc");

    @Test
    void aStagedCastStandsWhereStagingPutsTheHeads() {
        Scene s = Scene.staged(List.of(mira, otto, ada));
        for (int i = 0; i < 3; i++) assertThat(s.actors().get(i).headX()).isEqualTo(Staging.head(i, 3).x());
        assertThat(s.actors().get(0).character()).isSameAs(mira);
    }

    @Test
    void theShotsOwnCharacterIsInFrontAndEachPartnerBehindTheOneBefore() {
        Scene s = Scene.staged(List.of(mira, otto, ada));
        assertThat(s.drawOrder()).containsExactly(2, 1, 0);
    }

    @Test
    void equalDepthsDrawInListOrder() {
        Scene s = new Scene(List.of(new Actor(mira, 0, 1), new Actor(otto, 0.2, 1), new Actor(ada, -0.2, 3)),
                Framing.WIDE);
        assertThat(s.drawOrder()).containsExactly(2, 0, 1);
    }

    @Test
    void oneCharacterIsAMediumShotAndTwoOrMoreAWideOne() {
        assertThat(Scene.staged(List.of(mira)).framing()).isEqualTo(Framing.MEDIUM);
        assertThat(Scene.staged(List.of(mira, otto)).framing()).isEqualTo(Framing.WIDE);
        assertThat(Scene.of(mira)).isEqualTo(new Scene(List.of(new Actor(mira, 0, 0)), Framing.MEDIUM));
    }

    @Test
    void framingsScaleTheCanvasAndStandItAsDocumented() {
        assertThat(Framing.CLOSE_UP.scale()).isGreaterThan(Framing.MEDIUM.scale());
        assertThat(Framing.MEDIUM.scale()).isEqualTo(1.0);
        assertThat(Framing.WIDE.scale()).isLessThan(1.0);
        assertThat(Framing.CLOSE_UP.top()).isZero();
        assertThat(Framing.MEDIUM.top()).isZero();
        assertThat(Framing.WIDE.top() + Framing.WIDE.scale()).isEqualTo(1.0); // stands on the bottom edge
    }

    @Test
    void framingsParseByTheirNames() {
        assertThat(Framing.parse("close-up")).isEqualTo(Framing.CLOSE_UP);
        assertThat(Framing.parse("CLOSE_UP")).isEqualTo(Framing.CLOSE_UP);
        assertThat(Framing.parse(" Wide ")).isEqualTo(Framing.WIDE);
        assertThatThrownBy(() -> Framing.parse("extreme")).hasMessageContaining("close-up, medium or wide");
    }

    @Test
    void aSceneNeedsCharactersAndOneListOfFramesEachOfEqualLength() {
        assertThatThrownBy(() -> new Scene(List.of(), Framing.MEDIUM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(mira, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        Scene s = Scene.staged(List.of(mira, otto));
        PerformanceFrame f = PerformanceFrame.neutral();
        assertThat(s.frameCount(List.of(List.of(f, f), List.of(f, f)))).isEqualTo(2);
        assertThatThrownBy(() -> s.frameCount(List.of(List.of(f)))).hasMessageContaining("2 characters");
        assertThatThrownBy(() -> s.frameCount(List.of(List.of(f), List.of(f, f)))).hasMessageContaining("as many");
    }
}
