package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Ids;
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
import org.cuestudio.core.model.UnknownObject;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Reads a project file into model records in one streaming pass, collecting every problem with its line, column
 * and a fix hint instead of stopping at the first (docs/decisions/0011-project-format-production.md).
 *
 * <p>Objects whose type tag comes first and is current, which is every object this release wrote, are bound
 * straight from the parser: no tree, no location table, so a 2,000,000-cue project opens in about a second. Any
 * other object (an older version, a tag that is not first, an unknown type) is cut out of the file as text and
 * handled on its own: kept verbatim if its type is unknown, or parsed into a tree, upgraded, written out again
 * and bound from that, with its problems located afterwards through its JSON pointer in the original file.
 */
final class ProjectReader {
    /** The parser settings every project file is read with: the limits of {@link FormatLimits}, no duplicate keys. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(FormatLimits.MAX_DEPTH)
                    .maxStringLength(FormatLimits.MAX_STRING)
                    .maxNameLength(FormatLimits.MAX_NAME)
                    .maxNumberLength(FormatLimits.MAX_NUMBER_DIGITS)
                    .maxDocumentLength(FormatLimits.MAX_FILE_BYTES)
                    .build())
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /**
     * Trees for upgrades and for objects read out of order, with the same limits and duplicate names refused by
     * the parser (the binder finds repeated fields itself on the fast path, more cheaply than Jackson's detector).
     */
    static final ObjectMapper TREES = new ObjectMapper(FACTORY.rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** Each enum's file names by ordinal, computed once: the writer asks for millions of them. */
    private static final ClassValue<String[]> FILE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] out = new String[constants.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return out;
        }
    };

    private static final long ABSENT = Long.MIN_VALUE;
    /** Stands for "no file position" where a binder is handed one: upgraded objects are located by pointer. */
    private static final long NO_POSITION = -1;
    private static final String TICKS_HINT = "times are whole ticks, 705,600,000 per second";

    /** Where typed objects can sit, what type each place takes, and the bytes of that type's current tag. */
    private enum Slot {
        ROOT("Project", "", "the project", null),
        CHARACTERS("Character", "characters", "in \"characters\"", null),
        EMOTION_PRESETS("EmotionPreset", "emotionPresets", "in \"emotionPresets\"", null),
        SHOTS("Shot", "shots", "in \"shots\"", null),
        PARTNERS("Partner", "partners", "in \"partners\"", null),
        TAKES("Take", "takes", "in \"takes\"", null),
        EMOTION("EmotionCue", "tracks/emotion", "on the emotion lane", CueLane.EMOTION),
        GESTURE("GestureCue", "tracks/gesture", "on the gesture lane", CueLane.GESTURE),
        GAZE("GazeCue", "tracks/gaze", "on the gaze lane", CueLane.GAZE),
        TIMING("TimingCue", "tracks/timing", "on the timing lane", CueLane.TIMING),
        MOUTH("MouthShapeCue", "tracks/mouth", "on the mouth lane", CueLane.MOUTH);

        final String type;
        final String place;
        final String where;
        final @Nullable CueLane lane;
        final String currentTag;
        final byte[] currentTagBytes;
        /** The tag of the previous version when the binder reads it as the current one, else null. */
        final byte @Nullable [] compatibleTagBytes;
        /** The step from that version, recorded when an object is bound through it. */
        final Upgrades.@Nullable Step compatibleStep;

        Slot(String type, String place, String where, @Nullable CueLane lane) {
            this.type = type;
            this.place = place;
            this.where = where;
            this.lane = lane;
            int current = Upgrades.CURRENT.get(type);
            this.currentTag = type + "." + current;
            this.currentTagBytes = currentTag.getBytes(StandardCharsets.US_ASCII);
            String previous = type + "." + (current - 1);
            boolean compatible = Upgrades.BINDER_COMPATIBLE.contains(previous);
            this.compatibleTagBytes = compatible ? previous.getBytes(StandardCharsets.US_ASCII) : null;
            this.compatibleStep = compatible ? Upgrades.step(type, current - 1) : null;
        }

        static @Nullable Slot ofLane(String name) {
            return switch (name) {
                case "emotion" -> EMOTION;
                case "gesture" -> GESTURE;
                case "gaze" -> GAZE;
                case "timing" -> TIMING;
                case "mouth" -> MOUTH;
                default -> null;
            };
        }
    }

    /** The names of the lanes, in file order (and in the order of {@link CueLane}). */
    static final List<String> LANES = List.of("emotion", "gesture", "gaze", "timing", "mouth");

    /** The fields each current type has, for "did you mean" hints (the schema test keeps them honest). */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("Project", List.of("type", "name", "characters", "emotionPresets", "shots", "metadata")),
            Map.entry("EmotionPreset", EmotionPresetBinding.FIELDS),
            Map.entry("Character", List.of("type", "id", "name", "sheet", "personality", "reactionDelay", "metadata")),
            Map.entry("Shot", List.of("type", "id", "name", "audio", "character", "frameRate", "resolution", "tracks",
                    "partners", "takes", "metadata")),
            Map.entry("Partner", List.of("type", "character", "audio", "speaks", "tracks")),
            Map.entry("Take", List.of("type", "id", "name", "createdAt", "seed", "quality", "resolution", "shotHash",
                    "backend", "backendVersion", "rating", "circled", "notes", "output", "metadata")),
            Map.entry("EmotionCue", List.of("type", "id", "start", "duration", "emotion", "intensity", "easeIn",
                    "easeOut", "blend", "preset")),
            Map.entry("GestureCue", List.of("type", "id", "start", "duration", "gesture", "intensity", "side", "snap")),
            Map.entry("GazeCue", List.of("type", "id", "start", "duration", "target", "point", "character")),
            Map.entry("TimingCue", List.of("type", "id", "start", "duration", "kind", "strength")),
            Map.entry("MouthShapeCue", List.of("type", "id", "start", "duration", "shape")));

    /** What a gesture id looks like: lower-case words joined by '-' (the model's own rule). */
    static final String GESTURE_ID = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final java.util.regex.Pattern GESTURE_ID_PATTERN = java.util.regex.Pattern.compile(GESTURE_ID);

    private static final List<String> PERSONALITY = List.of("expressiveness", "gestureRate", "blinkRate",
            "gazeSteadiness", "energy");

    private static final Choices<Emotion> EMOTIONS = names(Emotion.values());
    private static final Choices<GazeTarget> TARGETS = names(GazeTarget.values());
    private static final Choices<TimingCue.Kind> KINDS = names(TimingCue.Kind.values());
    private static final Choices<Side> SIDES = names(Side.values());
    private static final Choices<Quality> QUALITIES = names(Quality.values());
    /** Mouth shapes are written as Rhubarb writes them: the upper-case letters A-H and X. */
    private static final Choices<MouthShape> SHAPES = new Choices<>(MouthShape.values(), Enum::name);
    private static final Map<CueLane, String> CHOICE_FIELD = Map.of(CueLane.EMOTION, "emotion", CueLane.GESTURE,
            "gesture", CueLane.GAZE, "target", CueLane.TIMING, "kind", CueLane.MOUTH, "shape");
    private static final Map<CueLane, Set<String>> CHOICES = Map.of(CueLane.EMOTION, EMOTIONS.keySet(),
            CueLane.GESTURE, Set.of("the id of a gesture of the gesture library"), CueLane.GAZE, TARGETS.keySet(),
            CueLane.TIMING, KINDS.keySet(), CueLane.MOUTH, SHAPES.keySet());

    /** The name an enum constant has in a file: lower case, words joined by '-'. */
    static String fileName(Enum<?> e) {
        return FILE_NAMES.get(e.getDeclaringClass())[e.ordinal()];
    }


    private static <E extends Enum<E>> Choices<E> names(E[] values) {
        return new Choices<>(values);
    }

    /**
     * The values of an enum by their names in a file, looked up from the parser's character buffer so that the
     * millions of enum values in a large project allocate no strings.
     */
    static final class Choices<E extends Enum<E>> {
        private final E[] values;
        private final char[][] names;
        private final Set<String> keys;

        Choices(E[] values) {
            this(values, ProjectReader::fileName);
        }

        /** Values written by another name than {@link #fileName}. */
        Choices(E[] values, java.util.function.Function<E, String> name) {
            this.values = values.clone();
            this.names = new char[values.length][];
            Set<String> k = new java.util.LinkedHashSet<>();
            for (int i = 0; i < values.length; i++) {
                names[i] = name.apply(values[i]).toCharArray();
                k.add(name.apply(values[i]));
            }
            this.keys = java.util.Collections.unmodifiableSet(k);
        }

        @Nullable E find(char[] buf, int off, int len) {
            outer:
            for (int i = 0; i < names.length; i++) {
                char[] n = names[i];
                if (n.length != len) continue;
                for (int k = 0; k < len; k++) if (n[k] != buf[off + k]) continue outer;
                return values[i];
            }
            return null;
        }

        /** The names, in declaration order. */
        Set<String> keySet() {
            return keys;
        }
    }

    /** Something that can say what it is, for messages; built only when a problem needs it. */
    private interface What {
        String describe();
    }

    /**
     * The bytes a parser reads: the file itself, a part of it (a shot bound on another thread, whose JSON pointer in
     * the file is {@code slice}), or an upgraded object written out again for binding.
     */
    private record Source(byte[] bytes, @Nullable JsonPointer base, int byteBase, int lineBase, int columnBase,
            @Nullable JsonPointer slice) {
        /** The whole file, or an upgraded object located through its pointer {@code base}. */
        Source(byte[] bytes, @Nullable JsonPointer base) {
            this(bytes, base, 0, 1, 1, null);
        }

        /** A part of the file from byte {@code start}, which is at {@code line}:{@code column} and {@code at}. */
        static Source slice(byte[] bytes, int start, int line, int column, JsonPointer at) {
            return new Source(bytes, null, start, line, column, at);
        }

        /** A position reported by a parser of this source, as a position in the file, packed as line and column. */
        long position(int line, int column) {
            return line <= 1 ? ((long) lineBase << 32) | ((columnBase + column - 1) & 0xffffffffL)
                    : ((long) (lineBase + line - 1) << 32) | (column & 0xffffffffL);
        }
    }

    /** A problem waiting for its position: a parser location, or a JSON pointer into the file. */
    private record Pending(Object mark, String message, String hint) {}

    /** Thrown to stop reading once a helper thread has reported where the file is damaged. */
    private static final class Damaged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Damaged() {
            super(null, null, false, false);
        }
    }

    /** Thrown to stop reading a file with more problems than are worth listing. */
    private static final class TooMany extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooMany() {
            super(null, null, false, false);
        }
    }

    private final Path file;
    private final byte[] bytes;
    /** Whether shots are bound on several threads (large files; tests force either way). */
    private boolean parallel;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Upgrades.Step> applied = new ArrayList<>();
    private boolean newer;
    private boolean truncated;

    private ProjectReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** Reads and binds a whole file; every failure is a {@link ProjectFormatException} listing all problems. */
    static ProjectJson.Result read(Path file, byte[] bytes) throws ProjectFormatException {
        return read(file, bytes, bytes.length >= PARALLEL_BYTES && WORKERS > 0);
    }

    /** {@link #read(Path, byte[])}, binding shots on several threads or on this one only. */
    static ProjectJson.Result read(Path file, byte[] bytes, boolean parallel) throws ProjectFormatException {
        if (bytes.length > FormatLimits.MAX_FILE_BYTES) {
            throw new ProjectFormatException(List.of(new Problem(file, 0, 0, "the file is " + bytes.length
                    + " bytes; project files are limited to " + FormatLimits.MAX_FILE_BYTES + " bytes",
                    "this is not a project file, or it is damaged; open the project's backup (project.json.bak)")));
        }
        ProjectReader r = new ProjectReader(file, bytes);
        r.parallel = parallel;
        Project project = null;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            In in = r.new In(p, new Source(bytes, null));
            JsonToken t = p.nextToken();
            if (t == null) {
                r.problem(in.mark(), "the file is empty",
                        "a project file holds one JSON object that starts with {\"type\": \"" + Slot.ROOT.currentTag
                                + "\"");
            } else if (t != JsonToken.START_OBJECT) {
                r.problem(in.mark(), "a project file must hold one JSON object, not " + token(t),
                        "start the file with {\"type\": \"" + Slot.ROOT.currentTag + "\", ...}");
            } else {
                if (r.element(in, Slot.ROOT, 0, null) instanceof Project pr) project = pr;
                if (p.nextToken() != null) {
                    r.problem(in.mark(), "there is more after the end of the project object",
                            "remove everything after the project's closing '}'");
                }
            }
        } catch (TooMany e) {
            r.truncated = true;
        } catch (Damaged e) {
            // Already reported, with the problems before the damage.
        } catch (JsonProcessingException e) {
            r.syntaxProblem(e, new Source(bytes, null));
        } catch (IOException e) {
            r.pending.add(new Pending(JsonLocation.NA, "cannot read: " + e.getMessage(), ""));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not take the studio down with a damaged file; the fuzz test looks for this text.
            r.pending.add(new Pending(JsonLocation.NA, "internal error while reading (please report it): " + e,
                    "open project.json.bak, or send the file to the Cue Studio developers"));
        }
        if (!r.pending.isEmpty() || project == null) {
            if (r.pending.isEmpty()) r.pending.add(new Pending(JsonLocation.NA, "the project could not be read", ""));
            throw new ProjectFormatException(r.problems(), r.newer);
        }
        int oldest = r.applied.stream().mapToInt(Upgrades.Step::from).min().orElse(-1);
        return new ProjectJson.Result(project, Upgrades.describe(r.applied), oldest);
    }

    // ---------------------------------------------------------------- problems

    private static Locator.Position positionOf(long packed) {
        return new Locator.Position((int) (packed >>> 32), (int) packed);
    }

    private void problem(Object mark, String message, String hint) {
        if (pending.size() >= FormatLimits.MAX_PROBLEMS) throw new TooMany();
        pending.add(new Pending(mark, message, hint));
    }

    private void syntaxProblem(JsonProcessingException e, Source src) {
        // Jackson names where an unclosed object started, in its own terms; the problem's position says enough.
        String m = e.getOriginalMessage().replaceAll(" ?\\(for [A-Za-z]+ starting at \\[Source: [^\\]]*\\]\\)", "")
                .replaceAll(" ?(at )?\\[Source: [^\\]]*\\]", "");
        String message;
        String hint;
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                message = "the document nests deeper than " + FormatLimits.MAX_DEPTH + " levels";
                hint = "a project nests 9 levels at most; this file is damaged or is not a project";
            } else if (m.contains("String value length")) {
                message = "a text value is longer than the limit of " + FormatLimits.MAX_STRING + " characters";
                hint = "shorten it; long notes belong in a file beside the project";
            } else if (m.contains("Name length")) {
                message = "a field name is longer than the limit of " + FormatLimits.MAX_NAME + " characters";
                hint = "this file is damaged or is not a project";
            } else if (m.contains("Number value length")) {
                message = "a number has more than " + FormatLimits.MAX_NUMBER_DIGITS + " digits";
                hint = "write a shorter number";
            } else {
                message = "the file exceeds a limit: " + firstLine(m);
                hint = "see \"Limits\" in docs/project-format.md";
            }
        } else if (m.startsWith("Duplicate field")) {
            message = "invalid JSON: " + firstLine(m);
            hint = "an object may name each field once; remove or rename the repeated one";
        } else if (m.contains("end-of-input") || m.contains("Unexpected end")) {
            message = "invalid JSON: the file ends too early (" + firstLine(m) + ")";
            hint = "the file is cut short; close every '{' and '[' or restore project.json.bak";
        } else {
            message = "invalid JSON: " + firstLine(m);
            hint = "look for a missing comma, quote or bracket at or just before this point";
        }
        JsonLocation loc = e.getLocation();
        Object at = loc == null || loc == JsonLocation.NA ? JsonLocation.NA
                : positionOf(src.position(loc.getLineNr(), loc.getColumnNr()));
        pending.add(new Pending(at, message, hint));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return oneLine(line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    /** Every pending problem with its position, in file order. */
    private List<Problem> problems() {
        List<JsonPointer> pointers = new ArrayList<>();
        for (Pending p : pending) if (p.mark() instanceof JsonPointer ptr) pointers.add(ptr);
        Map<JsonPointer, Locator.Position> at = Locator.locate(bytes, pointers);
        List<Problem> out = new ArrayList<>();
        for (Pending p : pending) {
            int line = 0;
            int column = 0;
            if (p.mark() instanceof JsonLocation l && l != JsonLocation.NA) {
                line = Math.max(l.getLineNr(), 0);
                column = Math.max(l.getColumnNr(), 0);
            } else if (p.mark() instanceof Locator.Position pos) {
                line = pos.line();
                column = pos.column();
            } else if (p.mark() instanceof JsonPointer ptr) {
                line = at.get(ptr).line();
                column = at.get(ptr).column();
            }
            out.add(new Problem(file, line, column, p.message(), p.hint()));
        }
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        if (truncated) {
            out.add(new Problem(file, 0, 0, "there are more problems than the " + FormatLimits.MAX_PROBLEMS
                    + " listed", "fix these first, or restore project.json.bak"));
        }
        return out;
    }

    private static String token(@Nullable JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    // ---------------------------------------------------------------- typed objects

    /**
     * Reads the typed object at the current START_OBJECT of a slot: its model record, an {@link UnknownObject} to
     * keep, or null after reporting why it cannot be used.
     */
    private @Nullable Object element(In in, Slot slot, int index, @Nullable ShotState shot) throws IOException {
        JsonParser p = in.p;
        byte[] b = in.src.bytes();
        int start = in.tokenStart();
        long position = in.position();
        if (startsWithTag(b, start, slot.currentTagBytes)) return bind(in, slot, position, shot);
        if (slot.compatibleTagBytes != null && startsWithTag(b, start, slot.compatibleTagBytes)) {
            // The previous version, which the binder reads as it reads the upgraded object: no tree needed.
            applied.add(slot.compatibleStep);
            return bind(in, slot, position, shot);
        }
        // Everything below is rare (old, hand-edited or newer objects): look at the object as a whole.
        JsonPointer where = in.pointer();
        Object at = in.objectMark(position);
        p.skipChildren();
        int end = in.offsetAfter();
        String tagText = peekTag(b, start);
        ObjectNode tree = null;
        if (tagText == null) {
            tree = parseTree(b, start, end, at);
            if (tree == null) return null;
            JsonNode t = tree.get("type");
            if (t == null || !t.isTextual()) {
                problem(at, describe(slot, index, shot) + " has no \"type\" text",
                        "add \"type\": \"" + slot.currentTag + "\" as its first field");
                return null;
            }
            tagText = t.asText();
        }
        TypeTag tag = TypeTag.parse(tagText);
        String name = named(slot, index, shot, tree, b, start, end);
        if (tag == null) {
            problem(at, name + " has type \"" + clip(tagText) + "\", which is not a type tag",
                    "write the type as Name.version, here \"" + slot.currentTag + "\"");
            return null;
        }
        Integer current = Upgrades.CURRENT.get(tag.name());
        if (current == null) return unknown(slot, index, shot, tag, tagText, b, start, end, at);
        if (!tag.name().equals(slot.type)) {
            problem(at, "a " + tag.name() + " cannot be " + slot.where + " (found " + name + ")",
                    slot == Slot.ROOT ? "the file's top object must be a \"" + slot.currentTag + "\""
                            : "move it to where " + tag.name() + " objects go, or make it a " + slot.type);
            return null;
        }
        if (tag.version() > current) {
            newer = true;
            problem(at, name + " is a " + tag + ", written by a newer Cue Studio; this release"
                    + " reads " + slot.type + " up to version " + current + " and will not open the file rather than"
                    + " lose what it cannot understand",
                    "open the project with a newer Cue Studio (the release that wrote it or later)");
            return null;
        }
        if (tag.version() < Upgrades.OLDEST.get(tag.name())) {
            problem(at, name + " is a " + tag + ", older than this release can read",
                    "open and save the project once with an older Cue Studio that reads it");
            return null;
        }
        if (tree == null) tree = parseTree(b, start, end, at);
        if (tree == null) return null;
        if (tag.version() < current) tree = Upgrades.toCurrent(tree, tag, applied);
        byte[] shaped = TREES.writeValueAsBytes(tree);
        try (JsonParser q = FACTORY.createParser(shaped)) {
            q.nextToken();
            return bind(new In(q, new Source(shaped, where)), slot, NO_POSITION, shot);
        } catch (JsonProcessingException e) {
            problem(at, describe(slot, index, shot) + " cannot be read: " + firstLine(e.getOriginalMessage()), "");
            return null;
        }
    }

    /** An object of a type this release does not know: kept, unless it is surely a misspelt known type. */
    private @Nullable Object unknown(Slot slot, int index, @Nullable ShotState shot, TypeTag tag, String tagText,
            byte[] b, int start, int end, Object at) {
        if (slot == Slot.ROOT) {
            problem(at, "this is not a Cue Studio project: its top object has type \"" + clip(tagText) + "\"",
                    "open a project.json whose first field is \"type\": \"" + Slot.ROOT.currentTag + "\"");
            return null;
        }
        String meant = Hints.misspeltType(tag.name(), Upgrades.knownTypes());
        if (meant != null) {
            problem(at, describe(slot, index, shot) + " has the unknown type \"" + clip(tagText) + "\"",
                    "did you mean \"" + meant + "." + Upgrades.CURRENT.get(meant) + "\"?");
            return null;
        }
        String place = slot.place;
        return new UnknownObject(place, index, tagText, new String(b, start, end - start, StandardCharsets.UTF_8));
    }

    private @Nullable ObjectNode parseTree(byte[] b, int start, int end, Object at) {
        try {
            JsonNode n = TREES.readTree(TREES.getFactory().createParser(b, start, end - start));
            if (n instanceof ObjectNode o) return o;
        } catch (IOException e) {
            problem(at, "this object cannot be read: " + firstLine(e.getMessage()),
                    "look for damaged text inside it");
        }
        return null;
    }

    /** Whether the object at {@code at} starts with {@code "type": "<tag>"}, the shape this release writes. */
    private static boolean startsWithTag(byte[] b, int at, byte[] tag) {
        int i = skipSpace(b, at + 1);
        if (!regionIs(b, i, TYPE_KEY)) return false;
        i = skipSpace(b, i + TYPE_KEY.length);
        if (i >= b.length || b[i] != ':') return false;
        i = skipSpace(b, i + 1);
        if (i >= b.length || b[i] != '"' || !regionIs(b, i + 1, tag)) return false;
        int close = i + 1 + tag.length;
        return close < b.length && b[close] == '"';
    }

    /** The value of a leading plain {@code "type"} text field, or null when the object does not start so. */
    private static @Nullable String peekTag(byte[] b, int at) {
        int i = skipSpace(b, at + 1);
        if (!regionIs(b, i, TYPE_KEY)) return null;
        i = skipSpace(b, i + TYPE_KEY.length);
        if (i >= b.length || b[i] != ':') return null;
        i = skipSpace(b, i + 1);
        if (i >= b.length || b[i] != '"') return null;
        int s = ++i;
        while (i < b.length && b[i] != '"') {
            if (b[i] == '\\' || b[i] < 0x20 || i - s > 80) return null; // escapes, control or non-ASCII: use the tree
            i++;
        }
        return i < b.length ? new String(b, s, i - s, StandardCharsets.US_ASCII) : null;
    }

    private static final byte[] TYPE_KEY = "\"type\"".getBytes(StandardCharsets.US_ASCII);

    private static boolean regionIs(byte[] b, int at, byte[] what) {
        if (at < 0 || at + what.length > b.length) return false;
        for (int k = 0; k < what.length; k++) if (b[at + k] != what[k]) return false;
        return true;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
        return i;
    }

    /** User text fit for a one-line message: at most 60 characters, control characters escaped. */
    static String clip(String s) {
        return oneLine(s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }

    /** The text with control characters escaped, so that a message stays on one line. */
    static String oneLine(String t) {
        StringBuilder out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) out = new StringBuilder(t.substring(0, i));
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? t : out.toString();
    }

    /** {@link #describe}, with the object's id when it has one (read from its text: this is the rare path). */
    private static String named(Slot slot, int index, @Nullable ShotState shot, @Nullable ObjectNode tree, byte[] b,
            int start, int end) {
        JsonNode id = null;
        String idField = slot == Slot.PARTNERS ? "character" : "id";
        if (tree != null) {
            id = tree.get(idField);
        } else {
            try {
                JsonNode n = TREES.readTree(TREES.getFactory().createParser(b, start, end - start));
                id = n == null ? null : n.get(idField);
            } catch (IOException e) {
                // The object is damaged; its number will do.
            }
        }
        if (id == null || !id.isTextual() || !Ids.isValid(id.asText())) return describe(slot, index, shot);
        String kind = switch (slot) {
            case ROOT -> "the project";
            case CHARACTERS -> "character";
            case EMOTION_PRESETS -> "emotion preset";
            case SHOTS -> "shot";
            case PARTNERS -> "partner";
            case TAKES -> "take";
            default -> slot.lane.name().toLowerCase(Locale.ROOT) + " cue";
        };
        String owner = slot == Slot.TAKES || slot == Slot.PARTNERS ? " of " + (shot == null ? "a shot" : shot.describe())
                : slot.lane != null ? " of " + (shot == null ? "a shot" : shot.owner()) : "";
        return slot == Slot.ROOT ? kind : kind + " '" + id.asText() + "'" + owner;
    }

    private static String describe(Slot slot, int index, @Nullable ShotState shot) {
        return switch (slot) {
            case ROOT -> "the project";
            case CHARACTERS -> "character #" + (index + 1);
            case EMOTION_PRESETS -> "emotion preset #" + (index + 1);
            case SHOTS -> "shot #" + (index + 1);
            case PARTNERS -> "partner #" + (index + 1) + " of " + (shot == null ? "a shot" : shot.describe());
            case TAKES -> "take #" + (index + 1) + " of " + (shot == null ? "a shot" : shot.describe());
            default -> "cue #" + (index + 1) + " on the " + slot.lane.name().toLowerCase(Locale.ROOT) + " lane of "
                    + (shot == null ? "a shot" : shot.owner());
        };
    }

    /** Binds an object of the slot's current type; the parser is at its START_OBJECT. */
    private @Nullable Object bind(In in, Slot slot, long at, @Nullable ShotState shot) throws IOException {
        return switch (slot) {
            case ROOT -> project(in, at);
            case CHARACTERS -> character(in, at);
            case EMOTION_PRESETS -> emotionPreset(in, at);
            case SHOTS -> shot(in, at, shot == null ? 0 : shot.index);
            case PARTNERS -> shot == null ? null : partner(in, at, shot);
            case TAKES -> take(in, at, shot);
            default -> shot == null ? null : cue(in, slot, at, shot);
        };
    }

    // ---------------------------------------------------------------- arrays

    /** Reads an array of typed objects, handing each bound record to {@code sink} and keeping unknown ones. */
    private void elements(In in, Slot slot, String field, What owner, int limit, @Nullable ShotState shot,
            List<Object> sink, List<UnknownObject> unknown) throws IOException {
        JsonParser p = in.p;
        if (slot == Slot.SHOTS && p.currentToken() == JsonToken.START_ARRAY && in.src.base() == null && parallel) {
            parallelShots(in, owner, sink, unknown);
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problem(in.mark(), owner.describe() + ": \"" + field + "\" must be an array, not "
                    + token(p.currentToken()),
                    "write \"" + field + "\": [ ... ] (an empty array [] is fine)");
            p.skipChildren();
            return;
        }
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (i == limit) {
                problem(in.mark(), owner.describe() + " has more than " + limit + " entries in \"" + field + "\"",
                        "that is the limit per " + (slot.lane != null ? "track" : slot == Slot.PARTNERS ? "shot"
                                : "project") + "; split the work over more " + (slot.lane != null ? "shots"
                                : slot == Slot.PARTNERS ? "shots" : "projects"));
            }
            if (i >= limit) {
                p.skipChildren();
                i++;
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                problem(in.mark(), owner.describe() + ": entry #" + (i + 1) + " of \"" + field + "\" is "
                        + token(t) + ", not an object", "each entry is an object such as {\"type\": \""
                        + slot.currentTag + "\", ...}");
                p.skipChildren();
                i++;
                continue;
            }
            if (shot != null && slot == Slot.SHOTS) shot.index = i;
            if (shot != null && slot == Slot.PARTNERS) shot.partnerIndex = i;
            Object o = element(in, slot, i, shot);
            if (o instanceof UnknownObject u) unknown.add(u);
            else if (o != null) sink.add(o);
            i++;
        }
    }

    // ---------------------------------------------------------------- shots in parallel

    /** Files from this size on have their shots bound on several threads. */
    static final int PARALLEL_BYTES = 4 << 20;
    /** Threads that help the reading thread bind shots. */
    static final int WORKERS = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);

    /**
     * A shot cut out of the file for binding on another thread, with what binding it gave: the shot (or null),
     * and a reader of its own holding its problems and upgrades until they are merged in file order.
     */
    private static final class ShotSlice {
        static final ShotSlice END = new ShotSlice(-1, 0, 0, 0, false);
        final int index;
        final int start;
        final int end;
        final long position;
        /** Whether the shot has the previous version's tag, bound as the current one (see Slot.compatibleStep). */
        final boolean previous;
        @Nullable Object value;
        @Nullable ProjectReader reader;

        ShotSlice(int index, int start, int end, long position, boolean previous) {
            this.index = index;
            this.start = start;
            this.end = end;
            this.position = position;
            this.previous = previous;
        }
    }

    /**
     * Reads the shots array of a large file with every core: this thread only finds where each shot ends
     * ({@code skipChildren}, a fraction of the cost of binding) and hands the shot's bytes to helper threads,
     * then binds shots itself once the array is scanned. Results, problems and upgrades are merged in file order,
     * so the outcome is exactly that of reading on one thread. Shots that are not in the current shape are read
     * here, as usual.
     */
    private void parallelShots(In in, What owner, List<Object> sink, List<UnknownObject> unknown) throws IOException {
        JsonParser p = in.p;
        java.util.concurrent.BlockingQueue<ShotSlice> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        List<Thread> helpers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            helpers.add(Thread.ofPlatform().daemon().name("cue-read-shots-" + w).start(() -> drain(queue, true)));
        }
        List<Object> results = new ArrayList<>();
        ShotState counter = new ShotState(this, 0);
        IOException stopped = null;
        boolean damaged = false;
        try {
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                if (i >= FormatLimits.MAX_SHOTS) {
                    if (i == FormatLimits.MAX_SHOTS) {
                        problem(in.mark(), owner.describe() + " has more than " + FormatLimits.MAX_SHOTS
                                + " entries in \"shots\"", "that is the limit per project; split the work over more"
                                + " projects");
                    }
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_OBJECT) {
                    problem(in.mark(), owner.describe() + ": entry #" + (i + 1) + " of \"shots\" is " + token(t)
                            + ", not an object", "each entry is an object such as {\"type\": \""
                            + Slot.SHOTS.currentTag + "\", ...}");
                    p.skipChildren();
                    continue;
                }
                int start = in.tokenStart();
                boolean previous = false;
                if (startsWithTag(bytes, start, Slot.SHOTS.currentTagBytes)
                        || (previous = Slot.SHOTS.compatibleTagBytes != null
                                && startsWithTag(bytes, start, Slot.SHOTS.compatibleTagBytes))) {
                    long position = in.position();
                    try {
                        p.skipChildren();
                    } catch (JsonProcessingException e) {
                        // The file is damaged inside this shot: bind it here up to the damage, so that its
                        // problems before that point are reported as reading on one thread would.
                        ShotSlice slice = new ShotSlice(i, start, bytes.length, position, previous);
                        bindSlice(slice);
                        results.add(slice);
                        damaged = true;
                        break;
                    }
                    ShotSlice slice = new ShotSlice(i, start, in.offsetAfter(), position, previous);
                    results.add(slice);
                    queue.add(slice);
                } else {
                    counter.index = i;
                    results.add(java.util.Optional.ofNullable(element(in, Slot.SHOTS, i, counter)));
                }
            }
        } catch (JsonProcessingException e) {
            // Reported by the caller after the shots read so far, whose problems are merged first.
            stopped = e;
        } catch (TooMany e) {
            truncated = true;
        } finally {
            // This thread binds what is left, then tells the helpers to stop; they return after their last shot.
            drain(queue, false);
            for (int w = 0; w < helpers.size(); w++) queue.add(ShotSlice.END);
            for (Thread h : helpers) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the project");
                }
            }
        }
        for (Object r : results) {
            Object value;
            if (r instanceof ShotSlice slice) {
                ProjectReader child = slice.reader;
                if (child == null) throw new IllegalStateException("shot #" + (slice.index + 1) + " was not read");
                for (Pending pd : child.pending) {
                    if (pending.size() >= FormatLimits.MAX_PROBLEMS) {
                        truncated = true;
                        break;
                    }
                    pending.add(pd);
                }
                applied.addAll(child.applied);
                newer |= child.newer;
                truncated |= child.truncated;
                value = slice.value;
            } else {
                value = ((java.util.Optional<?>) r).orElse(null);
            }
            if (value instanceof UnknownObject u) unknown.add(u);
            else if (value != null) sink.add(value);
        }
        if (stopped != null) throw stopped;
        if (truncated) throw new TooMany();
        if (damaged) throw new Damaged();
    }

    /**
     * Binds queued shots: a helper thread until it takes the end marker, the reading thread (which queues the end
     * markers only after this) until the queue is empty.
     */
    private void drain(java.util.concurrent.BlockingQueue<ShotSlice> queue, boolean helper) {
        while (true) {
            ShotSlice slice;
            try {
                slice = helper ? queue.take() : queue.poll();
            } catch (InterruptedException e) {
                return;
            }
            if (slice == null || slice == ShotSlice.END) return;
            bindSlice(slice);
        }
    }

    private void bindSlice(ShotSlice slice) {
        ProjectReader child = new ProjectReader(file, bytes);
        int line = (int) (slice.position >>> 32);
        int column = (int) slice.position;
        Source src = Source.slice(bytes, slice.start, line, column, JsonPointer.compile("/shots/" + slice.index));
        try (JsonParser q = FACTORY.createParser(bytes, slice.start, slice.end - slice.start)) {
            q.nextToken();
            ShotState s = new ShotState(child, slice.index);
            if (slice.previous) child.applied.add(Slot.SHOTS.compatibleStep);
            slice.value = child.bind(child.new In(q, src), Slot.SHOTS, slice.position, s);
        } catch (TooMany e) {
            child.truncated = true;
        } catch (JsonProcessingException e) {
            child.syntaxProblem(e, src);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            child.pending.add(new Pending(positionOf(slice.position), "internal error while reading (please report"
                    + " it): " + e, "open project.json.bak, or send the file to the Cue Studio developers"));
        }
        slice.reader = child;
    }

    // ---------------------------------------------------------------- project

    private @Nullable Project project(In in, long at) throws IOException {
        JsonParser p = in.p;
        What what = () -> "the project";
        String name = "Untitled";
        List<Object> characters = new ArrayList<>();
        List<Object> presets = new ArrayList<>();
        List<Object> shots = new ArrayList<>();
        List<UnknownObject> unknown = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        boolean ok = true;
        ShotState shotCounter = new ShotState(this, -1);
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            switch (f) {
                case "type" -> { }
                case "name" -> {
                    String s = in.text(f, what);
                    if (s != null) name = s;
                    else ok = false;
                }
                case "characters" -> elements(in, Slot.CHARACTERS, f, what, FormatLimits.MAX_CHARACTERS, null,
                        characters, unknown);
                case "emotionPresets" -> elements(in, Slot.EMOTION_PRESETS, f, what, FormatLimits.MAX_EMOTION_PRESETS,
                        null, presets, unknown);
                case "shots" -> elements(in, Slot.SHOTS, f, what, FormatLimits.MAX_SHOTS, shotCounter, shots, unknown);
                case "metadata" -> metadata = in.metadata(what);
                default -> in.unknownField(f, what, "Project");
            }
        }
        List<Character> cs = new ArrayList<>();
        characters.forEach(c -> cs.add((Character) c));
        List<EmotionPreset> ps = new ArrayList<>();
        presets.forEach(e -> ps.add((EmotionPreset) e));
        List<Shot> ss = new ArrayList<>();
        shots.forEach(s -> ss.add((Shot) s));
        unique(cs.stream().map(Character::id).toList(), "character", in.objectMark(at));
        unique(ss.stream().map(Shot::id).toList(), "shot", in.objectMark(at));
        if (!ok) return null;
        String n = name;
        Map<String, String> md = metadata;
        return build(in, at, what, () -> new Project(n, cs, ss, ps, md, unknown));
    }

    /** The ids of the project's emotion presets read so far (a reader reads one project). */
    private final Set<String> presetIds = new HashSet<>();

    /**
     * An emotion preset of the project: small and rare, so bound from a tree by the binding the shipped presets
     * share ({@link EmotionPresetBinding}); its problems are located through their JSON pointers.
     */
    private @Nullable EmotionPreset emotionPreset(In in, long at) throws IOException {
        JsonPointer where = in.pointer();
        Object mark = in.objectMark(at);
        int start = in.tokenStart();
        in.p.skipChildren();
        ObjectNode tree = parseTree(in.src.bytes(), start, in.offsetAfter(), mark);
        if (tree == null) return null;
        String base = where.toString();
        EmotionPreset preset = EmotionPresetBinding.bind(tree, base, "emotion preset", true,
                (ptr, m, h) -> problem(JsonPointer.compile(ptr), m, h));
        if (preset != null && !presetIds.add(preset.id())) {
            problem(JsonPointer.compile(base + "/id"), "there is more than one emotion preset with id '"
                    + preset.id() + "'", "give each preset its own id; emotion cues name the preset they were made"
                            + " from by it");
            return null;
        }
        return preset;
    }

    private void unique(List<String> ids, String kind, Object at) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                problem(at, "there is more than one " + kind + " with id '" + id + "'",
                        "give each " + kind + " its own id");
            }
        }
    }

    private @Nullable Character character(In in, long at) throws IOException {
        JsonParser p = in.p;
        String[] id = {null};
        What what = () -> "character" + (id[0] == null ? "" : " '" + id[0] + "'");
        String name = null;
        String sheet = null;
        Personality personality = Personality.DEFAULT;
        long reactionDelay = 0;
        Map<String, String> metadata = Map.of();
        boolean ok = true;
        boolean sawId = false;
        boolean sawSheet = false;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            switch (f) {
                case "type" -> { }
                case "id" -> {
                    sawId = true;
                    id[0] = in.id(f, what);
                    ok &= id[0] != null;
                }
                case "name" -> {
                    name = in.text(f, what);
                    ok &= name != null;
                }
                case "sheet" -> {
                    sawSheet = true;
                    sheet = in.text(f, what);
                    ok &= sheet != null;
                }
                case "personality" -> {
                    personality = personality(in, what);
                    ok &= personality != null;
                }
                case "reactionDelay" -> {
                    Object mark = in.mark();
                    reactionDelay = in.ticks(f, what);
                    if (reactionDelay != ABSENT && reactionDelay > Character.MAX_REACTION_DELAY) {
                        problem(mark, what.describe() + ": \"reactionDelay\" is " + reactionDelay + " ticks ("
                                + seconds(reactionDelay) + "), longer than the longest reaction delay, 2 s",
                                "use 0 (reacts at once) to " + Character.MAX_REACTION_DELAY + " (2 s); 176400000 is"
                                        + " a quarter of a second");
                        reactionDelay = ABSENT;
                    }
                    ok &= reactionDelay != ABSENT;
                }
                case "metadata" -> metadata = in.metadata(what);
                default -> in.unknownField(f, what, "Character");
            }
        }
        ok &= in.require(sawId, at, what, "id", "\"mira\"");
        ok &= in.require(sawSheet, at, what, "sheet", "\"characters/mira\" (the sheet folder, relative to the"
                + " project folder)");
        if (!ok) return null;
        String cid = id[0];
        String n = name == null ? cid : name;
        String sh = sheet;
        Personality pe = personality;
        long delay = reactionDelay;
        Map<String, String> md = metadata;
        return build(in, at, what, () -> new Character(cid, n, sh, pe, delay, md));
    }

    private @Nullable Personality personality(In in, What owner) throws IOException {
        JsonParser p = in.p;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(in.mark(), owner.describe() + ": \"personality\" must be an object, not " + token(p.currentToken()),
                    "write \"personality\": {\"expressiveness\": 0.5, ...} or leave it out for the defaults");
            p.skipChildren();
            return null;
        }
        What what = () -> owner.describe() + " personality";
        double[] traits = {0.5, 0.5, 0.5, 0.5, 0.5};
        boolean ok = true;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            int k = PERSONALITY.indexOf(f);
            if (k < 0) {
                in.unknownFieldOf(f, what, "a personality", PERSONALITY);
                continue;
            }
            double v = in.fraction(f, what, "0 is none, 0.5 an ordinary person, 1 the most");
            if (Double.isNaN(v)) ok = false;
            else traits[k] = v;
        }
        if (!ok) return null;
        return new Personality(traits[0], traits[1], traits[2], traits[3], traits[4]);
    }

    // ---------------------------------------------------------------- shot

    /** What a shot being read has so far, shared with its cues and takes for messages and id checks. */
    private static final class ShotState implements What {
        final ProjectReader reader;
        int index;
        @Nullable String id;
        final IdSet cueIds = new IdSet();
        final Set<String> takeIds = new HashSet<>();
        final List<UnknownObject> unknown = new ArrayList<>();
        final EnumMap<CueLane, List<Object>> cues = new EnumMap<>(CueLane.class);
        /** Names the cue being read; one per shot, since cues are read one at a time. */
        final CueWhat cueWhat = new CueWhat(this);
        /** The position in "partners" of the partner being read. */
        int partnerIndex;
        /** The partner whose fields are being read, or null while the shot's own are. */
        @Nullable PartnerState partner;
        /** Where each partner bound so far starts, for problems found once the shot is read. */
        final List<Object> partnerMarks = new ArrayList<>();

        ShotState(ProjectReader reader, int index) {
            this.reader = reader;
            this.index = index;
        }

        @Override
        public String describe() {
            return id != null ? "shot '" + id + "'" : "shot #" + (index + 1);
        }

        /** Whose cues are being read: the shot's own character's, or a partner's. */
        String owner() {
            return partner == null ? describe() : partner.describe();
        }
    }

    /** What a partner being read has so far. */
    private static final class PartnerState implements What {
        final ShotState shot;
        final int index;
        @Nullable String characterId;
        final EnumMap<CueLane, List<Object>> cues = new EnumMap<>(CueLane.class);
        /** Its unknown cues and lanes, placed relative to the partner until its character id is known. */
        final List<UnknownObject> unknown = new ArrayList<>();

        PartnerState(ShotState shot, int index) {
            this.shot = shot;
            this.index = index;
        }

        @Override
        public String describe() {
            return (characterId != null ? "partner '" + characterId + "'" : "partner #" + (index + 1)) + " of "
                    + shot.describe();
        }
    }

    private @Nullable Shot shot(In in, long at, int index) throws IOException {
        JsonParser p = in.p;
        ShotState s = new ShotState(this, index);
        String name = null;
        String audio = null;
        String character = null;
        FrameRate rate = null;
        Resolution resolution = null;
        List<Object> partners = new ArrayList<>();
        List<Object> takes = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        boolean ok = true;
        boolean sawId = false;
        boolean sawAudio = false;
        boolean sawCharacter = false;
        boolean sawRate = false;
        boolean sawResolution = false;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, s)) continue;
            switch (f) {
                case "type" -> { }
                case "id" -> {
                    sawId = true;
                    s.id = in.id(f, s);
                    ok &= s.id != null;
                }
                case "name" -> {
                    name = in.text(f, s);
                    ok &= name != null;
                }
                case "audio" -> {
                    sawAudio = true;
                    audio = in.text(f, s);
                    ok &= audio != null;
                }
                case "character" -> {
                    sawCharacter = true;
                    character = in.text(f, s);
                    ok &= character != null;
                }
                case "frameRate" -> {
                    sawRate = true;
                    rate = frameRate(in, s);
                    ok &= rate != null;
                }
                case "resolution" -> {
                    sawResolution = true;
                    resolution = resolution(in, s);
                    ok &= resolution != null;
                }
                case "tracks" -> tracks(in, s, s.cues, s.unknown, s);
                case "partners" -> elements(in, Slot.PARTNERS, f, s, FormatLimits.MAX_PARTNERS_PER_SHOT, s, partners,
                        s.unknown);
                case "takes" -> elements(in, Slot.TAKES, f, s, FormatLimits.MAX_TAKES_PER_SHOT, s, takes, s.unknown);
                case "metadata" -> metadata = in.metadata(s);
                default -> in.unknownField(f, s, "Shot");
            }
        }
        ok &= in.require(sawId, at, s, "id", "\"shot-1\"");
        ok &= in.require(sawAudio, at, s, "audio", "\"audio/line-1.wav\" (relative to the project folder)");
        ok &= in.require(sawCharacter, at, s, "character", "the id of one of the project's characters");
        ok &= in.require(sawRate, at, s, "frameRate", "\"25\" (or \"24\", \"30000/1001\", ...)");
        ok &= in.require(sawResolution, at, s, "resolution", "{\"width\": 1920, \"height\": 1080}");
        List<Partner> ps = new ArrayList<>();
        Set<String> cast = new HashSet<>();
        if (character != null) cast.add(character);
        for (int k = 0; k < partners.size(); k++) {
            Partner pt = (Partner) partners.get(k);
            ps.add(pt);
            if (cast.add(pt.characterId())) continue;
            ok = false;
            if (pt.characterId().equals(character)) {
                problem(s.partnerMarks.get(k), s.describe() + " is performed by '" + character + "', who cannot also"
                        + " be its partner", "name another character in this partner, or remove it");
            } else {
                problem(s.partnerMarks.get(k), "character '" + pt.characterId() + "' is a partner of " + s.describe()
                        + " twice", "each character is in a shot once: merge the two partners into one");
            }
        }
        if (!ok) return null;
        List<CueTrack> tracks = tracksOf(s.cues);
        List<Take> ts = new ArrayList<>();
        takes.forEach(t -> ts.add((Take) t));
        String id = s.id;
        String n = name == null ? id : name;
        String au = audio;
        String ch = character;
        FrameRate fr = rate;
        Resolution rs = resolution;
        Map<String, String> md = metadata;
        return build(in, at, s, () -> new Shot(id, n, au, ch, fr, rs, tracks, ps, ts, md, s.unknown));
    }

    private static List<CueTrack> tracksOf(EnumMap<CueLane, List<Object>> read) {
        List<CueTrack> tracks = new ArrayList<>();
        for (CueLane lane : CueLane.values()) {
            List<Cue> cues = new ArrayList<>();
            for (Object o : read.getOrDefault(lane, List.of())) cues.add((Cue) o);
            tracks.add(new CueTrack(lane, cues));
        }
        return tracks;
    }

    // ---------------------------------------------------------------- partners

    /** A partner of the shot {@code s}: its character, its voice and its own cues (ids unique in the shot). */
    private @Nullable Partner partner(In in, long at, ShotState s) throws IOException {
        JsonParser p = in.p;
        PartnerState ps = new PartnerState(s, s.partnerIndex);
        String audio = null;
        List<TimeRange> speaks = List.of();
        boolean ok = true;
        boolean sawCharacter = false;
        Set<String> names = new HashSet<>();
        PartnerState outer = s.partner;
        s.partner = ps;
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (in.repeated(names, f, ps)) continue;
                switch (f) {
                    case "type" -> { }
                    case "character" -> {
                        sawCharacter = true;
                        ps.characterId = in.id(f, ps);
                        ok &= ps.characterId != null;
                    }
                    case "audio" -> {
                        if (p.currentToken() != JsonToken.VALUE_NULL) {
                            audio = in.text(f, ps);
                            ok &= audio != null;
                        }
                    }
                    case "speaks" -> {
                        speaks = speaks(in, ps);
                        ok &= speaks != null;
                    }
                    case "tracks" -> tracks(in, s, ps.cues, ps.unknown, ps);
                    default -> in.unknownField(f, ps, "Partner");
                }
            }
        } finally {
            s.partner = outer;
        }
        ok &= in.require(sawCharacter, at, ps, "character", "the id of one of the project's characters, e.g."
                + " \"leo\"");
        if (!ok) return null;
        String cid = ps.characterId;
        for (UnknownObject u : ps.unknown) {
            s.unknown.add(new UnknownObject("partners/" + cid + "/" + u.place(), u.index(), u.type(), u.json()));
        }
        String au = audio;
        List<TimeRange> sp = speaks;
        List<CueTrack> tracks = tracksOf(ps.cues);
        Partner made = build(in, at, ps, () -> new Partner(cid, au, sp, tracks));
        if (made != null) s.partnerMarks.add(in.objectMark(at));
        return made;
    }

    /**
     * A partner's speaker segments: where in the shot's recording it is the one speaking, in time order and not
     * overlapping; null after reporting what is wrong.
     */
    private @Nullable List<TimeRange> speaks(In in, What owner) throws IOException {
        JsonParser p = in.p;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problem(in.mark(), owner.describe() + ": \"speaks\" must be an array of segments, not "
                    + token(p.currentToken()), "write \"speaks\": [{\"start\": 0, \"duration\": 705600000}, ...]"
                    + " (ticks), or [] when the partner has its own \"audio\"");
            p.skipChildren();
            return null;
        }
        List<TimeRange> out = new ArrayList<>();
        boolean ok = true;
        long previousEnd = 0;
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            if (i == FormatLimits.MAX_SPEAKER_SEGMENTS) {
                problem(in.mark(), owner.describe() + " has more than " + FormatLimits.MAX_SPEAKER_SEGMENTS
                        + " speaker segments", "merge segments that follow each other closely");
                ok = false;
            }
            if (t != JsonToken.START_OBJECT || i >= FormatLimits.MAX_SPEAKER_SEGMENTS) {
                if (i < FormatLimits.MAX_SPEAKER_SEGMENTS) {
                    problem(in.mark(), owner.describe() + ": speaker segment #" + (i + 1) + " is " + token(t)
                            + ", not an object", "write each segment as {\"start\": 0, \"duration\": 705600000}"
                            + " (ticks)");
                    ok = false;
                }
                p.skipChildren();
                continue;
            }
            Object at = in.mark();
            int n = i + 1;
            What what = () -> owner.describe() + ": speaker segment #" + n;
            long start = ABSENT;
            long duration = ABSENT;
            boolean sawStart = false;
            boolean sawDuration = false;
            boolean good = true;
            Set<String> names = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (in.repeated(names, f, what)) continue;
                switch (f) {
                    case "start" -> {
                        sawStart = true;
                        start = in.ticks(f, what);
                        good &= start != ABSENT;
                    }
                    case "duration" -> {
                        sawDuration = true;
                        duration = in.ticks(f, what);
                        good &= duration != ABSENT;
                    }
                    default -> in.unknownFieldOf(f, what, "a speaker segment", List.of("start", "duration"));
                }
            }
            if (!sawStart) problem(at, what.describe() + " has no \"start\"", "add \"start\": 0 (" + TICKS_HINT + ")");
            if (!sawDuration) {
                problem(at, what.describe() + " has no \"duration\"", "add \"duration\": 705600000 (one second in"
                        + " ticks)");
            }
            good &= sawStart && sawDuration;
            if (good && duration <= 0) {
                problem(at, what.describe() + " has a duration of " + duration + " ticks; it must be longer than 0",
                        "set \"duration\" to a positive number of ticks (" + TICKS_HINT + ")");
                good = false;
            }
            if (good && start > FormatLimits.MAX_TICKS - duration) {
                problem(at, what.describe() + " ends after 24 hours, the latest time a project can hold",
                        "check \"start\" and \"duration\": " + TICKS_HINT);
                good = false;
            }
            if (good && start < previousEnd) {
                problem(at, what.describe() + " starts at " + start + " (" + seconds(start) + "), before the segment"
                        + " before it ends at " + previousEnd + " (" + seconds(previousEnd) + ")",
                        "list the segments in time order without overlaps: start this one at " + previousEnd
                                + " or later, or merge it with the one before");
                good = false;
            }
            if (good) {
                out.add(new TimeRange(start, duration));
                previousEnd = start + duration;
            }
            ok &= good;
        }
        return ok ? out : null;
    }

    /** Ticks as seconds, for messages: "2.5 s". */
    private static String seconds(long ticks) {
        return String.format(Locale.ROOT, "%.3f", Ticks.toSeconds(ticks)).replaceAll("0+$", "")
                .replaceAll("\\.$", "") + " s";
    }

    private @Nullable FrameRate frameRate(In in, What owner) throws IOException {
        Object at = in.mark();
        String text = in.text("frameRate", owner);
        if (text == null) return null;
        try {
            return FrameRate.parse(text);
        } catch (IllegalArgumentException e) {
            problem(at, owner.describe() + ": \"" + clip(text) + "\" is not a frame rate",
                    "write it as text: \"24\", \"25\", \"30\", \"23.976\", \"29.97\" or a fraction like"
                            + " \"30000/1001\"");
            return null;
        }
    }

    private @Nullable Resolution resolution(In in, What owner) throws IOException {
        JsonParser p = in.p;
        Object at = in.mark();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(at, owner.describe() + ": \"resolution\" must be an object, not " + token(p.currentToken()),
                    "write \"resolution\": {\"width\": 1920, \"height\": 1080}");
            p.skipChildren();
            return null;
        }
        What what = () -> owner.describe() + " resolution";
        long w = ABSENT;
        long h = ABSENT;
        boolean ok = true;
        boolean sawW = false;
        boolean sawH = false;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            switch (f) {
                case "width" -> {
                    sawW = true;
                    w = in.whole(f, what);
                    ok &= w != ABSENT;
                }
                case "height" -> {
                    sawH = true;
                    h = in.whole(f, what);
                    ok &= h != ABSENT;
                }
                default -> in.unknownFieldOf(f, what, "a resolution", List.of("width", "height"));
            }
        }
        if (!sawW) problem(at, what.describe() + " has no \"width\"", "add \"width\": 1920");
        if (!sawH) problem(at, what.describe() + " has no \"height\"", "add \"height\": 1080");
        ok &= sawW && sawH;
        if (!ok) return null;
        if (w < 16 || h < 16 || w > Resolution.MAX_SIDE || h > Resolution.MAX_SIDE || w % 2 != 0 || h % 2 != 0) {
            problem(at, owner.describe() + ": resolution " + w + "x" + h + " is not allowed",
                    "use even sizes from 16 to " + Resolution.MAX_SIDE + ", e.g. 1920x1080 or 1280x720");
            return null;
        }
        return new Resolution((int) w, (int) h);
    }

    /**
     * The lanes of a shot or of a partner ({@code owner}): known lanes hold cues, into {@code into}; a lane this
     * release does not know is kept whole, in {@code unknown}.
     */
    private void tracks(In in, ShotState s, EnumMap<CueLane, List<Object>> into, List<UnknownObject> unknown,
            What owner) throws IOException {
        JsonParser p = in.p;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(in.mark(), owner.describe() + ": \"tracks\" must be an object with one array per lane, not "
                    + token(p.currentToken()), "write \"tracks\": {\"emotion\": [], \"gesture\": [], \"gaze\": [],"
                    + " \"timing\": []} (and \"mouth\": [] for mouth-shape corrections)");
            p.skipChildren();
            return;
        }
        What what = () -> owner.describe() + " tracks";
        int position = 0;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            Slot lane = Slot.ofLane(f);
            if (lane != null) {
                List<Object> cues = into.computeIfAbsent(lane.lane, l -> new ArrayList<>());
                elements(in, lane, f, what, FormatLimits.MAX_CUES_PER_TRACK, s, cues, unknown);
            } else {
                unknownLane(in, f, position, owner, unknown);
            }
            position++;
        }
    }

    /**
     * A field of "tracks" that is not a known lane: a lane of a newer release (an array of objects of types this
     * release does not know) is kept whole; anything else is a mistake and reported.
     */
    private void unknownLane(In in, String name, int position, What s, List<UnknownObject> unknown)
            throws IOException {
        JsonParser p = in.p;
        Object at = in.mark();
        int start = in.tokenStart();
        boolean array = p.currentToken() == JsonToken.START_ARRAY;
        p.skipChildren();
        int end = in.offsetAfter();
        String meant = Hints.closest(name, LANES);
        boolean knownInside = false;
        if (array && meant == null) {
            JsonNode tree;
            try {
                tree = TREES.readTree(TREES.getFactory().createParser(in.src.bytes(), start, end - start));
            } catch (IOException e) {
                tree = null;
            }
            if (tree == null) {
                knownInside = true;
            } else {
                for (JsonNode e : tree) {
                    TypeTag t = e.isObject() && e.path("type").isTextual()
                            ? TypeTag.parse(e.path("type").asText()) : null;
                    if (t == null || Upgrades.CURRENT.containsKey(t.name())) knownInside = true;
                }
            }
        }
        if (!array || meant != null || knownInside) {
            problem(at, s.describe() + " has a lane \"" + clip(name) + "\" that this release does not know",
                    (meant != null ? "did you mean \"" + meant + "\"? " : "")
                            + "the lanes are \"emotion\", \"gesture\", \"gaze\", \"timing\" and \"mouth\"");
            return;
        }
        unknown.add(new UnknownObject("tracks/" + name, position, "",
                new String(in.src.bytes(), start, end - start, StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- cues

    private @Nullable Cue cue(In in, Slot slot, long at, ShotState s) throws IOException {
        JsonParser p = in.p;
        CueLane lane = slot.lane;
        CueWhat what = s.cueWhat;
        what.lane = lane;
        what.id = null;
        String id = null;
        long start = ABSENT;
        long duration = ABSENT;
        Enum<?> choice = null;
        String gesture = null;
        boolean sawChoice = false;
        double intensity = 1;
        double strength = 1;
        long easeIn = 0;
        long easeOut = 0;
        Side side = Side.RIGHT;
        boolean snap = false;
        FramePoint point = null;
        Object pointAt = null;
        String looksAt = null;
        Object looksAtAt = null;
        Map<Emotion, Double> blend = Map.of();
        Map<Emotion, Object> blendAt = null;
        String preset = "";
        boolean ok = true;
        boolean sawId = false;
        boolean sawStart = false;
        boolean sawDuration = false;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "type" -> seen = in.once(seen, 1, f, what);
                case "id" -> {
                    seen = in.once(seen, 2, f, what);
                    sawId = true;
                    id = in.id(f, what);
                    what.id = id;
                    ok &= id != null;
                }
                case "start" -> {
                    seen = in.once(seen, 4, f, what);
                    sawStart = true;
                    start = in.ticks(f, what);
                    ok &= start != ABSENT;
                }
                case "duration" -> {
                    seen = in.once(seen, 8, f, what);
                    sawDuration = true;
                    duration = in.ticks(f, what);
                    ok &= duration != ABSENT;
                }
                default -> {
                    switch (lane) {
                        case EMOTION -> {
                            switch (f) {
                                case "emotion" -> {
                                    seen = in.once(seen, 16, f, what);
                                    sawChoice = true;
                                    choice = in.choice(f, EMOTIONS, what);
                                    ok &= choice != null;
                                }
                                case "intensity" -> {
                                    seen = in.once(seen, 32, f, what);
                                    intensity = in.fraction(f, what, "0 is none, 1 the strongest");
                                    ok &= !Double.isNaN(intensity);
                                }
                                case "easeIn" -> {
                                    seen = in.once(seen, 64, f, what);
                                    easeIn = in.ticks(f, what);
                                    ok &= easeIn != ABSENT;
                                }
                                case "easeOut" -> {
                                    seen = in.once(seen, 128, f, what);
                                    easeOut = in.ticks(f, what);
                                    ok &= easeOut != ABSENT;
                                }
                                case "blend" -> {
                                    seen = in.once(seen, 8192, f, what);
                                    blendAt = new EnumMap<>(Emotion.class);
                                    blend = blend(in, what, blendAt);
                                    ok &= blend != null;
                                }
                                case "preset" -> {
                                    seen = in.once(seen, 16384, f, what);
                                    preset = in.text(f, what);
                                    if (preset != null && !preset.isEmpty() && !Ids.isValid(preset)) {
                                        problem(in.mark(), what.describe() + ": \"" + clip(preset) + "\" is not a"
                                                + " preset id", "write the id of one of the project's"
                                                        + " \"emotionPresets\" (lower-case words joined by '-'), or"
                                                        + " \"\" when the cue is made from none");
                                        preset = null;
                                    }
                                    ok &= preset != null;
                                }
                                default -> in.unknownField(f, what, slot.type);
                            }
                        }
                        case GESTURE -> {
                            switch (f) {
                                case "gesture" -> {
                                    seen = in.once(seen, 16, f, what);
                                    sawChoice = true;
                                    gesture = in.text(f, what);
                                    if (gesture != null && !GESTURE_ID_PATTERN.matcher(gesture).matches()) {
                                        problem(in.mark(), what.describe() + ": \"" + clip(gesture)
                                                + "\" is not a gesture id", "gesture ids are lower-case words joined"
                                                + " by '-', as in assets/gestures/library.json, e.g. \"open-palms\"");
                                        gesture = null;
                                    }
                                    ok &= gesture != null;
                                }
                                case "intensity" -> {
                                    seen = in.once(seen, 32, f, what);
                                    intensity = in.fraction(f, what, "0 is none, 1 the strongest");
                                    ok &= !Double.isNaN(intensity);
                                }
                                case "side" -> {
                                    seen = in.once(seen, 256, f, what);
                                    Side sd = in.choice(f, SIDES, what);
                                    if (sd != null) side = sd;
                                    else ok = false;
                                }
                                case "snap" -> {
                                    seen = in.once(seen, 1024, f, what);
                                    Boolean b = in.bool(f, what);
                                    if (b != null) snap = b;
                                    else ok = false;
                                }
                                default -> in.unknownField(f, what, slot.type);
                            }
                        }
                        case GAZE -> {
                            switch (f) {
                                case "target" -> {
                                    seen = in.once(seen, 16, f, what);
                                    sawChoice = true;
                                    choice = in.choice(f, TARGETS, what);
                                    ok &= choice != null;
                                }
                                case "point" -> {
                                    seen = in.once(seen, 2048, f, what);
                                    pointAt = in.mark();
                                    point = framePoint(in, what);
                                    ok &= point != null;
                                }
                                case "character" -> {
                                    seen = in.once(seen, 4096, f, what);
                                    looksAtAt = in.mark();
                                    looksAt = in.id(f, what);
                                    ok &= looksAt != null;
                                }
                                default -> in.unknownField(f, what, slot.type);
                            }
                        }
                        case TIMING -> {
                            switch (f) {
                                case "kind" -> {
                                    seen = in.once(seen, 16, f, what);
                                    sawChoice = true;
                                    choice = in.choice(f, KINDS, what);
                                    ok &= choice != null;
                                }
                                case "strength" -> {
                                    seen = in.once(seen, 512, f, what);
                                    strength = in.fraction(f, what, "0 is none, 1 the strongest");
                                    ok &= !Double.isNaN(strength);
                                }
                                default -> in.unknownField(f, what, slot.type);
                            }
                        }
                        case MOUTH -> {
                            if (f.equals("shape")) {
                                seen = in.once(seen, 16, f, what);
                                sawChoice = true;
                                choice = shape(in, what);
                                ok &= choice != null;
                            } else {
                                in.unknownField(f, what, slot.type);
                            }
                        }
                    }
                }
            }
        }
        if (!(sawId && sawStart && sawDuration && sawChoice)) {
            // Only a damaged cue gets here; the examples are built only then.
            ok &= in.require(sawId, at, what, "id", "\"" + lane.name().toLowerCase(Locale.ROOT) + "-1\"");
            ok &= in.require(sawStart, at, what, "start", "0 (ticks from the start of the shot; " + TICKS_HINT + ")");
            ok &= in.require(sawDuration, at, what, "duration", "705600000 (one second in ticks)");
            ok &= in.require(sawChoice, at, what, CHOICE_FIELD.get(lane), "one of "
                    + String.join(", ", CHOICES.get(lane)));
        }
        if (!ok) return null;
        if (duration <= 0) {
            problem(in.objectMark(at), what.describe() + " has a duration of " + duration
                    + " ticks; it must be longer than 0",
                    "set \"duration\" to a positive number of ticks (" + TICKS_HINT + ")");
            return null;
        }
        if (start > FormatLimits.MAX_TICKS - duration) {
            problem(in.objectMark(at), what.describe() + " ends after 24 hours, the latest time a project can hold",
                    "check \"start\" and \"duration\": " + TICKS_HINT);
            return null;
        }
        if (lane == CueLane.GAZE && !gazeFieldsAgree(in, at, what, (GazeTarget) choice, pointAt, looksAtAt)) {
            return null;
        }
        if (blendAt != null && blendAt.containsKey((Emotion) choice)) {
            String[] wrong = EmotionPresetBinding.entryProblem(what.describe(), fileName(choice), (Emotion) choice,
                    1.0, "1", (Emotion) choice);
            problem(blendAt.get((Emotion) choice), wrong[0], wrong[1]);
            return null;
        }
        if (!s.cueIds.add(id)) {
            problem(in.objectMark(at), s.describe() + " has more than one cue with id '" + id + "'",
                    "give each cue of a shot its own id (the shot's own cues and its partners' share one set)");
            return null;
        }
        TimeRange range = new TimeRange(start, duration);
        return switch (lane) {
            case EMOTION -> new EmotionCue(id, range, (Emotion) choice, intensity, easeIn, easeOut, blend, preset);
            case GESTURE -> new GestureCue(id, range, gesture, intensity, side, snap);
            case GAZE -> new GazeCue(id, range, (GazeTarget) choice, point, looksAt);
            case TIMING -> new TimingCue(id, range, (TimingCue.Kind) choice, strength);
            case MOUTH -> new MouthShapeCue(id, range, (MouthShape) choice);
        };
    }

    /**
     * Whether a gaze cue has a "point" exactly when it looks at a point and a "character" exactly when it looks at a
     * character; reports each mismatch at the field, or at the cue when the field is missing.
     */
    private boolean gazeFieldsAgree(In in, long at, What what, GazeTarget target, @Nullable Object pointAt,
            @Nullable Object looksAtAt) {
        boolean ok = true;
        if (target == GazeTarget.POINT && pointAt == null) {
            problem(in.objectMark(at), what.describe() + " looks at a point but has no \"point\"",
                    "add \"point\": {\"x\": 0.5, \"y\": 0.2} (x from -1, the left edge, to 1, the right; y from -1,"
                            + " the bottom, to 1, the top)");
            ok = false;
        } else if (target != GazeTarget.POINT && pointAt != null) {
            problem(pointAt, what.describe() + " has a \"point\" but its target is \"" + fileName(target) + "\"",
                    "remove \"point\", or set \"target\": \"point\" to look at it");
            ok = false;
        }
        if (target == GazeTarget.CHARACTER && looksAtAt == null) {
            problem(in.objectMark(at), what.describe() + " looks at a character but has no \"character\"",
                    "add \"character\": \"leo\" (the id of another character in the shot)");
            ok = false;
        } else if (target != GazeTarget.CHARACTER && looksAtAt != null) {
            problem(looksAtAt, what.describe() + " has a \"character\" but its target is \"" + fileName(target)
                    + "\"", "remove \"character\", or set \"target\": \"character\" to look at that character");
            ok = false;
        }
        return ok;
    }

    /**
     * An emotion cue's "blend": other emotions mixed in at weights above 0 up to 1, by the rules the presets share
     * ({@link EmotionPresetBinding#entryProblem}); null after reporting what is wrong. Where each entry is goes into
     * {@code at}, since whether one is the cue's main emotion is known only once the whole cue is read.
     */
    private @Nullable Map<Emotion, Double> blend(In in, What what, Map<Emotion, Object> at) throws IOException {
        JsonParser p = in.p;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(in.mark(), what.describe() + ": \"blend\" must be an object of emotions and weights, not "
                    + token(p.currentToken()), EmotionPresetBinding.BLEND_EXAMPLE);
            p.skipChildren();
            return null;
        }
        Map<Emotion, Double> out = new EnumMap<>(Emotion.class);
        boolean ok = true;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (in.repeated(names, key, what)) {
                ok = false;
                continue;
            }
            Object mark = in.mark();
            JsonToken t = p.currentToken();
            boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
            Emotion e = EmotionPresetBinding.emotion(key);
            Double weight = number ? p.getDoubleValue() : null;
            String[] wrong = EmotionPresetBinding.entryProblem(what.describe(), key, e, weight,
                    number ? p.getText() : token(t), null);
            p.skipChildren();
            if (wrong != null) {
                problem(mark, wrong[0], wrong[1]);
                ok = false;
            } else {
                out.put(e, weight);
                at.put(e, mark);
            }
        }
        return ok ? out : null;
    }

    /** A mouth shape: one of the upper-case letters A-H and X, as Rhubarb writes them; null after reporting. */
    private @Nullable MouthShape shape(In in, What what) throws IOException {
        JsonParser p = in.p;
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            MouthShape m = SHAPES.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (m != null) return m;
            String s = p.getText();
            String upper = s.strip().toUpperCase(Locale.ROOT);
            boolean letter = SHAPES.keySet().contains(upper);
            problem(in.mark(), what.describe() + ": \"" + clip(s) + "\" is not a mouth shape",
                    (letter ? "write it as the upper-case letter \"" + upper + "\"; " : "")
                            + "mouth shapes are the letters Rhubarb uses: A (closed: M B P), B (teeth), C (open),"
                            + " D (wide), E (rounded), F (puckered), G (F V), H (L), X (rest)");
            return null;
        }
        problem(in.mark(), what.describe() + ": \"shape\" must be a letter in quotes, not "
                + token(p.currentToken()), "write \"shape\": \"A\" (one of A-H, or X for rest)");
        p.skipChildren();
        return null;
    }

    /** A point of the frame, {"x": .., "y": ..}, each from -1 to 1; null after reporting what is wrong. */
    private @Nullable FramePoint framePoint(In in, What owner) throws IOException {
        JsonParser p = in.p;
        Object at = in.mark();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(at, owner.describe() + ": \"point\" must be an object, not " + token(p.currentToken()),
                    "write \"point\": {\"x\": 0.5, \"y\": 0.2} (x and y from -1 to 1; 0, 0 is the centre)");
            p.skipChildren();
            return null;
        }
        What what = () -> owner.describe() + " point";
        double x = Double.NaN;
        double y = Double.NaN;
        boolean ok = true;
        boolean sawX = false;
        boolean sawY = false;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            switch (f) {
                case "x" -> {
                    sawX = true;
                    x = in.between(f, what, -1, 1, "-1 is the left edge of the frame, 1 the right");
                    ok &= !Double.isNaN(x);
                }
                case "y" -> {
                    sawY = true;
                    y = in.between(f, what, -1, 1, "-1 is the bottom of the frame, 1 the top");
                    ok &= !Double.isNaN(y);
                }
                default -> in.unknownFieldOf(f, what, "a point", List.of("x", "y"));
            }
        }
        if (!sawX) problem(at, what.describe() + " has no \"x\"", "add \"x\": 0 (-1 is the left edge, 1 the right)");
        if (!sawY) problem(at, what.describe() + " has no \"y\"", "add \"y\": 0 (-1 is the bottom, 1 the top)");
        if (!(ok && sawX && sawY)) return null;
        return new FramePoint(x, y);
    }

    /**
     * A set of ids with open addressing in one array: checking 2,000,000 cue ids for repeats this way allocates
     * nothing per id, where a HashSet would allocate a node each.
     */
    static final class IdSet {
        private String[] table = new String[64];
        private int size;

        /** Adds an id; false when it was already there. */
        boolean add(String id) {
            if (size * 2 >= table.length) grow();
            int mask = table.length - 1;
            for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
                String there = table[i];
                if (there == null) {
                    table[i] = id;
                    size++;
                    return true;
                }
                if (there.equals(id)) return false;
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        private void grow() {
            String[] old = table;
            table = new String[old.length * 2];
            int mask = table.length - 1;
            for (String id : old) {
                if (id == null) continue;
                int i = spread(id.hashCode()) & mask;
                while (table[i] != null) i = (i + 1) & mask;
                table[i] = id;
            }
        }
    }

    /** Names a cue for messages, built only when one is needed. */
    private static final class CueWhat implements What {
        final ShotState shot;
        CueLane lane = CueLane.EMOTION;
        @Nullable String id;

        CueWhat(ShotState shot) {
            this.shot = shot;
        }

        @Override
        public String describe() {
            return lane.name().toLowerCase(Locale.ROOT) + " cue" + (id == null ? "" : " '" + id + "'") + " of "
                    + shot.owner();
        }
    }

    // ---------------------------------------------------------------- takes

    private @Nullable Take take(In in, long at, @Nullable ShotState s) throws IOException {
        JsonParser p = in.p;
        String[] id = {null};
        What what = () -> "take" + (id[0] == null ? "" : " '" + id[0] + "'") + " of "
                + (s == null ? "a shot" : s.describe());
        Map<String, String> text = new LinkedHashMap<>();
        long seed = ABSENT;
        Quality quality = null;
        Resolution resolution = null;
        long rating = 0;
        boolean circled = false;
        String output = null;
        Map<String, String> metadata = Map.of();
        boolean ok = true;
        boolean sawId = false;
        boolean sawSeed = false;
        boolean sawQuality = false;
        boolean sawResolution = false;
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (in.repeated(names, f, what)) continue;
            switch (f) {
                case "type" -> { }
                case "id" -> {
                    sawId = true;
                    id[0] = in.id(f, what);
                    ok &= id[0] != null;
                }
                case "name", "createdAt", "shotHash", "backend", "backendVersion", "notes" -> {
                    String v = in.text(f, what);
                    if (v != null) text.put(f, v);
                    else ok = false;
                }
                case "output" -> {
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        output = null;
                    } else {
                        output = in.text(f, what);
                        ok &= output != null;
                    }
                }
                case "seed" -> {
                    sawSeed = true;
                    seed = in.whole(f, what);
                    ok &= seed != ABSENT;
                }
                case "quality" -> {
                    sawQuality = true;
                    quality = in.choice(f, QUALITIES, what);
                    ok &= quality != null;
                }
                case "resolution" -> {
                    sawResolution = true;
                    resolution = resolution(in, what);
                    ok &= resolution != null;
                }
                case "rating" -> {
                    Object r = in.mark();
                    rating = in.whole(f, what);
                    if (rating != ABSENT && (rating < 0 || rating > 5)) {
                        problem(r, what.describe() + ": rating " + rating + " is outside 0..5",
                                "rate from 0 (unrated) to 5 stars");
                        rating = ABSENT;
                    }
                    ok &= rating != ABSENT;
                }
                case "circled" -> {
                    Boolean b = in.bool(f, what);
                    if (b != null) circled = b;
                    else ok = false;
                }
                case "metadata" -> metadata = in.metadata(what);
                default -> in.unknownField(f, what, "Take");
            }
        }
        ok &= in.require(sawId, at, what, "id", "\"take-1\"");
        ok &= in.require(sawSeed, at, what, "seed", "1 (any whole number)");
        ok &= in.require(sawQuality, at, what, "quality", "\"preview\" or \"final\"");
        ok &= in.require(sawResolution, at, what, "resolution", "{\"width\": 1920, \"height\": 1080}");
        if (!ok) return null;
        String tid = id[0];
        if (s != null && !s.takeIds.add(tid)) {
            problem(in.objectMark(at), s.describe() + " has more than one take with id '" + tid + "'",
                    "give each take of a shot its own id");
            return null;
        }
        long sd = seed;
        Quality q = quality;
        Resolution rs = resolution;
        int rt = (int) rating;
        boolean c = circled;
        String out = output;
        Map<String, String> md = metadata;
        return build(in, at, what, () -> new Take(tid, text.getOrDefault("name", tid),
                text.getOrDefault("createdAt", ""), sd, q, rs, text.getOrDefault("shotHash", ""),
                text.getOrDefault("backend", ""), text.getOrDefault("backendVersion", ""), rt, c,
                text.getOrDefault("notes", ""), out, md));
    }

    /** Runs a model constructor, turning a rule it enforces into a located problem. */
    private <T> @Nullable T build(In in, long at, What what, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problem(in.objectMark(at), what.describe() + ": " + e.getMessage(), "correct the value named above");
            return null;
        }
    }

    // ---------------------------------------------------------------- values

    /** A parser over some bytes, with the helpers that read one value and report what is wrong with it. */
    private final class In {
        final JsonParser p;
        final Source src;

        In(JsonParser p, Source src) {
            this.p = p;
            this.src = src;
        }

        /**
         * Where the object being bound is, for problems found once it is read: its start in the file (packed by
         * {@link #position}), or for an upgraded object the pointer of the object the parser is in.
         */
        Object objectMark(long at) {
            return at != NO_POSITION ? positionOf(at) : pointer();
        }

        /** Where the current token starts, as a byte offset into {@code src.bytes()}. */
        int tokenStart() {
            // ParserBase gives the numbers currentTokenLocation() would, without allocating: this runs per cue.
            long raw = p instanceof ParserBase pb ? pb.getTokenCharacterOffset() - 1
                    : p.currentTokenLocation().getByteOffset();
            return (int) raw + src.byteBase();
        }

        /** The byte offset just after the current token (after skipChildren: after the value's end). */
        int offsetAfter() {
            return (int) p.currentLocation().getByteOffset() + src.byteBase();
        }

        /** The current token's line and column in the file, packed; NO_POSITION in an upgraded object. */
        long position() {
            if (src.base() != null) return NO_POSITION;
            if (p instanceof ParserBase pb) return src.position(pb.getTokenLineNr(), pb.getTokenColumnNr() - 1);
            JsonLocation loc = p.currentTokenLocation();
            return src.position(loc.getLineNr(), loc.getColumnNr());
        }

        /** Where the current token is: its location in the file, or its pointer for an upgraded object. */
        Object mark() {
            return src.base() == null ? positionOf(position()) : pointer();
        }

        /** The current token's JSON pointer in the original file. */
        JsonPointer pointer() {
            JsonPointer rel = p.getParsingContext().pathAsPointer();
            // In a shot bound on another thread the parser's path starts at the shot: put the shot's own path first.
            if (src.base() == null) return src.slice() == null ? rel : src.slice().append(rel);
            return src.base().append(rel);
        }

        void skip() throws IOException {
            p.skipChildren();
        }

        @Nullable String text(String field, What what) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
            problem(mark(), what.describe() + ": \"" + field + "\" must be a text in quotes, not "
                    + token(p.currentToken()), "write \"" + field + "\": \"...\"");
            skip();
            return null;
        }

        @Nullable String id(String field, What what) throws IOException {
            String s = text(field, what);
            if (s == null) return null;
            if (!Ids.isValid(s)) {
                problem(mark(), what.describe() + ": id \"" + clip(s) + "\" is not valid",
                        "use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
                return null;
            }
            return s;
        }

        /** A whole number, or ABSENT after reporting why not. */
        long whole(String field, What what) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return p.getLongValue();
            }
            problem(mark(), what.describe() + ": \"" + field + "\" must be a whole number, not " + describeValue(),
                    t == JsonToken.VALUE_NUMBER_INT ? "use a number between -9223372036854775808 and"
                            + " 9223372036854775807" : "write digits without quotes or a decimal point");
            skip();
            return ABSENT;
        }

        /** A non-negative tick count, or ABSENT after reporting why not. */
        long ticks(String field, What what) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long v = p.getLongValue();
                if (v >= 0 && v <= FormatLimits.MAX_TICKS) return v;
                problem(mark(), what.describe() + ": \"" + field + "\" is " + v + ", outside 0.."
                        + FormatLimits.MAX_TICKS + " (24 hours)", "use a time from 0; " + TICKS_HINT);
                return ABSENT;
            }
            String hint = TICKS_HINT;
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = p.getDoubleValue();
                if (v >= 0 && v < 86_400) {
                    hint += "; if " + p.getText() + " is seconds, write " + Ticks.ofSeconds(v);
                }
            }
            problem(mark(), what.describe() + ": \"" + field + "\" must be a whole number of ticks, not "
                    + describeValue(), hint);
            skip();
            return ABSENT;
        }

        /** A number in [lo, hi], or NaN after reporting why not. */
        double between(String field, What what, double lo, double hi, String meaning) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = p.getDoubleValue();
                if (v >= lo && v <= hi) return v;
                problem(mark(), what.describe() + ": \"" + field + "\" is " + p.getText() + ", outside "
                        + (long) lo + ".." + (long) hi, "use a number from " + (long) lo + " to " + (long) hi + " ("
                        + meaning + ")");
                return Double.NaN;
            }
            problem(mark(), what.describe() + ": \"" + field + "\" must be a number from " + (long) lo + " to "
                    + (long) hi + ", not " + describeValue(), "write a number without quotes (" + meaning + ")");
            skip();
            return Double.NaN;
        }

        /** A number in [0, 1], or NaN after reporting why not. */
        double fraction(String field, What what, String meaning) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = p.getDoubleValue();
                if (v >= 0 && v <= 1) return v;
                problem(mark(), what.describe() + ": \"" + field + "\" is " + p.getText() + ", outside 0..1",
                        "use a number from 0 to 1 (" + meaning + ")");
                return Double.NaN;
            }
            problem(mark(), what.describe() + ": \"" + field + "\" must be a number from 0 to 1, not "
                    + describeValue(), "write a number without quotes (" + meaning + ")");
            skip();
            return Double.NaN;
        }

        @Nullable Boolean bool(String field, What what) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) return true;
            if (t == JsonToken.VALUE_FALSE) return false;
            problem(mark(), what.describe() + ": \"" + field + "\" must be true or false, not " + describeValue(),
                    "write true or false without quotes");
            skip();
            return null;
        }

        <E extends Enum<E>> @Nullable E choice(String field, Choices<E> names, What what) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                E e = names.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (e != null) return e;
                String s = p.getText();
                String meant = Hints.closest(s, names.keySet());
                problem(mark(), what.describe() + ": \"" + clip(s) + "\" is not a valid " + field,
                        (meant != null ? "did you mean \"" + meant + "\"? " : "") + "use one of: "
                                + String.join(", ", names.keySet()));
                return null;
            }
            problem(mark(), what.describe() + ": \"" + field + "\" must be a text in quotes, not " + describeValue(),
                    "use one of: " + String.join(", ", names.keySet()));
            skip();
            return null;
        }

        Map<String, String> metadata(What what) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problem(mark(), what.describe() + ": \"metadata\" must be an object of texts, not " + describeValue(),
                        "write \"metadata\": {\"key\": \"value\"} or {}");
                skip();
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (repeated(names, key, what)) continue;
                if (out.size() == FormatLimits.MAX_METADATA_ENTRIES) {
                    problem(mark(), what.describe() + " has more than " + FormatLimits.MAX_METADATA_ENTRIES
                            + " metadata entries", "keep metadata short; put large data in a file beside the project");
                }
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    problem(mark(), what.describe() + ": metadata \"" + clip(key) + "\" must be a text, not "
                            + describeValue(), "write numbers and lists as text, e.g. \"42\"");
                    skip();
                } else if (out.size() < FormatLimits.MAX_METADATA_ENTRIES) {
                    out.put(key, p.getText());
                }
            }
            return out;
        }

        /** Reports a field named twice in one object and skips the repeated value; true when it was. */
        boolean repeated(Set<String> names, String field, What what) throws IOException {
            if (names.add(field)) return false;
            problem(mark(), what.describe() + " has the field \"" + clip(field) + "\" twice",
                    "an object may name each field once; remove or rename the repeated one");
            skip();
            return true;
        }

        /** {@link #repeated} for the millions of cues: the fields seen so far are bits, not a set. */
        int once(int seen, int bit, String field, What what) {
            if ((seen & bit) != 0) {
                problem(mark(), what.describe() + " has the field \"" + clip(field) + "\" twice",
                        "an object may name each field once; remove or rename the repeated one");
            }
            return seen | bit;
        }

        /** Reports a field the type does not have; its value is skipped. */
        void unknownField(String field, What what, String type) throws IOException {
            unknownFieldOf(field, what, Upgrades.CURRENT.containsKey(type) ? type + "." + Upgrades.CURRENT.get(type)
                    : type, FIELDS.get(type));
        }

        void unknownFieldOf(String field, What what, String owner, List<String> fields) throws IOException {
            problem(mark(), what.describe() + " has a field \"" + clip(field) + "\" that " + owner + " does not have",
                    Hints.didYouMean(field, fields) + "remove it; free-form notes belong in \"metadata\"");
            skip();
        }

        /** Reports a missing required field (once the object is read); returns whether it was there. */
        boolean require(boolean present, long at, What what, String field, String example) {
            if (!present) {
                problem(objectMark(at), what.describe() + " has no \"" + field + "\"",
                        "add \"" + field + "\": " + example);
            }
            return present;
        }

        private String describeValue() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) return "the text \"" + clip(p.getText()) + "\"";
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return clip(p.getText());
            return token(t);
        }
    }
}
