package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/project-format.schema.json honest: it accepts every golden file and sample, refuses newer versions
 * and broken values, declares exactly the types and fields the writer emits, marks required exactly the fields
 * the reader requires, and lists the same enum values and limits as the code.
 */
class SchemaTest {
    static final Path SCHEMA = Path.of(System.getProperty("cue.repo.root", "..")).resolve(
            "docs/project-format.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode schemaTree;
    static Schema schema;

    @BeforeAll
    static void load() throws Exception {
        schemaTree = JSON.readTree(SCHEMA.toFile());
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static List<Error> errors(byte[] json) throws Exception {
        return schema.validate(JSON.readTree(json));
    }

    static Stream<Path> acceptedFiles() throws Exception {
        List<Path> out = new ArrayList<>();
        try (var files = Files.walk(Golden.ROOT)) {
            files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().matches(".*-\\d+\\.json"))
                    .sorted().forEach(out::add);
        }
        out.add(Golden.SAMPLE);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void theSchemaAcceptsEveryGoldenFileAndSample(Path file) throws Exception {
        assertThat(errors(Files.readAllBytes(file))).as("schema errors in %s", file).isEmpty();
    }

    @Test
    void theSchemaRefusesNewerVersionsOfKnownTypes() throws Exception {
        assertThat(errors(Files.readAllBytes(Golden.ROOT.resolve("newer/shot-3.json")))).isNotEmpty();
        assertThat(errors(Files.readAllBytes(Golden.ROOT.resolve("newer/project-3.json")))).isNotEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
        String sample = Files.readString(Golden.SAMPLE);
        for (String broken : List.of(sample.replace("\"intensity\": 0.85", "\"intensity\": 1.5"),
                sample.replace("\"emotion\": \"joy\"", "\"emotion\": \"glee\""),
                sample.replace("\"height\": 1080", "\"height\": 1081"),
                sample.replaceFirst("\"start\": \\d+", "\"start\": -1"),
                sample.replace("\"frameRate\": \"25\"", "\"frameRate\": 25"),
                sample.replace("\"emotion\": \"joy\"", "\"emotoin\": \"joy\""))) {
            assertThat(broken).isNotEqualTo(sample);
            assertThat(errors(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
            assertThat(FuzzTestSupport.refused(broken)).isTrue();
        }
    }

    /**
     * Format 3's rules, in the full golden project: blends (neutral, the main emotion, weights out of range, not an
     * emotion), preset ids, mouth shapes (upper case only). The schema and the reader refuse the same files.
     */
    @Test
    void theSchemaRefusesWhatTheReaderRefusesInPresetsBlendsAndMouthShapes() throws Exception {
        String full = Files.readString(Golden.ROOT.resolve("projects/full/project.json"));
        for (String broken : List.of(full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"",
                        "\"blend\": {\"neutral\": 0.6}, \"preset\""),
                full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"", "\"blend\": {\"joy\": 0.6}, \"preset\""),
                full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"", "\"blend\": {\"sadness\": 0}, \"preset\""),
                full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"", "\"blend\": {\"sadness\": 1.2}, \"preset\""),
                full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"", "\"blend\": {\"glee\": 0.6}, \"preset\""),
                full.replace("\"blend\": {\"sadness\": 0.6}, \"preset\"", "\"blend\": [\"sadness\"], \"preset\""),
                full.replace("\"preset\": \"bittersweet\"}", "\"preset\": \"bitter sweet\"}"),
                full.replace("\"id\": \"bittersweet\"", "\"id\": \"Bittersweet\""),
                full.replace("\"label\": \"Bittersweet\"", "\"label\": \" \""),
                full.replace("\"emotion\": \"fear\",\n      \"blend\": {", "\"emotion\": \"surprise\",\n      \"blend\": {"),
                full.replace("\"shape\": \"A\"", "\"shape\": \"a\""),
                full.replace("\"shape\": \"A\"", "\"shape\": \"I\""),
                full.replace("\"shape\": \"A\"", "\"shape\": 1"))) {
            assertThat(broken).isNotEqualTo(full);
            assertThat(errors(broken.getBytes(StandardCharsets.UTF_8))).as(broken).isNotEmpty();
            assertThat(FuzzTestSupport.refused(broken)).as(broken).isTrue();
        }
    }

    /** The fields of each definition as the writer emits them, following the schema's own references. */
    @Test
    void theSchemaDeclaresExactlyTheTypesAndFieldsTheWriterEmits() throws Exception {
        JsonNode written = JSON.readTree(ProjectJson.write(Golden.full()));
        Map<String, Set<String>> emitted = new TreeMap<>();
        walk(written, "Project." + Upgrades.CURRENT.get("Project"), emitted);
        Map<String, Set<String>> declared = new TreeMap<>();
        for (String def : emitted.keySet()) declared.put(def, properties(def));
        assertThat(emitted).isEqualTo(declared);
        Set<String> currentTypes = new TreeSet<>();
        Upgrades.CURRENT.forEach((t, v) -> currentTypes.add(t + "." + v));
        assertThat(emitted.keySet()).containsAll(currentTypes)
                .contains("Personality", "Resolution", "Tracks", "FramePoint", "SpeakerSegment");
        Map<String, Integer> newest = new TreeMap<>();
        schemaTree.get("$defs").fieldNames().forEachRemaining(n -> {
            if (n.matches("[A-Za-z]+\\.\\d+")) {
                newest.merge(n.substring(0, n.indexOf('.')), Integer.parseInt(n.substring(n.indexOf('.') + 1)),
                        Math::max);
            }
        });
        Set<String> schemaTypes = new TreeSet<>();
        newest.forEach((t, v) -> schemaTypes.add(t + "." + v));
        assertThat(schemaTypes).as("newest types in the schema").isEqualTo(currentTypes);
        currentTypes.forEach(t -> assertThat(properties(t)).as("fields of %s", t)
                .isEqualTo(new TreeSet<>(ProjectReader.FIELDS.get(t.substring(0, t.indexOf('.'))))));
    }

    private static void walk(JsonNode node, String def, Map<String, Set<String>> out) {
        Set<String> fields = out.computeIfAbsent(def, d -> new TreeSet<>());
        JsonNode props = definition(def).get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.add(e.getKey());
            JsonNode prop = props.get(e.getKey());
            if (prop == null) continue;
            JsonNode value = e.getValue();
            if (value.isObject() && prop.has("$ref") && !Set.of("Metadata", "Blend").contains(refName(prop))) {
                walk(value, refName(prop), out);
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        walk(item, item.has("type") ? item.get("type").asText() : refName(prop.get("items")), out);
                    }
                }
            }
        }
    }

    private static String refName(JsonNode prop) {
        String ref = prop.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode definition(String name) {
        JsonNode d = schemaTree.get("$defs").get(name);
        assertThat(d).as("schema definition %s", name).isNotNull();
        return d;
    }

    private static Set<String> properties(String def) {
        Set<String> out = new TreeSet<>();
        definition(def).get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> required(String def) {
        Set<String> out = new TreeSet<>();
        JsonNode r = definition(def).get("required");
        if (r != null) r.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Removes each field of each object of the full project in turn: the reader refuses the result exactly when
     * the schema does (a field required always, or only with some values, as a gaze cue's "point").
     */
    @Test
    void theSchemaRequiresExactlyWhatTheReaderRequires() throws Exception {
        ObjectNode full = (ObjectNode) JSON.readTree(ProjectJson.write(Golden.full()));
        List<String> mismatches = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(full, objects);
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode o = objects.get(i);
            String def = definitionOf(full, o);
            if (def == null) continue;
            for (String field : properties(def)) {
                if (!o.has(field)) continue;
                ObjectNode copy = full.deepCopy();
                List<ObjectNode> copies = new ArrayList<>();
                collectObjects(copy, copies);
                copies.get(i).remove(field);
                String text = JSON.writeValueAsString(copy);
                boolean refused = FuzzTestSupport.refused(text);
                boolean schemaRefuses = !errors(text.getBytes(StandardCharsets.UTF_8)).isEmpty();
                if (refused != schemaRefuses) {
                    mismatches.add(def + "." + field + (refused ? " is required by the reader"
                            : " is optional in the reader"));
                }
                if (!schemaRefuses && required(def).contains(field)) mismatches.add(def + "." + field + " required?");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static void collectObjects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        n.forEach(c -> collectObjects(c, out));
    }

    /** The schema definition an object of the written project follows, or null for metadata. */
    private static String definitionOf(ObjectNode root, ObjectNode o) {
        if (o.has("type")) return o.get("type").asText();
        if (o.has("width")) return "Resolution";
        if (o.has("expressiveness")) return "Personality";
        if (o.has("emotion") && o.get("emotion").isArray()) return "Tracks";
        if (o.has("x")) return "FramePoint";
        if (o.has("start")) return "SpeakerSegment";
        return null;
    }

    @Test
    void theSchemaListsTheSameEnumValuesAsTheModel() {
        assertThat(enumOf("EmotionCue.2", "emotion")).isEqualTo(names(Emotion.values()));
        assertThat(enumOf("EmotionCue.1", "emotion")).isEqualTo(names(Emotion.values()));
        assertThat(enumOf("EmotionPreset.1", "emotion")).isEqualTo(names(Emotion.values()));
        List<String> blendable = new ArrayList<>();
        definition("Blend").get("propertyNames").get("enum").forEach(n -> blendable.add(n.asText()));
        assertThat(blendable).isEqualTo(EmotionPresetBinding.BLENDABLE);
        assertThat(enumOf("MouthShapeCue.1", "shape")).isEqualTo(Stream.of(MouthShape.values()).map(Enum::name)
                .toList());
        assertThat(enumOf("GestureCue.2", "side")).isEqualTo(names(Side.values()));
        assertThat(enumOf("GazeCue.2", "target")).isEqualTo(names(GazeTarget.values()));
        assertThat(enumOf("TimingCue.2", "kind")).isEqualTo(names(TimingCue.Kind.values()));
        assertThat(enumOf("Take.1", "quality")).isEqualTo(names(Quality.values()));
    }

    /** A gesture is a gesture-library id, checked by the same pattern as the reader's (the library by validate). */
    @Test
    void theSchemaChecksGestureIdsAsTheReaderDoes() throws Exception {
        for (String def : List.of("GestureCue.2", "GestureCue.1", "GestureCue.0")) {
            assertThat(refName(definition(def).get("properties").get("gesture"))).isEqualTo("GestureId");
        }
        assertThat(definition("GestureId").get("pattern").asText()).isEqualTo("^" + ProjectReader.GESTURE_ID + "$");
        String sample = Files.readString(Golden.SAMPLE);
        for (String gesture : List.of("Open palms", "open_palms", "-nod", "nod-", "2nod")) {
            String broken = sample.replace("\"gesture\": \"nod\"", "\"gesture\": \"" + gesture + "\"");
            assertThat(broken).isNotEqualTo(sample);
            assertThat(errors(broken.getBytes(StandardCharsets.UTF_8))).as(gesture).isNotEmpty();
            assertThat(FuzzTestSupport.refused(broken)).as(gesture).isTrue();
        }
        String other = sample.replace("\"gesture\": \"nod\"", "\"gesture\": \"steeple-fingers\"");
        assertThat(errors(other.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FuzzTestSupport.refused(other)).isFalse();
    }

    private static List<String> enumOf(String def, String field) {
        List<String> out = new ArrayList<>();
        definition(def).get("properties").get(field).get("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(ProjectReader::fileName).toList();
    }

    @Test
    void theSchemaStatesTheSameLimitsAsTheCode() {
        JsonNode p = definition("Project.2").get("properties");
        assertThat(p.get("characters").get("maxItems").asInt()).isEqualTo(FormatLimits.MAX_CHARACTERS);
        assertThat(p.get("emotionPresets").get("maxItems").asInt()).isEqualTo(FormatLimits.MAX_EMOTION_PRESETS);
        assertThat(definition("Tracks").get("properties").get("mouth").get("maxItems").asInt())
                .isEqualTo(FormatLimits.MAX_CUES_PER_TRACK);
        assertThat(definition("PresetId").get("pattern").asText())
                .isEqualTo("^" + EmotionPresetBinding.PRESET_ID + "$");
        assertThat(p.get("shots").get("maxItems").asInt()).isEqualTo(FormatLimits.MAX_SHOTS);
        assertThat(definition("Tracks").get("properties").get("emotion").get("maxItems").asInt())
                .isEqualTo(FormatLimits.MAX_CUES_PER_TRACK);
        assertThat(definition("Shot.2").get("properties").get("takes").get("maxItems").asInt())
                .isEqualTo(FormatLimits.MAX_TAKES_PER_SHOT);
        assertThat(definition("Shot.2").get("properties").get("partners").get("maxItems").asInt())
                .isEqualTo(FormatLimits.MAX_PARTNERS_PER_SHOT);
        assertThat(definition("Partner.1").get("properties").get("speaks").get("maxItems").asInt())
                .isEqualTo(FormatLimits.MAX_SPEAKER_SEGMENTS);
        assertThat(definition("Character.2").get("properties").get("reactionDelay").get("maximum").asLong())
                .isEqualTo(org.cuestudio.core.model.Character.MAX_REACTION_DELAY);
        assertThat(definition("Ticks").get("maximum").asLong()).isEqualTo(FormatLimits.MAX_TICKS);
        assertThat(definition("Metadata").get("maxProperties").asInt()).isEqualTo(FormatLimits.MAX_METADATA_ENTRIES);
        assertThat(definition("Project.2").get("properties").get("name").get("maxLength").asInt())
                .isEqualTo(FormatLimits.MAX_STRING);
        assertThat(definition("Id").get("pattern").asText()).contains("{0,63}");
    }
}
