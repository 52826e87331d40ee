package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameRangeTest {
    @Test
    void parsesInclusiveZeroBasedRangesAndSingleFrames() {
        assertThat(FrameRange.parse("100-199")).isEqualTo(new FrameRange(100, 199));
        assertThat(FrameRange.parse(" 7 - 7 ").count()).isEqualTo(1);
        assertThat(FrameRange.parse("42")).isEqualTo(new FrameRange(42, 42));
        assertThat(FrameRange.parse("0-384").endExclusive()).isEqualTo(385);
    }

    @Test
    void refusesBackwardsNegativeAndMalformedRangesWithTheReason() {
        assertThatThrownBy(() -> FrameRange.parse("10-5")).hasMessageContaining("the last frame comes before the first");
        assertThatThrownBy(() -> FrameRange.parse("-3-5")).hasMessageContaining("frames start at 0");
        assertThatThrownBy(() -> FrameRange.parse("1..5")).hasMessageContaining("not a frame range: '1..5'");
    }

    @Test
    void aRangeMustEndWithinTheShot() {
        assertThat(new FrameRange(0, 384).within(385, "hello")).isEqualTo(FrameRange.all(385));
        assertThatThrownBy(() -> new FrameRange(300, 385).within(385, "hello"))
                .hasMessage("frame range 300-385 is beyond shot 'hello': it has 385 frames, 0-384");
    }
}
