package org.cuestudio.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.TestGestures;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers become ordinary cues, and the performance a new shot beside the directed one. */
class LiveTakeTest {
    @TempDir
    Path dir;

    @Test
    void anEmotionHoldsUntilTheNextOneWhichItOverlapsToCrossFade() {
        List<Cue> cues = LiveTake.cues(List.of(
                new Trigger(Ticks.ofSeconds(1), Trigger.Kind.EMOTION, "joy", 0.8),
                new Trigger(Ticks.ofSeconds(4), Trigger.Kind.EMOTION, "sadness", 0.5)), Ticks.ofSeconds(10),
                TestGestures.LIBRARY);
        assertThat(cues).containsExactly(
                new EmotionCue("live-e1", TimeRange.between(Ticks.ofSeconds(1), Ticks.ofSeconds(4) + LiveTake.EMOTION_EASE),
                        Emotion.JOY, 0.8, LiveTake.EMOTION_EASE, LiveTake.EMOTION_EASE),
                new EmotionCue("live-e2", TimeRange.between(Ticks.ofSeconds(4), Ticks.ofSeconds(10)), Emotion.SADNESS,
                        0.5, LiveTake.EMOTION_EASE, LiveTake.EMOTION_EASE));
    }

    @Test
    void aGestureTakesItsLibraryPaceAndIsCutAtTheEnd() {
        List<Cue> cues = LiveTake.cues(List.of(new Trigger(Ticks.ofSeconds(1), Trigger.Kind.GESTURE, "wave", 1),
                new Trigger(Ticks.ofMillis(9_900), Trigger.Kind.GESTURE, "wave", 1)), Ticks.ofSeconds(10),
                TestGestures.LIBRARY);
        GestureCue first = (GestureCue) cues.get(0);
        assertThat(Ticks.toSeconds(first.range().duration())).isCloseTo(0.35 + 0.2 + 0.45 + 0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(cues.get(1).range().endExclusive()).isEqualTo(Ticks.ofSeconds(10));
    }

    @Test
    void thePerformedShotKeepsTheDirectionButNotTheMouthCorrectionsAndNamesItsOrigin() {
        Shot directed = LiveSessionTest.shot(new EmotionCue("e", TimeRange.between(0, Ticks.ofSeconds(2)),
                Emotion.SADNESS, 1, 0, 0));
        directed = directed.withTrack(new org.cuestudio.core.model.CueTrack(CueLane.MOUTH, List.of(
                new MouthShapeCue("m", TimeRange.between(0, Ticks.ofSeconds(1)), MouthShape.A))));
        Shot live = LiveTake.performedShot(directed, "s-live-1", "audio/s-live-1.wav", LiveTake.cues(List.of(
                new Trigger(Ticks.ofSeconds(1), Trigger.Kind.EMOTION, "joy", 0.8)), Ticks.ofSeconds(3), TestGestures.LIBRARY));
        assertThat(live.id()).isEqualTo("s-live-1");
        assertThat(live.audio()).isEqualTo("audio/s-live-1.wav");
        assertThat(live.metadata()).containsEntry(LiveTake.LIVE_OF, "s");
        assertThat(live.track(CueLane.MOUTH).cues()).isEmpty();
        assertThat(live.track(CueLane.EMOTION).cues()).extracting(Cue::id).containsExactly("e", "live-e1");
        assertThat(live.takes()).isEmpty();
    }

    @Test
    void theRecordingIsWrittenAsSixteenBitWav() throws Exception {
        float[] s = {0, 0.5f, -0.5f, 1f};
        Path wav = dir.resolve("audio/x.wav");
        LiveTake.writeWav(wav, s, 4, 16_000);
        byte[] b = Files.readAllBytes(wav);
        assertThat(b).hasSize(44 + 8);
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat((short) ((b[46] & 0xFF) | (b[47] << 8))).isEqualTo((short) 16384);
    }
}
