package org.cuestudio.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRateTest {
    @ParameterizedTest
    @CsvSource({"24,1", "25,1", "30,1", "50,1", "60,1", "24000,1001", "30000,1001"})
    void frameStartsRoundTripThroughTicksForTenMinutes(int num, int den) {
        FrameRate r = new FrameRate(num, den);
        long frames = Math.round(600 * r.fps());
        for (long f = 0; f <= frames; f++) {
            long t = r.frameToTicks(f);
            assertThat(r.ticksToFrame(t)).isEqualTo(f);
            assertThat(r.ticksToFrame(t - 1)).isEqualTo(f - 1);
        }
    }

    @ParameterizedTest
    @CsvSource({"24,1", "25,1", "30,1", "50,1", "60,1"})
    void integerRatesAreExactInTicks(int num, int den) {
        FrameRate r = new FrameRate(num, den);
        assertThat(Ticks.PER_SECOND % num).isZero();
        assertThat(r.frameToTicks(num * 600L)).isEqualTo(600 * Ticks.PER_SECOND);
    }

    @ParameterizedTest
    @CsvSource({"15.37,25,385", "1.0,25,25", "1.001,25,26", "10.0,30000/1001,300"})
    void framesCoveringCoversTheWholeDuration(double seconds, String rate, long expected) {
        FrameRate r = FrameRate.parse(rate);
        assertThat(r.framesCovering(Ticks.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-25", "abc", "25/0", "1/1000000"})
    void parseRefusesNonsense(String text) {
        assertThatThrownBy(() -> FrameRate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"23.976,24000,1001", "29.97,30000,1001", "25,25,1", "30000/1001,30000,1001"})
    void parseUnderstandsCommonSpellings(String text, int num, int den) {
        assertThat(FrameRate.parse(text)).isEqualTo(new FrameRate(num, den));
    }
}
