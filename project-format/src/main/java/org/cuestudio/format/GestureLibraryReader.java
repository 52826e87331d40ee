package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.perform.GestureSpec;
import org.cuestudio.core.perform.HandPose;
import org.jspecify.annotations.Nullable;

/**
 * Reads the gesture library ({@code assets/gestures/library.json}, {@code "type": "GestureLibrary.1"}) into a
 * {@link GestureLibrary}, reporting every mistake with its line and column and a fix hint. The fields are described
 * in docs/performance-planner.md.
 */
public final class GestureLibraryReader {
    /** The library file under an installation's (or a checkout's) {@code assets} folder. */
    public static final String ASSETS_PATH = "assets/gestures/library.json";
    private static final List<String> FIELDS = List.of("id", "label", "description", "arms", "phases", "arm", "head",
            "body", "face", "oscillation");

    private final AssetFile in;

    private GestureLibraryReader(AssetFile in) {
        this.in = in;
    }

    public static GestureLibrary read(Path file) throws ProjectFormatException {
        return new GestureLibraryReader(AssetFile.read(file, "the gesture library", ASSETS_PATH)).bind();
    }

    private GestureLibrary bind() throws ProjectFormatException {
        List<GestureSpec> out = new ArrayList<>();
        JsonNode gs = in.array("GestureLibrary.1", "gestures", "{\"id\": \"nod\", ...}");
        if (gs != null) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < gs.size(); i++) {
                GestureSpec g = gesture(gs.get(i), "/gestures/" + i);
                if (g == null) continue;
                if (!ids.add(g.id())) problem("/gestures/" + i + "/id", "gesture '" + g.id() + "' is defined twice",
                        "give each gesture its own id");
                else out.add(g);
            }
        }
        in.throwProblems();
        return new GestureLibrary(in.file.toString(), out);
    }

    private void problem(String pointer, String message, String hint) {
        in.problem(pointer, message, hint);
    }

    private @Nullable GestureSpec gesture(JsonNode g, String at) {
        int before = in.problemCount();
        if (!g.isObject()) {
            problem(at, "a gesture must be an object", "write {\"id\": \"nod\", ...}");
            return null;
        }
        String id = g.path("id").asText("");
        String what = "gesture " + (id.isEmpty() ? "#" + (at.substring(at.lastIndexOf('/') + 1)) : "'" + id + "'");
        g.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                String meant = Hints.closest(f, FIELDS);
                problem(at + "/" + f, what + " has a field \"" + f + "\" that gestures do not have",
                        meant != null ? "did you mean \"" + meant + "\"?" : "the fields are " + FIELDS);
            }
        });
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            problem(at + "/id", what + " needs an \"id\" of lower-case words joined by '-'", "e.g. \"open-palms\"");
        }
        GestureSpec.Arms arms = choice(g, at, what, "arms", GestureSpec.Arms.values(), null);
        JsonNode ph = g.path("phases");
        double prep = number(ph, at + "/phases", what + " phases", "preparation", 0.01, 5, null);
        double stroke = number(ph, at + "/phases", what + " phases", "stroke", 0.01, 5, null);
        double retract = number(ph, at + "/phases", what + " phases", "retraction", 0.01, 5, null);
        GestureSpec.ArmPose arm = null;
        if (g.has("arm")) {
            JsonNode a = g.get("arm");
            String w = what + " arm";
            arm = new GestureSpec.ArmPose(number(a, at + "/arm", w, "shoulder", -180, 180, null),
                    number(a, at + "/arm", w, "elbow", -180, 180, null), number(a, at + "/arm", w, "wrist", -90, 90, 0.0),
                    choiceOr(a, at + "/arm", w, "hand", HandPose.values(), HandPose.RELAXED));
        }
        if (arms != null && (arms == GestureSpec.Arms.NONE) != (arm == null)) {
            problem(at + (arm == null ? "/arms" : "/arm"), what + (arm == null ? " moves its arms but has no \"arm\" pose"
                    : " has an \"arm\" pose but \"arms\" is \"none\""),
                    arm == null ? "add \"arm\": {\"shoulder\": 30, \"elbow\": 60, \"hand\": \"open\"}"
                            : "remove \"arm\" or set \"arms\" to \"one\" or \"both\"");
        }
        JsonNode h = g.path("head");
        GestureSpec.Vec3 head = new GestureSpec.Vec3(number(h, at + "/head", what + " head", "pitch", -45, 45, 0.0),
                number(h, at + "/head", what + " head", "yaw", -60, 60, 0.0),
                number(h, at + "/head", what + " head", "roll", -30, 30, 0.0));
        JsonNode b = g.path("body");
        GestureSpec.Vec3 body = new GestureSpec.Vec3(number(b, at + "/body", what + " body", "forward", -1, 1, 0.0),
                number(b, at + "/body", what + " body", "lean", -20, 20, 0.0),
                number(b, at + "/body", what + " body", "turn", -30, 30, 0.0));
        Map<ArkitBlendshape, Double> face = new EnumMap<>(ArkitBlendshape.class);
        g.path("face").fields().forEachRemaining(e -> {
            ArkitBlendshape shape = null;
            for (ArkitBlendshape s : ArkitBlendshape.values()) if (s.name().equals(e.getKey())) shape = s;
            if (shape == null) {
                List<String> names = java.util.Arrays.stream(ArkitBlendshape.values()).map(Enum::name).toList();
                String meant = Hints.closest(e.getKey(), names);
                problem(at + "/face/" + e.getKey(), what + ": \"" + e.getKey() + "\" is not an ARKit blendshape",
                        meant != null ? "did you mean \"" + meant + "\"?" : "use ARKit names such as \"browInnerUp\"");
            } else if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getValue().asDouble() > 1) {
                problem(at + "/face/" + e.getKey(), what + ": face weights are numbers from 0 to 1", "e.g. 0.3");
            } else {
                face.put(shape, e.getValue().asDouble());
            }
        });
        GestureSpec.Oscillation osc = null;
        if (g.has("oscillation")) {
            JsonNode o = g.get("oscillation");
            String w = what + " oscillation";
            GestureSpec.Target target = choice(o, at + "/oscillation", w, "target", GestureSpec.Target.values(), null);
            double amplitude = number(o, at + "/oscillation", w, "amplitude", -90, 90, null);
            double hertz = number(o, at + "/oscillation", w, "hertz", 0.05, 10, null);
            double cycles = number(o, at + "/oscillation", w, "cycles", 0, 100, 0.0);
            if (target != null && in.problemCount() == before) osc = new GestureSpec.Oscillation(target, amplitude, hertz, cycles);
        }
        if (in.problemCount() > before) return null;
        String label = g.path("label").asText(org.cuestudio.core.model.GestureCue.labelOf(id));
        return new GestureSpec(id, label, g.path("description").asText(""), arms, arm, prep, stroke, retract, head, body,
                face, osc);
    }

    private double number(JsonNode obj, String at, String what, String field, double min, double max,
            @Nullable Double fallback) {
        JsonNode v = obj.path(field);
        if (v.isMissingNode() && fallback != null) return fallback;
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            problem(v.isMissingNode() ? at : at + "/" + field, what + (v.isMissingNode() ? " has no \"" + field + "\""
                    : ": \"" + field + "\" must be a number from " + fmt(min) + " to " + fmt(max)),
                    "write \"" + field + "\": a number from " + fmt(min) + " to " + fmt(max));
            return Double.NaN;
        }
        return v.asDouble();
    }

    private <E extends Enum<E>> @Nullable E choice(JsonNode obj, String at, String what, String field, E[] values,
            @Nullable E fallback) {
        JsonNode v = obj.path(field);
        if (v.isMissingNode() && fallback != null) return fallback;
        List<String> names = java.util.Arrays.stream(values).map(GestureLibraryReader::fileName).toList();
        int i = names.indexOf(v.asText(""));
        if (!v.isTextual() || i < 0) {
            problem(v.isMissingNode() ? at : at + "/" + field, what + (v.isMissingNode() ? " has no \"" + field + "\""
                    : ": \"" + field + "\" cannot be " + v), "write one of " + names);
            return null;
        }
        return values[i];
    }

    private <E extends Enum<E>> E choiceOr(JsonNode obj, String at, String what, String field, E[] values, E fallback) {
        E e = choice(obj, at, what, field, values, fallback);
        return e == null ? fallback : e;
    }

    static String fileName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
