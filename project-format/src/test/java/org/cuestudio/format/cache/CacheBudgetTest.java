package org.cuestudio.format.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheBudgetTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(CacheBudget.PROPERTY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0           | 0
            1048576     | 1048576
            512K        | 524288
            512k        | 524288
            800 kb      | 819200
            3M          | 3145728
            3MiB        | 3145728
            2G          | 2147483648
            1.5GiB      | 1610612736
            1T          | 1099511627776
            100b        | 100
            """)
    void parsesBytesAndBinaryUnits(String text, long bytes) {
        assertThat(CacheBudget.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''
            -1
            2X
            lots
            1.G
            99999999999T
            """)
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> CacheBudget.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0 B
            1023          | 1023 B
            1536          | 1.5 KiB
            22319154      | 21.3 MiB
            2147483648    | 2.0 GiB
            """)
    void formatsForPeople(long bytes, String text) {
        assertThat(CacheBudget.format(bytes)).isEqualTo(text);
    }

    @Test
    void defaultIsTwoGibibytes() {
        assertThat(CacheBudget.configured()).isEqualTo(2L << 30).isEqualTo(CacheBudget.DEFAULT_MAX_BYTES);
    }

    @Test
    void systemPropertySetsTheBudget() {
        System.setProperty(CacheBudget.PROPERTY, "8G");

        assertThat(CacheBudget.configured()).isEqualTo(8L << 30);
    }

    @Test
    void unreadablePropertyFallsBackToTheDefault() {
        System.setProperty(CacheBudget.PROPERTY, "plenty");

        assertThat(CacheBudget.configured()).isEqualTo(CacheBudget.DEFAULT_MAX_BYTES);
    }
}
