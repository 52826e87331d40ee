package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimecodeTest {
    @ParameterizedTest
    @CsvSource({
        "0, 25, 00:00:00:00",
        "24, 25, 00:00:00:24",
        "25, 25, 00:00:01:00",
        "62, 25, 00:00:02:12",
        "90000, 25, 01:00:00:00",
        "24, 24000/1001, 00:00:01:00",
        "23, 24000/1001, 00:00:00:23",
        "30, 30000/1001, 00:00:01:00",
    })
    void formatsFramesAsHoursMinutesSecondsFrames(long frame, String rate, String expected) {
        assertThat(Timecode.of(frame, FrameRate.parse(rate))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "12, 12s", "59, 59s", "60, 1:00", "65, 1:05", "600, 10:00"})
    void labelsTheRulerInSecondsThenMinutes(long seconds, String expected) {
        assertThat(Timecode.rulerLabel(seconds)).isEqualTo(expected);
    }
}
