package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Gesture;
import org.cuestudio.core.model.GestureCue;
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
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a project (see docs/project-format.md): every object carries a {@code "type": "Name.version"}
 * tag; times are integer ticks; names of enums are lower case. Reading collects every problem it finds, each
 * with its line and column, before failing.
 */
public final class ProjectJson {
    /** Versions this release reads and writes, per type. */
    static final Map<String, Integer> VERSIONS = Map.of("Project", 1, "Character", 1, "Shot", 1, "Take", 1,
            "EmotionCue", 1, "GestureCue", 1, "GazeCue", 1, "TimingCue", 1);

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectJson() {}

    /** Parses and binds a project; {@code file} is only used to name it in problems. */
    public static Project read(Path file, byte[] json) throws ProjectFormatException {
        LocatedTree tree = LocatedTree.parse(file, json);
        Reader r = new Reader(tree);
        Project p = r.project(tree.root());
        if (!r.problems.isEmpty() || p == null) throw new ProjectFormatException(r.problems);
        return p;
    }

    /** The project as UTF-8 JSON text, two-space indented, fields in a fixed order, ending in a newline. */
    public static byte[] write(Project project) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("")
                    .withObjectEmptySeparator("")).withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
                g.setPrettyPrinter(pp);
                MAPPER.writeTree(g, Writer.project(project));
            }
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds the located tree to model records, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final LocatedTree tree;
        final List<Problem> problems = new ArrayList<>();

        Reader(LocatedTree tree) {
            this.tree = tree;
        }

        void problem(JsonNode at, String message) {
            problems.add(tree.at(at, message));
        }

        /** Checks the type tag; returns false (with a problem) if the object is not of that type or too new. */
        boolean tagged(JsonNode node, String type, String what) {
            if (!node.isObject()) {
                problem(node, what + " must be a JSON object");
                return false;
            }
            JsonNode tag = node.get("type");
            if (tag == null || !tag.isTextual()) {
                problem(node, what + " has no \"type\" tag; expected \"" + type + "." + VERSIONS.get(type) + "\"");
                return false;
            }
            String t = tag.asText();
            int dot = t.lastIndexOf('.');
            String name = dot > 0 ? t.substring(0, dot) : t;
            int version;
            try {
                version = dot > 0 ? Integer.parseInt(t.substring(dot + 1)) : -1;
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (!name.equals(type) || version < 1) {
                problem(tag, what + " has type \"" + t + "\"; expected \"" + type + "." + VERSIONS.get(type) + "\"");
                return false;
            }
            if (version > VERSIONS.get(type)) {
                problem(tag, what + " is a " + t + ", written by a newer Cue Studio; this release reads "
                        + type + "." + VERSIONS.get(type) + " (upgrade Cue Studio to open it)");
                return false;
            }
            return true;
        }

        @Nullable JsonNode field(JsonNode obj, String name, String what) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                problem(obj, what + " is missing \"" + name + "\"");
                return null;
            }
            return v;
        }

        @Nullable String text(JsonNode obj, String name, String what) {
            JsonNode v = field(obj, name, what);
            if (v == null) return null;
            if (!v.isTextual()) {
                problem(v, what + ": \"" + name + "\" must be a string");
                return null;
            }
            return v.asText();
        }

        String optText(JsonNode obj, String name, String fallback, String what) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) return fallback;
            if (!v.isTextual()) {
                problem(v, what + ": \"" + name + "\" must be a string");
                return fallback;
            }
            return v.asText();
        }

        @Nullable Long integer(JsonNode obj, String name, String what) {
            JsonNode v = field(obj, name, what);
            if (v == null) return null;
            if (!v.isIntegralNumber()) {
                problem(v, what + ": \"" + name + "\" must be a whole number");
                return null;
            }
            return v.asLong();
        }

        double number(JsonNode obj, String name, double fallback, String what) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) return fallback;
            if (!v.isNumber()) {
                problem(v, what + ": \"" + name + "\" must be a number");
                return fallback;
            }
            return v.asDouble();
        }

        <E extends Enum<E>> @Nullable E enumValue(JsonNode obj, String name, Class<E> type, String what) {
            String s = text(obj, name, what);
            if (s == null) return null;
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E c : type.getEnumConstants()) allowed.add(c.name().toLowerCase(Locale.ROOT));
                problem(obj.get(name), what + ": \"" + s + "\" is not a valid " + name + "; use one of " + allowed);
                return null;
            }
        }

        List<JsonNode> array(JsonNode obj, String name, String what) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) return List.of();
            if (!v.isArray()) {
                problem(v, what + ": \"" + name + "\" must be an array");
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }

        Map<String, String> metadata(JsonNode obj, String what) {
            JsonNode v = obj.get("metadata");
            Map<String, String> out = new LinkedHashMap<>();
            if (v == null || v.isNull()) return out;
            if (!v.isObject()) {
                problem(v, what + ": \"metadata\" must be an object of strings");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) problem(e.getValue(), what + ": metadata \"" + e.getKey() + "\" must be a string");
                else out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        /** Runs a constructor, turning its validation message into a located problem. */
        <T> @Nullable T build(JsonNode at, String what, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                problem(at, what + ": " + e.getMessage());
                return null;
            }
        }

        @Nullable Project project(JsonNode root) {
            if (!tagged(root, "Project", "the project")) return null;
            String name = optText(root, "name", "Untitled", "the project");
            List<Character> characters = new ArrayList<>();
            for (JsonNode c : array(root, "characters", "the project")) {
                Character ch = character(c);
                if (ch != null) characters.add(ch);
            }
            List<Shot> shots = new ArrayList<>();
            for (JsonNode s : array(root, "shots", "the project")) {
                Shot shot = shot(s);
                if (shot != null) shots.add(shot);
            }
            unique(array(root, "characters", "the project"), "character");
            unique(array(root, "shots", "the project"), "shot");
            return build(root, "the project", () -> new Project(name, characters, shots, metadata(root, "the project")));
        }

        void unique(List<JsonNode> nodes, String what) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode n : nodes) {
                JsonNode id = n.get("id");
                if (id != null && id.isTextual() && !seen.add(id.asText())) {
                    problem(id, "there is more than one " + what + " with id '" + id.asText() + "'");
                }
            }
        }

        @Nullable Character character(JsonNode c) {
            String id = c.path("id").asText("?");
            String what = "character '" + id + "'";
            if (!tagged(c, "Character", what)) return null;
            String cid = text(c, "id", what);
            String sheet = text(c, "sheet", what);
            String name = optText(c, "name", cid == null ? "" : cid, what);
            Personality personality = Personality.DEFAULT;
            JsonNode pn = c.get("personality");
            if (pn != null && !pn.isNull()) {
                Personality d = Personality.DEFAULT;
                personality = build(pn, what + " personality", () -> new Personality(
                        number(pn, "expressiveness", d.expressiveness(), what),
                        number(pn, "gestureRate", d.gestureRate(), what), number(pn, "blinkRate", d.blinkRate(), what),
                        number(pn, "gazeSteadiness", d.gazeSteadiness(), what), number(pn, "energy", d.energy(), what)));
            }
            if (cid == null || sheet == null || personality == null) return null;
            Personality pers = personality;
            return build(c, what, () -> new Character(cid, name, sheet, pers, metadata(c, what)));
        }

        @Nullable Shot shot(JsonNode s) {
            String id = s.path("id").asText("?");
            String what = "shot '" + id + "'";
            if (!tagged(s, "Shot", what)) return null;
            String sid = text(s, "id", what);
            String audio = text(s, "audio", what);
            String character = text(s, "character", what);
            String name = optText(s, "name", sid == null ? "" : sid, what);
            FrameRate rate = null;
            String rateText = text(s, "frameRate", what);
            if (rateText != null) rate = build(s.get("frameRate"), what, () -> FrameRate.parse(rateText));
            Resolution res = null;
            JsonNode rn = field(s, "resolution", what);
            if (rn != null) {
                Long w = integer(rn, "width", what + " resolution");
                Long h = integer(rn, "height", what + " resolution");
                if (w != null && h != null) res = build(rn, what, () -> new Resolution(w.intValue(), h.intValue()));
            }
            List<CueTrack> tracks = new ArrayList<>();
            JsonNode tn = s.get("tracks");
            if (tn != null && !tn.isObject()) problem(tn, what + ": \"tracks\" must be an object with one array per lane");
            java.util.Set<String> cueIds = new java.util.HashSet<>();
            for (CueLane lane : CueLane.values()) {
                if (tn == null || !tn.isObject()) break;
                List<Cue> cues = new ArrayList<>();
                for (JsonNode cn : array(tn, lane.name().toLowerCase(Locale.ROOT), what)) {
                    Cue cue = cue(cn, what, lane);
                    if (cue == null) continue;
                    if (!cueIds.add(cue.id())) problem(cn, what + ": more than one cue has id '" + cue.id() + "'");
                    else cues.add(cue);
                }
                CueTrack t = build(tn, what, () -> new CueTrack(lane, cues));
                if (t != null) tracks.add(t);
            }
            List<Take> takes = new ArrayList<>();
            for (JsonNode t : array(s, "takes", what)) {
                Take take = take(t, what);
                if (take != null) takes.add(take);
            }
            if (sid == null || audio == null || character == null || rate == null || res == null) return null;
            FrameRate r = rate;
            Resolution rs = res;
            return build(s, what, () -> new Shot(sid, name, audio, character, r, rs, tracks, takes, metadata(s, what)));
        }

        @Nullable Cue cue(JsonNode c, String shot, CueLane lane) {
            String what = shot + " cue '" + c.path("id").asText("?") + "'";
            String type = switch (lane) {
                case EMOTION -> "EmotionCue";
                case GESTURE -> "GestureCue";
                case GAZE -> "GazeCue";
                case TIMING -> "TimingCue";
            };
            if (!tagged(c, type, what)) return null;
            String id = text(c, "id", what);
            Long start = integer(c, "start", what);
            Long duration = integer(c, "duration", what);
            if (id == null || start == null || duration == null) return null;
            if (start < 0 || duration <= 0) {
                problem(c, what + ": needs start >= 0 and duration > 0 (ticks, 705600000 per second)");
                return null;
            }
            TimeRange range = new TimeRange(start, duration);
            return switch (lane) {
                case EMOTION -> {
                    Emotion e = enumValue(c, "emotion", Emotion.class, what);
                    double intensity = number(c, "intensity", 1, what);
                    Long easeIn = c.has("easeIn") ? integer(c, "easeIn", what) : Long.valueOf(0);
                    Long easeOut = c.has("easeOut") ? integer(c, "easeOut", what) : Long.valueOf(0);
                    yield e == null || easeIn == null || easeOut == null ? null
                            : build(c, what, () -> new EmotionCue(id, range, e, intensity, easeIn, easeOut));
                }
                case GESTURE -> {
                    Gesture g = enumValue(c, "gesture", Gesture.class, what);
                    double intensity = number(c, "intensity", 1, what);
                    Side side = c.has("side") ? enumValue(c, "side", Side.class, what) : Side.RIGHT;
                    yield g == null || side == null ? null
                            : build(c, what, () -> new GestureCue(id, range, g, intensity, side));
                }
                case GAZE -> {
                    GazeTarget t = enumValue(c, "target", GazeTarget.class, what);
                    yield t == null ? null : build(c, what, () -> new GazeCue(id, range, t));
                }
                case TIMING -> {
                    TimingCue.Kind k = enumValue(c, "kind", TimingCue.Kind.class, what);
                    double strength = number(c, "strength", 1, what);
                    yield k == null ? null : build(c, what, () -> new TimingCue(id, range, k, strength));
                }
            };
        }

        @Nullable Take take(JsonNode t, String shot) {
            String what = shot + " take '" + t.path("id").asText("?") + "'";
            if (!tagged(t, "Take", what)) return null;
            String id = text(t, "id", what);
            Long seed = integer(t, "seed", what);
            Quality q = enumValue(t, "quality", Quality.class, what);
            JsonNode rn = field(t, "resolution", what);
            Long w = rn == null ? null : integer(rn, "width", what);
            Long h = rn == null ? null : integer(rn, "height", what);
            Long rating = t.has("rating") ? integer(t, "rating", what) : Long.valueOf(0);
            if (id == null || seed == null || q == null || w == null || h == null || rating == null) return null;
            JsonNode out = t.get("output");
            return build(t, what, () -> new Take(id, optText(t, "name", id, what), optText(t, "createdAt", "", what), seed,
                    q, new Resolution(w.intValue(), h.intValue()), optText(t, "shotHash", "", what),
                    optText(t, "backend", "", what), optText(t, "backendVersion", "", what), rating.intValue(),
                    t.path("circled").asBoolean(false), optText(t, "notes", "", what),
                    out == null || out.isNull() ? null : out.asText(), metadata(t, what)));
        }
    }

    /** Model records to JSON trees, fields in a fixed order so unchanged projects write identical bytes. */
    private static final class Writer {
        static final JsonNodeFactory F = JsonNodeFactory.instance;

        static ObjectNode tagged(String type) {
            ObjectNode o = F.objectNode();
            o.put("type", type + "." + VERSIONS.get(type));
            return o;
        }

        static ObjectNode project(Project p) {
            ObjectNode o = tagged("Project");
            o.put("name", p.name());
            ArrayNode cs = o.putArray("characters");
            p.characters().forEach(c -> cs.add(character(c)));
            ArrayNode ss = o.putArray("shots");
            p.shots().forEach(s -> ss.add(shot(s)));
            metadata(o, p.metadata());
            return o;
        }

        static ObjectNode character(Character c) {
            ObjectNode o = tagged("Character");
            o.put("id", c.id());
            o.put("name", c.name());
            o.put("sheet", c.sheet());
            ObjectNode p = o.putObject("personality");
            Personality q = c.personality();
            p.put("expressiveness", q.expressiveness());
            p.put("gestureRate", q.gestureRate());
            p.put("blinkRate", q.blinkRate());
            p.put("gazeSteadiness", q.gazeSteadiness());
            p.put("energy", q.energy());
            metadata(o, c.metadata());
            return o;
        }

        static ObjectNode shot(Shot s) {
            ObjectNode o = tagged("Shot");
            o.put("id", s.id());
            o.put("name", s.name());
            o.put("audio", s.audio());
            o.put("character", s.characterId());
            o.put("frameRate", s.frameRate().toString());
            resolution(o, s.resolution());
            ObjectNode tracks = o.putObject("tracks");
            for (CueTrack t : s.tracks()) {
                ArrayNode a = tracks.putArray(t.lane().name().toLowerCase(Locale.ROOT));
                t.cues().forEach(c -> a.add(cue(c)));
            }
            ArrayNode takes = o.putArray("takes");
            s.takes().forEach(t -> takes.add(take(t)));
            metadata(o, s.metadata());
            return o;
        }

        static ObjectNode cue(Cue c) {
            ObjectNode o = tagged(c.getClass().getSimpleName());
            o.put("id", c.id());
            o.put("start", c.range().start());
            o.put("duration", c.range().duration());
            switch (c) {
                case EmotionCue e -> {
                    o.put("emotion", lower(e.emotion()));
                    o.put("intensity", e.intensity());
                    o.put("easeIn", e.easeIn());
                    o.put("easeOut", e.easeOut());
                }
                case GestureCue g -> {
                    o.put("gesture", lower(g.gesture()));
                    o.put("intensity", g.intensity());
                    o.put("side", lower(g.side()));
                }
                case GazeCue g -> o.put("target", lower(g.target()));
                case TimingCue t -> {
                    o.put("kind", lower(t.kind()));
                    o.put("strength", t.strength());
                }
            }
            return o;
        }

        static ObjectNode take(Take t) {
            ObjectNode o = tagged("Take");
            o.put("id", t.id());
            o.put("name", t.name());
            o.put("createdAt", t.createdAt());
            o.put("seed", t.seed());
            o.put("quality", lower(t.quality()));
            resolution(o, t.resolution());
            o.put("shotHash", t.shotHash());
            o.put("backend", t.backendId());
            o.put("backendVersion", t.backendVersion());
            o.put("rating", t.rating());
            o.put("circled", t.circled());
            o.put("notes", t.notes());
            if (t.output() != null) o.put("output", t.output());
            metadata(o, t.metadata());
            return o;
        }

        static void resolution(ObjectNode o, Resolution r) {
            ObjectNode n = o.putObject("resolution");
            n.put("width", r.width());
            n.put("height", r.height());
        }

        static void metadata(ObjectNode o, Map<String, String> m) {
            ObjectNode n = o.putObject("metadata");
            m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> n.put(e.getKey(), e.getValue()));
        }

        static String lower(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
