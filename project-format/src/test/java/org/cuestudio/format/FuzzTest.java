package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Feeds the reader malformed, truncated, mutated, huge and deeply nested documents (jqwik generates them, and
 * shrinks any failure to a small example). The only failure allowed is {@link ProjectFormatException} with clear
 * one-line messages: no other exception, no stack overflow, no running out of memory, no internal error.
 */
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        try {
            return List.of(Files.readAllBytes(Golden.SAMPLE),
                    Files.readAllBytes(Golden.ROOT.resolve("projects/full/project.json")),
                    Files.readAllBytes(Golden.ROOT.resolve("projects/format-0/project.json")),
                    Files.readAllBytes(UnknownObjectsTest.NEWER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the bytes; they must give a project or a format error whose every problem is a clear line. */
    static void readsOrFailsCleanly(byte[] bytes) {
        try {
            ProjectJson.read(Path.of("fuzz.json"), bytes);
        } catch (ProjectFormatException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message()).isNotBlank().doesNotContain("\n").doesNotContain("internal error")
                        .doesNotContain("Exception").doesNotContain("com.fasterxml").doesNotContain("Source:")
                        .doesNotContain("StreamReadFeature");
                assertThat(p.hint()).doesNotContain("\n");
                assertThat(p.line()).isNotNegative();
                assertThat(p.column()).isNotNegative();
            });
        }
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 400) byte[] bytes) {
        readsOrFailsCleanly(bytes);
    }

    @Property(tries = 300)
    void randomText(@ForAll("jsonish") String text) {
        readsOrFailsCleanly(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,. -+eE0123456789truefalsnl\\/ux\n\tTypeProjct1Shot")
                .ofMaxLength(300);
    }

    @Property(tries = 400)
    void truncatedProjects(@ForAll @IntRange(max = 3) int seed, @ForAll @IntRange(max = 100_000) int cutAt) {
        byte[] whole = SEEDS.get(seed);
        int cut = cutAt % (whole.length + 1);
        readsOrFailsCleanly(java.util.Arrays.copyOf(whole, cut));
    }

    @Property(tries = 600)
    void byteMutatedProjects(@ForAll @IntRange(max = 3) int seed, @ForAll long randomSeed,
            @ForAll @IntRange(min = 1, max = 12) int mutations) {
        Random r = new Random(randomSeed);
        byte[] b = SEEDS.get(seed).clone();
        byte[] alphabet = "{}[]\",:-.e0123456789 \\\n\u00ffx".getBytes(StandardCharsets.ISO_8859_1);
        List<Byte> bytes = new ArrayList<>();
        for (byte x : b) bytes.add(x);
        for (int m = 0; m < mutations; m++) {
            int at = r.nextInt(bytes.size());
            switch (r.nextInt(3)) {
                case 0 -> bytes.set(at, alphabet[r.nextInt(alphabet.length)]);
                case 1 -> bytes.add(at, alphabet[r.nextInt(alphabet.length)]);
                default -> bytes.remove(at);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes.get(i);
        readsOrFailsCleanly(out);
    }

    /** Replaces, removes or retypes values deep in a valid project: every wrong shape must be reported. */
    @Property(tries = 600)
    void structurallyMutatedProjects(@ForAll @IntRange(max = 3) int seed, @ForAll long randomSeed,
            @ForAll @IntRange(min = 1, max = 4) int mutations) throws IOException {
        Random r = new Random(randomSeed);
        JsonNode root = JSON.readTree(SEEDS.get(seed));
        for (int m = 0; m < mutations; m++) mutate(root, r);
        readsOrFailsCleanly(JSON.writeValueAsBytes(root));
    }

    private static void mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(4)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, randomValue(r));
                case 2 -> o.set(name + (r.nextBoolean() ? "x" : ""), randomValue(r));
                default -> o.put("type", r.nextBoolean() ? "Shot.9" : "Blob." + r.nextInt(3));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            if (r.nextBoolean()) a.set(i, randomValue(r));
            else a.add(a.get(i).deepCopy());
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    private static JsonNode randomValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(10)) {
            case 0 -> f.textNode("x".repeat(r.nextInt(5)));
            case 1 -> f.numberNode(r.nextLong());
            case 2 -> f.numberNode(r.nextGaussian() * 1e6);
            case 3 -> f.booleanNode(r.nextBoolean());
            case 4 -> f.nullNode();
            case 5 -> f.objectNode();
            case 6 -> f.arrayNode().add(f.objectNode().put("type", "EmotionCue.1"));
            case 7 -> f.numberNode(new java.math.BigInteger("9".repeat(30)));
            case 8 -> f.textNode("EmotionCue.1");
            default -> f.numberNode(-1);
        };
    }

    @Property(tries = 30)
    void deeplyNestedDocuments(@ForAll @IntRange(min = 1, max = 200_000) int depth, @ForAll boolean objects,
            @ForAll @IntRange(max = 3) int where) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String inner = open.repeat(depth) + "1" + close.repeat(depth);
        String doc = switch (where) {
            case 0 -> inner;
            case 1 -> "{\"type\": \"Project.1\", \"metadata\": " + inner + "}";
            case 2 -> "{\"type\": \"Project.1\", \"shots\": [{\"type\": \"Shot.1\", \"tracks\": {\"lipsync\": "
                    + inner + "}}]}";
            default -> "{\"type\": \"Project.1\", \"characters\": [{\"type\": \"Prop.1\", \"x\": " + inner + "}]}";
        };
        readsOrFailsCleanly(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 10)
    void hugeValues(@ForAll @IntRange(max = 5) int kind) {
        String doc = switch (kind) {
            case 0 -> "{\"type\": \"Project.1\", \"name\": \"" + "n".repeat(3 << 20) + "\"}";
            case 1 -> "{\"type\": \"Project.1\", \"name\": " + "9".repeat(100_000) + "}";
            case 2 -> "{\"type\": \"Project.1\", \"" + "k".repeat(100_000) + "\": 1}";
            case 3 -> "{\"type\": \"Project.1\", \"characters\": [" + "{},".repeat(300_000) + "{}]}";
            case 4 -> "{\"type\": \"Project.1\", \"metadata\": {" + "\"k\": \"v\",".repeat(1) + "\"z\": \""
                    + "\\u0041".repeat(400_000) + "\"}}";
            default -> "{\"type\": \"Project.1\", \"shots\": [{\"type\": \"Shot.1\", \"tracks\": {\"gaze\": ["
                    + "{\"type\": \"GazeCue.1\", \"id\": \"g\", \"start\": 0, \"duration\": 1, \"target\": \"up\"},"
                    .repeat(150_000) + "{}]}}]}";
        };
        readsOrFailsCleanly(doc.getBytes(StandardCharsets.UTF_8));
    }

    /** A project of several shots, one of them old and one unknown, for the parallel reader. */
    private static final byte[] MANY_SHOTS = manyShots();

    private static byte[] manyShots() {
        String text = new String(ProjectJson.write(FormatBenchmark.sampleProject(5, 40)), StandardCharsets.UTF_8);
        text = text.replaceFirst("\"type\": \"Shot.2\",\n      \"id\": \"shot-002\"",
                "\"type\": \"Shot.0\",\n      \"id\": \"shot-002\"");
        text = text.replace("\"shots\": [\n", "\"shots\": [\n    {\"type\": \"Scene.1\", \"id\": \"x\"},\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reading shots on several threads gives exactly what reading them on one gives, problems included. */
    @Property(tries = 300)
    void readingShotsInParallelGivesTheSameAsInSequence(@ForAll long randomSeed,
            @ForAll @IntRange(max = 10) int mutations) {
        Random r = new Random(randomSeed);
        byte[] b = MANY_SHOTS.clone();
        byte[] alphabet = "{}[]\",:-.e0123456789 x".getBytes(StandardCharsets.ISO_8859_1);
        for (int m = 0; m < mutations; m++) b[r.nextInt(b.length)] = alphabet[r.nextInt(alphabet.length)];
        assertThat(outcome(b, true)).isEqualTo(outcome(b, false));
    }

    private static Object outcome(byte[] b, boolean parallel) {
        try {
            return ProjectReader.read(Path.of("p.json"), b, parallel);
        } catch (ProjectFormatException e) {
            return e.problems();
        }
    }

    @Example
    void theManyShotsSeedHasCurrentOldAndUnknownShots() {
        assertThat(outcome(MANY_SHOTS, true)).isInstanceOfSatisfying(ProjectJson.Result.class, r -> {
            assertThat(r.project().shots()).hasSize(5);
            assertThat(r.project().unknown()).singleElement().satisfies(u -> assertThat(u.type()).isEqualTo("Scene.1"));
            assertThat(r.upgrades()).satisfiesExactly(u -> assertThat(u).startsWith("Shot.0 -> Shot.1"),
                    u -> assertThat(u).startsWith("Shot.1 -> Shot.2"));
        });
        assertThat(outcome(MANY_SHOTS, true)).isEqualTo(outcome(MANY_SHOTS, false));
    }

    @Example
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws Exception {
        Path dir = Files.createTempDirectory("cue-fuzz");
        Path file = dir.resolve("project.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(FormatLimits.MAX_FILE_BYTES + 1); // sparse: takes no disk space
        }
        try {
            ProjectFiles.open(dir);
            throw new AssertionError("a file over the limit was read");
        } catch (ProjectFormatException e) {
            assertThat(e.problems().get(0).message()).contains("project files are limited to 1073741824 bytes");
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
