package org.cuestudio.core.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.curves.LiveLinkFaceCsv.RotationUnits;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveLinkFaceCsvTest {
    @Test
    void smallPerformanceMatchesTheGoldenFile() throws Exception {
        CurveFixtures.assertMatchesGolden(LiveLinkFaceCsv.toString(CurveFixtures.small(), RotationUnits.NORMALISED),
                "small-livelinkface.csv");
    }

    @Test
    void headerIsLiveLinkFacesWithEveryBlendshapeOnce() {
        assertThat(LiveLinkFaceCsv.HEADER).hasSize(2 + 61).startsWith("Timecode", "BlendShapeCount", "EyeBlinkLeft")
                .endsWith("TongueOut", "HeadYaw", "HeadPitch", "HeadRoll", "LeftEyeYaw", "LeftEyePitch", "LeftEyeRoll",
                        "RightEyeYaw", "RightEyePitch", "RightEyeRoll");
        List<String> shapes = LiveLinkFaceCsv.HEADER.subList(2, 54).stream()
                .map(h -> java.lang.Character.toLowerCase(h.charAt(0)) + h.substring(1)).sorted().toList();
        assertThat(shapes).isEqualTo(Arrays.stream(ArkitBlendshape.values()).map(Enum::name).sorted().toList());
        // The app's one departure from ARKit's order.
        assertThat(String.join(",", LiveLinkFaceCsv.HEADER)).contains("JawForward,JawRight,JawLeft,JawOpen")
                .contains("MouthPucker,MouthRight,MouthLeft,MouthSmileLeft");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 25, 00:00:00:00.000",
        "24, 25, 00:00:00:24.000",
        "25, 25, 00:00:01:00.000",
        "1501, 25, 00:01:00:01.000",
        "90000, 25, 01:00:00:00.000",
        "29, 30000/1001, 00:00:00:29.000",
        "30, 30000/1001, 00:00:01:00.000",
        "24, 24000/1001, 00:00:01:00.000",
        "59, 60, 00:00:00:59.000",
    })
    void timecodeCountsFramesAtTheNominalRate(long frame, String rate, String expected) {
        assertThat(LiveLinkFaceCsv.timecode(frame, FrameRate.parse(rate))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NORMALISED, 0.05, -0.1, 0.025", "DEGREES, 9, -18, 4.5", "RADIANS, 0.15708, -0.314159, 0.07854"})
    void rotationsFollowTheDocumentedSignsInEachUnit(RotationUnits units, double yaw, double pitch, double roll) {
        List<String> row = rows(LiveLinkFaceCsv.toString(CurveFixtures.small(), units)).get(2);
        assertThat(Double.parseDouble(row.get(col("HeadYaw")))).isCloseTo(yaw, within(1e-5));
        assertThat(Double.parseDouble(row.get(col("HeadPitch")))).isCloseTo(pitch, within(1e-5));
        assertThat(Double.parseDouble(row.get(col("HeadRoll")))).isCloseTo(roll, within(1e-5));
        assertThat(row.get(col("LeftEyeYaw"))).isEqualTo(row.get(col("RightEyeYaw")));
        assertThat(row.get(col("LeftEyeRoll"))).isEqualTo("0");
    }

    @Test
    void rotationUnitsParseTheirCommandLineNames() {
        assertThat(RotationUnits.parse("normalized")).isEqualTo(RotationUnits.NORMALISED);
        assertThat(RotationUnits.parse(" Radians ")).isEqualTo(RotationUnits.RADIANS);
        assertThatThrownBy(() -> RotationUnits.parse("turns")).hasMessageContaining("normalised, radians or degrees");
    }

    @Test
    void plannedPerformanceReadsBackWithOneRowPerFrameAndItsValues() {
        Performance p = planned();
        String csv = LiveLinkFaceCsv.toString(p, RotationUnits.NORMALISED);
        assertThat(csv).endsWith("\n").doesNotContain("\r").doesNotContain("E-").doesNotContain("-0,");
        List<List<String>> table = rows(csv);
        assertThat(table.get(0)).isEqualTo(LiveLinkFaceCsv.HEADER);
        assertThat(table).hasSize(1 + p.frameCount());
        for (int f = 0; f < p.frameCount(); f++) {
            List<String> row = table.get(1 + f);
            PerformanceFrame frame = p.frames().get(f);
            assertThat(row).as("row %d", f).hasSize(63);
            assertThat(row.get(0)).isEqualTo(LiveLinkFaceCsv.timecode(f, p.frameRate()));
            assertThat(row.get(1)).isEqualTo("61");
            for (ArkitBlendshape b : ArkitBlendshape.values()) {
                String column = java.lang.Character.toUpperCase(b.name().charAt(0)) + b.name().substring(1);
                assertThat(Double.parseDouble(row.get(col(column)))).as("%s at %d", b, f)
                        .isCloseTo(frame.get(b), within(5.1e-7));
            }
            assertThat(Double.parseDouble(row.get(col("HeadYaw")))).isCloseTo(frame.get(Channel.HEAD_YAW) / 180.0,
                    within(5.1e-7));
            assertThat(Double.parseDouble(row.get(col("RightEyePitch"))))
                    .isCloseTo(-frame.get(Channel.EYE_PITCH) / 180.0, within(5.1e-7));
        }
    }

    @Test
    void sameFramesWriteTheSameBytes() {
        assertThat(LiveLinkFaceCsv.toString(planned(), RotationUnits.RADIANS))
                .isEqualTo(LiveLinkFaceCsv.toString(planned(), RotationUnits.RADIANS));
    }

    private static int col(String name) {
        return LiveLinkFaceCsv.HEADER.indexOf(name);
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> out = new ArrayList<>();
        for (String line : csv.split("\n")) out.add(List.of(line.split(",", -1)));
        return out;
    }

    /** Ten seconds of a planned performance with emotion and gaze, over noisy synthetic loudness. */
    static Performance planned() {
        FrameRate rate = FrameRate.FPS_25;
        int n = (int) rate.framesCovering(Ticks.ofSeconds(10));
        float[] loud = new float[n];
        boolean[] speech = new boolean[n];
        SplittableRandom r = new SplittableRandom(4);
        for (int f = 0; f < n; f++) {
            speech[f] = f % 60 < 40;
            loud[f] = speech[f] ? (float) r.nextDouble() : 0;
        }
        AudioFeatures audio = new AudioFeatures(rate, Ticks.ofSeconds(10), loud, speech);
        List<CueTrack> tracks = List.of(
                new CueTrack(CueLane.EMOTION, List.of(new EmotionCue("e", span(1, 6), Emotion.JOY, 0.8,
                        Ticks.ofMillis(300), Ticks.ofMillis(300)))),
                new CueTrack(CueLane.GAZE, List.of(new GazeCue("g", span(3, 7), GazeTarget.UP_LEFT))));
        Shot shot = new Shot("s", "S", "a.wav", "c", rate, Resolution.HD, tracks, List.of(), Map.of());
        Character c = new Character("c", "C", "sheet", Personality.DEFAULT, Map.of());
        return org.cuestudio.core.perform.TestGestures.PLANNER.plan(shot, c, audio, 3);
    }

    private static TimeRange span(double from, double to) {
        return TimeRange.between(Ticks.ofSeconds(from), Ticks.ofSeconds(to));
    }
}
