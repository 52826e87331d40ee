package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.TimeRange;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random projects using every field of the model, format 2's included (partners with their own audio or speaker
 * segments and cues, gesture ids and snapping, looks at points, characters and away, tempo marks, reaction
 * delays) and format 3's (emotion presets, blended emotion cues made from them or not, mouth-shape corrections):
 * writing then reading gives the same project, writing it again the same bytes, and reading on several threads
 * what reading on one gives.
 */
class RoundTripTest {
    private static final String[] GESTURES = {"nod", "open-palms", "hand-to-chest", "thumbs-up", "x", "a1-b2-c3"};
    private static final String[] TEXTS = {"", "Mira", "\"quoted\" \\ back", "tab\there", "naïve ☕ 日本", "line\nbreak",
        "\u0001"};

    @Property(tries = 200)
    void writingThenReadingGivesTheSameProjectAndBytes(@ForAll long seed, @ForAll @IntRange(max = 4) int shots) {
        Project p = project(new Random(seed), shots);
        byte[] once = ProjectJson.write(p);
        Project again = read(once);
        assertThat(again).isEqualTo(p);
        assertThat(ProjectJson.write(again)).isEqualTo(once);
    }

    @Property(tries = 100)
    void readingOnSeveralThreadsGivesWhatReadingOnOneGives(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6)
            int shots) throws Exception {
        byte[] bytes = ProjectJson.write(project(new Random(seed), shots));
        assertThat(ProjectReader.read(Path.of("p.json"), bytes, true).project())
                .isEqualTo(ProjectReader.read(Path.of("p.json"), bytes, false).project());
    }

    private static Project read(byte[] bytes) {
        try {
            return ProjectJson.read(Path.of("p.json"), bytes);
        } catch (ProjectFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Project project(Random r, int shots) {
        int n = 1 + r.nextInt(4);
        List<Character> characters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long delay = switch (r.nextInt(3)) {
                case 0 -> 0;
                case 1 -> Character.MAX_REACTION_DELAY;
                default -> (long) (r.nextDouble() * Character.MAX_REACTION_DELAY);
            };
            characters.add(new Character("c" + i, text(r), "characters/c" + i, new Personality(fraction(r),
                    fraction(r), fraction(r), fraction(r), fraction(r)), delay, metadata(r)));
        }
        List<EmotionPreset> presets = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            Emotion main = Emotion.values()[r.nextInt(Emotion.values().length)];
            String label = text(r);
            presets.add(new EmotionPreset("preset-" + k, label.isBlank() ? "Preset " + k : label, main,
                    blend(r, main)));
        }
        List<Shot> out = new ArrayList<>();
        for (int s = 0; s < shots; s++) {
            List<String> all = new ArrayList<>();
            characters.forEach(c -> all.add(c.id()));
            java.util.Collections.shuffle(all, r);
            List<String> cast = all.subList(0, 1 + r.nextInt(all.size()));
            int[] ids = {0};
            List<Partner> partners = new ArrayList<>();
            for (String id : cast.subList(1, cast.size())) {
                List<TimeRange> speaks = new ArrayList<>();
                String audio = r.nextBoolean() ? "audio/" + id + "-" + s + ".wav" : null;
                long t = r.nextInt(3) * 1_000L;
                for (int k = r.nextInt(4); k > 0; k--) {
                    long d = 1 + r.nextInt(2_000_000_000);
                    speaks.add(new TimeRange(t, d));
                    t += d + (r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
                }
                partners.add(new Partner(id, audio, speaks, Golden.tracks(cues(r, cast, id, ids, presets))));
            }
            List<Take> takes = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                takes.add(new Take("t" + k, text(r), text(r), r.nextLong(), r.nextBoolean() ? Quality.FINAL
                        : Quality.PREVIEW, Resolution.HD, text(r), text(r), text(r), r.nextInt(6), r.nextBoolean(),
                        text(r), r.nextBoolean() ? null : "takes/t" + k + ".mp4", metadata(r)));
            }
            FrameRate rate = r.nextBoolean() ? FrameRate.FPS_25 : FrameRate.FPS_29_97;
            out.add(new Shot("s" + s, text(r), "audio/s" + s + ".wav", cast.get(0), rate, new Resolution(
                    16 + 2 * r.nextInt(100), 16 + 2 * r.nextInt(100)), Golden.tracks(cues(r, cast, cast.get(0), ids,
                    presets)),
                    partners, takes, metadata(r), List.of()));
        }
        return new Project(text(r), characters, out, presets, metadata(r), List.of());
    }

    /** Other emotions than the main one and neutral, at weights above 0 up to 1 (1 included); often none. */
    private static Map<Emotion, Double> blend(Random r, Emotion main) {
        Map<Emotion, Double> out = new HashMap<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            Emotion e = Emotion.values()[r.nextInt(Emotion.values().length)];
            double w = fraction(r);
            if (e != main && e != Emotion.NEUTRAL && w > 0) out.put(e, w);
        }
        return out;
    }

    /** Cues of one character of a shot, with ids unique in the shot ({@code ids} counts them). */
    private static List<Cue> cues(Random r, List<String> cast, String performer, int[] ids,
            List<EmotionPreset> presets) {
        List<Cue> out = new ArrayList<>();
        for (int k = r.nextInt(12); k > 0; k--) {
            String id = "cue-" + ids[0]++;
            TimeRange range = new TimeRange(r.nextInt(3) == 0 ? 0 : (long) (r.nextDouble() * 60_000_000_000L),
                    1 + (long) (r.nextDouble() * 7_000_000_000L));
            out.add(switch (r.nextInt(5)) {
                case 0 -> {
                    Emotion main = Emotion.values()[r.nextInt(Emotion.values().length)];
                    yield switch (r.nextInt(3)) {
                        case 0 -> new EmotionCue(id, range, main, fraction(r), r.nextInt(1_000_000),
                                r.nextInt(1_000_000));
                        // A cue made from a preset, or naming one the project no longer has.
                        case 1 -> presets.isEmpty() || r.nextInt(4) == 0
                                ? new EmotionCue(id, range, main, fraction(r), 0, 0, blend(r, main), "gone-" + k)
                                : EmotionCue.of(id, range, presets.get(r.nextInt(presets.size())), fraction(r),
                                        r.nextInt(1_000_000), 0);
                        default -> new EmotionCue(id, range, main, fraction(r), 0, r.nextInt(1_000_000),
                                blend(r, main), "");
                    };
                }
                case 4 -> new MouthShapeCue(id, range, MouthShape.values()[r.nextInt(MouthShape.values().length)]);
                case 1 -> new GestureCue(id, range, GESTURES[r.nextInt(GESTURES.length)], fraction(r),
                        Side.values()[r.nextInt(3)], r.nextBoolean());
                case 2 -> gaze(r, id, range, cast, performer);
                default -> new TimingCue(id, range, TimingCue.Kind.values()[r.nextInt(TimingCue.Kind.values().length)],
                        fraction(r));
            });
        }
        return out;
    }

    private static GazeCue gaze(Random r, String id, TimeRange range, List<String> cast, String performer) {
        GazeTarget target = GazeTarget.values()[r.nextInt(GazeTarget.values().length)];
        return switch (target) {
            case POINT -> GazeCue.atPoint(id, range, new FramePoint(coordinate(r), coordinate(r)));
            case CHARACTER -> {
                List<String> others = cast.stream().filter(c -> !c.equals(performer)).toList();
                yield GazeCue.atCharacter(id, range, others.isEmpty() ? "someone" : others.get(r.nextInt(
                        others.size())));
            }
            default -> new GazeCue(id, range, target);
        };
    }

    private static double coordinate(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> -1;
            case 1 -> 1;
            case 2 -> 0.1 + 0.2 - 0.3; // not a short decimal: must come back exactly
            default -> r.nextDouble() * 2 - 1;
        };
    }

    private static double fraction(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> Math.round(r.nextDouble() * 100) / 100.0;
            default -> r.nextDouble();
        };
    }

    private static String text(Random r) {
        return TEXTS[r.nextInt(TEXTS.length)];
    }

    private static Map<String, String> metadata(Random r) {
        Map<String, String> m = new HashMap<>();
        for (int k = r.nextInt(3); k > 0; k--) m.put(text(r) + k, text(r));
        return m;
    }
}
