package org.cuestudio.core.export.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;

class EditorialTimelineTest {
    private static Shot shotWith(FrameRate rate, TimeRange... ranges) {
        List<org.cuestudio.core.model.Cue> cues = new java.util.ArrayList<>();
        for (int i = 0; i < ranges.length; i++) cues.add(new EmotionCue("e" + i, ranges[i], Emotion.JOY, 1, 0, 0));
        return new Shot("s", "S", "a.wav", "c", rate, Resolution.HD, List.of(new CueTrack(CueLane.EMOTION, cues)),
                List.of(), Map.of());
    }

    @Test
    void aCueOffTheFrameGridIsMarkedFromTheFrameShowingItsStartToTheFrameShowingItsEnd() {
        FrameRate rate = FrameRate.FPS_29_97;
        long start = rate.frameToTicks(10) + 1;
        long end = rate.frameToTicks(20) + 1; // its last tick lies in frame 20
        List<EditorialTimeline.Marker> m = EditorialTimeline.markers(shotWith(rate, TimeRange.between(start, end)), 100);
        assertThat(m).singleElement().satisfies(marker -> {
            assertThat(marker.startFrame()).isEqualTo(10);
            assertThat(marker.frames()).isEqualTo(11);
            assertThat(marker.startTicks()).isEqualTo(start);
            assertThat(marker.durationTicks()).isEqualTo(end - start);
        });
    }

    @Test
    void aCueShorterThanAFrameStillGetsAOneFrameMarker() {
        FrameRate rate = FrameRate.FPS_24;
        long start = rate.frameToTicks(3) + 5;
        List<EditorialTimeline.Marker> m = EditorialTimeline.markers(
                shotWith(rate, TimeRange.between(start, start + 10)), 100);
        assertThat(m).singleElement().satisfies(marker -> {
            assertThat(marker.startFrame()).isEqualTo(3);
            assertThat(marker.frames()).isEqualTo(1);
        });
    }

    @Test
    void cuesAfterTheShotAreLeftOutAndOnesRunningPastItsEndAreClipped() {
        FrameRate rate = FrameRate.FPS_25;
        Shot shot = shotWith(rate, TimeRange.between(rate.frameToTicks(90), rate.frameToTicks(130)),
                TimeRange.between(rate.frameToTicks(100), rate.frameToTicks(110)));
        List<EditorialTimeline.Marker> m = EditorialTimeline.markers(shot, 100);
        assertThat(m).singleElement().satisfies(marker -> {
            assertThat(marker.cueId()).isEqualTo("e0");
            assertThat(marker.startFrame() + marker.frames()).isEqualTo(100);
        });
    }

    @Test
    void mediaWithoutATakeCarriesOnlyTheShotAndATimelineNeedsAClip() {
        Shot shot = shotWith(FrameRate.FPS_25);
        EditorialTimeline t = EditorialTimeline.forShot("P", shot, 5,
                List.of(new EditorialTimeline.Media(URI.create("file:///a.mp4"), null)));
        assertThat(t.clips().get(0).metadata()).containsExactly(Map.entry("shot", "s"));
        assertThat(FcpxmlWriter.note(t.clips().get(0).metadata())).isEqualTo("Cue Studio shot s");
        assertThatThrownBy(() -> EditorialTimeline.forShot("P", shot, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one clip");
    }
}
