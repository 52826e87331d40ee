package org.cuestudio.core.export.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class OtioWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smallTimelineMatchesTheGoldenFile() throws Exception {
        TimelineFixtures.assertMatchesGolden(OtioWriter.write(TimelineFixtures.small()), "small.otio");
    }

    @Test
    void documentUsesOtioSchemasWithClipsOnAVideoAndAnAudioTrack() throws Exception {
        JsonNode root = JSON.readTree(OtioWriter.write(TimelineFixtures.small()));
        assertThat(root.get("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
        JsonNode stack = root.get("tracks");
        assertThat(stack.get("OTIO_SCHEMA").asText()).isEqualTo("Stack.1");
        assertThat(stack.get("children")).hasSize(2);
        assertThat(stack.get("children").get(0).get("OTIO_SCHEMA").asText()).isEqualTo("Track.1");
        assertThat(stack.get("children").get(0).get("kind").asText()).isEqualTo("Video");
        assertThat(stack.get("children").get(1).get("kind").asText()).isEqualTo("Audio");
        JsonNode clips = stack.get("children").get(0).get("children");
        assertThat(clips).hasSize(2);
        JsonNode clip = clips.get(1);
        assertThat(clip.get("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
        assertThat(clip.get("active_media_reference_key").asText()).isEqualTo("DEFAULT_MEDIA");
        JsonNode ref = clip.get("media_references").get("DEFAULT_MEDIA");
        assertThat(ref.get("OTIO_SCHEMA").asText()).isEqualTo("ExternalReference.1");
        assertThat(ref.get("target_url").asText()).isEqualTo("file:///renders/take%202.mov");
        JsonNode duration = clip.get("source_range").get("duration");
        assertThat(duration.get("OTIO_SCHEMA").asText()).isEqualTo("RationalTime.1");
        assertThat(duration.get("rate").asDouble()).isEqualTo(25.0);
        assertThat(duration.get("value").asDouble()).isEqualTo(100.0);
        JsonNode take = clip.get("metadata").get("cue_studio");
        assertThat(take.get("take").asText()).isEqualTo("t2");
        assertThat(take.get("seed").asText()).isEqualTo("-4611686018427387904");
        assertThat(take.get("rating").asText()).isEqualTo("5");
        assertThat(take.get("circled").asText()).isEqualTo("true");
        assertThat(take.get("notes").asText()).isEqualTo("Softer \"hello\" & <no> blink\non the wave");
    }

    @Test
    void markersAreOnVideoClipsOnlyWithLabelsColoursAndTheCueTicks() throws Exception {
        EditorialTimeline t = TimelineFixtures.small();
        JsonNode stack = JSON.readTree(OtioWriter.write(t)).get("tracks");
        JsonNode markers = stack.get("children").get(0).get("children").get(0).get("markers");
        assertThat(stack.get("children").get(1).get("children").get(0).get("markers")).isEmpty();
        assertThat(markers).hasSize(4);
        JsonNode gesture = markers.get(1);
        assertThat(gesture.get("OTIO_SCHEMA").asText()).isEqualTo("Marker.2");
        assertThat(gesture.get("name").asText()).isEqualTo("Gesture: Wave (right)");
        assertThat(gesture.get("color").asText()).isEqualTo("GREEN");
        assertThat(gesture.get("marked_range").get("start_time").get("value").asDouble()).isEqualTo(12.0);
        assertThat(gesture.get("marked_range").get("duration").get("value").asDouble()).isEqualTo(28.0);
        assertThat(gesture.get("metadata").get("cue_studio").get("start_ticks").asText())
                .isEqualTo(Long.toString(FrameRate.FPS_25.frameToTicks(12)));
        // The last cue runs past the shot's end: its marker stops at the last frame.
        assertThat(markers.get(3).get("marked_range").get("duration").get("value").asDouble()).isEqualTo(1.0);
    }

    static final List<FrameRate> RATES = TimelineFixtures.RATES;

    @ParameterizedTest
    @FieldSource("RATES")
    void cueTimesComeBackExactlyAtEveryRate(FrameRate rate) throws Exception {
        long tenMinutes = rate.framesCovering(600 * org.cuestudio.core.time.Ticks.PER_SECOND);
        long[][] frames = {{0, 1}, {1, 2}, {7, 31}, {1001, 2002}, {tenMinutes - 3, tenMinutes}};
        Shot shot = TimelineFixtures.shot(rate, frames);
        EditorialTimeline t = EditorialTimeline.forShot("P", shot, tenMinutes,
                List.of(new EditorialTimeline.Media(URI.create("file:///x.mov"), null)));
        JsonNode root = JSON.readTree(OtioWriter.write(t));
        JsonNode clip = root.get("tracks").get("children").get(0).get("children").get(0);
        List<long[]> back = new ArrayList<>();
        for (JsonNode m : clip.get("markers")) {
            JsonNode range = m.get("marked_range");
            FrameRate read = rateOf(range.get("start_time").get("rate").asDouble());
            assertThat(read).isEqualTo(rate);
            back.add(new long[] {read.frameToTicks(frameOf(range.get("start_time"))),
                    read.frameToTicks(frameOf(range.get("start_time")) + frameOf(range.get("duration")))});
        }
        List<Cue> cues = shot.allCues();
        assertThat(back).hasSize(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            assertThat(back.get(i)).as("cue %s at %s fps", cues.get(i).id(), rate)
                    .containsExactly(cues.get(i).range().start(), cues.get(i).range().endExclusive());
        }
        assertThat(frameOf(clip.get("source_range").get("duration"))).isEqualTo(tenMinutes);
    }

    /** A frame number as OTIO stores it: a whole number, or the file was not exact. */
    private static long frameOf(JsonNode rationalTime) {
        double v = rationalTime.get("value").asDouble();
        assertThat(v).isEqualTo(Math.rint(v));
        return (long) v;
    }

    /** The rate whose double OTIO wrote: it must be one of the studio's rates, exactly. */
    private static FrameRate rateOf(double fps) {
        return TimelineFixtures.RATES.stream().filter(r -> r.fps() == fps).findFirst()
                .orElseThrow(() -> new AssertionError("rate " + fps + " is none of the studio's rates"));
    }
}
