package org.cuestudio.core.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "-1, -1", "0.5, 0.5", "0.25, 0.25", "0.1234564, 0.123456", "0.1234566, 0.123457",
        "-0.0000001, 0", "0.0000004, 0", "0.0000006, 0.000001", "135.5, 135.5", "-0.05, -0.05", "1e-3, 0.001",
        "123456.000001, 123456.000001", "29.97002997, 29.97003"})
    void writesAtMostSixDecimalsWithoutTrailingZerosOrNegativeZero(double value, String expected) {
        assertThat(Decimals.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity"})
    void refusesValuesThatAreNotNumbers(double value) {
        assertThatThrownBy(() -> Decimals.format(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
