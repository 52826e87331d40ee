package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Shot;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload of {@code cue bench ui} (the timings themselves are the benchmark's, not a test's). */
class UiBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void theBusyCopyHasTenThousandCuesOverATenMinuteRecording() throws Exception {
        Path copy = UiBenchmark.busyCopy(SampleProjects.copyHello(tmp), tmp, 10_000);
        Shot s = ProjectFiles.open(copy).project().shots().getFirst();
        assertThat(s.allCues()).hasSize(10_000);
        assertThat(s.track(CueLane.GAZE).cues()).hasSize(2_500);
        assertThat(copy.resolve(s.audio())).hasSize(44 + 2 * 16_000 * 600);
    }

    @Test
    void percentilesAreOfTheSortedValues() {
        double[] v = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        assertThat(UiBenchmark.percentile(v, 50)).isEqualTo(5);
        assertThat(UiBenchmark.percentile(v, 95)).isEqualTo(10);
    }
}
