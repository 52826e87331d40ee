package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenderTakeViewModelTest {
    @Test
    void theTimeLeftIsShownInWholeSecondsAndMinutes() {
        assertThat(RenderTakeViewModel.etaText(Duration.ofMillis(40_700))).isEqualTo("about 40 s");
        assertThat(RenderTakeViewModel.etaText(Duration.ofSeconds(125))).isEqualTo("about 2 min 5 s");
        assertThat(RenderTakeViewModel.etaText(Duration.ofSeconds(-3))).isEqualTo("about 0 s");
    }
}
