package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.assets.AssetFiles;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.perform.GestureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GestureLibraryReaderTest {
    @TempDir
    Path dir;

    /** The library the installation ships, read once. */
    static GestureLibrary library() {
        return Shipped.LIBRARY;
    }

    private static final class Shipped {
        static final GestureLibrary LIBRARY;

        static {
            try {
                LIBRARY = GestureLibraryReader.read(AssetFiles.find(GestureLibraryReader.ASSETS_PATH));
            } catch (IOException | ProjectFormatException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theShippedLibraryHasAtLeastTwentyGesturesWithEveryPhase() {
        GestureLibrary lib = library();
        assertThat(lib.gestures()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(lib.ids()).contains("nod", "head-shake", "shrug", "wave", "point", "open-palms", "beat",
                "hand-to-chest", "chin-stroke", "lean-in", "lean-back", "arms-cross", "facepalm", "thumbs-up");
        for (GestureSpec g : lib.gestures()) {
            assertThat(g.preparation()).as(g.id()).isPositive();
            assertThat(g.stroke()).as(g.id()).isPositive().isLessThanOrEqualTo(g.preparation() + 0.2);
            assertThat(g.retraction()).as(g.id()).isPositive();
            assertThat(g.label()).as(g.id()).isNotBlank();
            assertThat(g.description()).as(g.id()).isNotBlank();
            boolean moves = g.arm() != null || g.head().a() != 0 || g.head().b() != 0 || g.head().c() != 0
                    || g.body().a() != 0 || g.oscillation() != null;
            assertThat(moves).as("%s moves something", g.id()).isTrue();
        }
    }

    @Test
    void everyShippedGestureMovesWhatItsEntrySaysWhenPlanned() {
        FrameRate rate = FrameRate.FPS_25;
        int n = 100;
        AudioFeatures silence = new AudioFeatures(rate, rate.frameToTicks(n), new float[n], new boolean[n]);
        PerformancePlanner planner = new PerformancePlanner(library());
        Character still = new Character("c", "C", "s", new Personality(0.5, 0, 0.5, 0.5, 0.5), Map.of());
        Performance rest = planner.plan(shot(List.of()), still, silence, 1);
        for (GestureSpec g : library().gestures()) {
            GestureCue cue = new GestureCue("g", TimeRange.between(Ticks.ofSeconds(0.5), Ticks.ofSeconds(3.5)), g.id(), 1,
                    Side.RIGHT);
            Performance p = planner.plan(shot(List.of(cue)), still, silence, 1);
            PerformanceFrame at = p.frames().get(60), calm = rest.frames().get(60);
            if (g.arm() != null) {
                assertThat(Math.abs(at.get(Channel.LEFT_SHOULDER) - g.arm().shoulder())).as("%s shoulder", g.id())
                        .isLessThan(Math.abs(g.oscillation() != null ? g.oscillation().amplitude() : 0) + 3);
                assertThat(at.get(Channel.LEFT_HAND_POSE)).as("%s hand", g.id()).isEqualTo(g.arm().hand().ordinal());
                boolean both = g.arms() == GestureSpec.Arms.BOTH;
                assertThat(Math.abs(at.get(Channel.RIGHT_SHOULDER) - g.arm().shoulder()) < 5).as("%s both arms", g.id())
                        .isEqualTo(both);
            }
            double moved = 0;
            for (int f = 0; f < n; f++) {
                PerformanceFrame a = p.frames().get(f), b = rest.frames().get(f);
                for (Channel c : new Channel[] {Channel.HEAD_PITCH, Channel.HEAD_YAW, Channel.HEAD_ROLL,
                        Channel.BODY_FORWARD, Channel.LEFT_SHOULDER}) {
                    moved = Math.max(moved, Math.abs(a.get(c) - b.get(c)));
                }
            }
            assertThat(moved).as("%s moves the body", g.id()).isGreaterThan(0.3);
            for (var e : g.face().entrySet()) {
                assertThat(at.get(e.getKey()) - calm.get(e.getKey())).as("%s %s", g.id(), e.getKey())
                        .isGreaterThan((float) (e.getValue() * 0.5));
            }
        }
    }

    private static Shot shot(List<Cue> gestures) {
        return new Shot("s", "S", "a.wav", "c", FrameRate.FPS_25, Resolution.HD,
                List.of(new CueTrack(CueLane.GESTURE, gestures)), List.of(), Map.of());
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndColumn() throws Exception {
        Path f = dir.resolve("library.json");
        Files.writeString(f, """
                {"type": "GestureLibrary.1", "gestures": [
                  {"id": "wave", "arms": "one", "phases": {"preparation": 0.3, "stroke": 0.2, "retraction": 0.4},
                   "arm": {"shoulder": 135, "elbow": 35, "hand": "claw"}},
                  {"id": "Bad Id", "arms": "none", "phases": {"preparation": 0.3, "stroke": 0.2},
                   "head": {"pitch": -6}, "face": {"browInerUp": 0.3}, "colour": "red"}
                ]}
                """);
        assertThatThrownBy(() -> GestureLibraryReader.read(f)).isInstanceOfSatisfying(ProjectFormatException.class,
                e -> {
                    List<String> lines = e.problems().stream().map(Problem::toString).toList();
                    assertThat(lines).allSatisfy(l -> assertThat(l).matches(".*library\\.json:\\d+:\\d+: .*"));
                    assertThat(String.join("\n", lines)).contains("\"hand\" cannot be \"claw\"")
                            .contains("lower-case words").contains("has no \"retraction\"")
                            .contains("\"browInerUp\" is not an ARKit blendshape").contains("did you mean \"browInnerUp\"")
                            .contains("a field \"colour\"");
                    assertThat(e.problems()).extracting(Problem::line).contains(4, 5);
                });
    }

    @Test
    void aGestureDefinedTwiceIsRefused() throws Exception {
        Path f = dir.resolve("library.json");
        String nod = "{\"id\": \"nod\", \"arms\": \"none\", \"phases\": {\"preparation\": 0.1, \"stroke\": 0.1,"
                + " \"retraction\": 0.2}, \"head\": {\"pitch\": -5}}";
        Files.writeString(f, "{\"type\": \"GestureLibrary.1\", \"gestures\": [" + nod + ",\n" + nod + "]}");
        assertThatThrownBy(() -> GestureLibraryReader.read(f)).hasMessageContaining(":2:")
                .hasMessageContaining("gesture 'nod' is defined twice");
    }

    @Test
    void aMissingOrBrokenFileSaysWhatAndWhere() throws Exception {
        assertThatThrownBy(() -> GestureLibraryReader.read(dir.resolve("nope.json")))
                .hasMessageContaining("nope.json").hasMessageContaining("cannot read the gesture library");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"type\": \"GestureLibrary.1\",\n \"gestures\": [ {\"id\": }");
        assertThatThrownBy(() -> GestureLibraryReader.read(f)).hasMessageContaining("broken.json:2:")
                .hasMessageContaining("not valid JSON");
    }
}
