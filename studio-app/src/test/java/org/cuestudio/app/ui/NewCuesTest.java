package org.cuestudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

class NewCuesTest {
    @Test
    void freshIdsSkipIdsTakenInTheShot() {
        Shot shot = new Shot("s", "S", "a.wav", "c", FrameRate.FPS_25, Resolution.HD,
                List.of(new CueTrack(CueLane.GAZE, List.of(new GazeCue("gaze-1", new TimeRange(0, 1), GazeTarget.UP),
                        new GazeCue("gaze-3", new TimeRange(0, 1), GazeTarget.UP)))),
                List.of(), Map.of());
        assertThat(NewCues.freshId(shot, CueLane.GAZE)).isEqualTo("gaze-2");
        assertThat(NewCues.freshId(shot, CueLane.TIMING)).isEqualTo("timing-1");
    }
}
