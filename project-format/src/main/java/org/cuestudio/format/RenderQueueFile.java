package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The project's pending renders, {@code render-queue.json} beside {@code project.json}, so that queued takes and
 * exports are listed again at the next start. Not part of the project: {@code project.json} stays the only source
 * of truth, and deleting the queue file loses the queue, never the project. Written atomically (temporary file,
 * fsync, rename) on every change; removed when the queue is empty.
 */
public final class RenderQueueFile {
    /** The file's name, in the project folder. */
    public static final String NAME = "render-queue.json";
    /** The type tag of the file's root object. */
    public static final String TYPE = "RenderQueue.1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RenderQueueFile() {}

    /** The queue file of the project in {@code projectFolder}. */
    public static Path file(Path projectFolder) {
        return projectFolder.resolve(NAME);
    }

    /** A queue file that cannot be read; the message names the file and says what to do. */
    public static final class DamagedQueueException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        DamagedQueueException(Path file, String why, @Nullable Throwable cause) {
            super("the render queue " + file + " is damaged (" + why + "); the project is not affected. "
                    + "Run 'cue queue PROJECT --clear' to set it aside as " + file.getFileName() + ".damaged "
                    + "and start an empty queue", cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /** The queued renders, in queue order; empty when there is no queue file. */
    public static List<QueuedRender> read(Path projectFolder) throws IOException {
        Path f = file(projectFolder);
        if (!Files.exists(f)) return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new DamagedQueueException(f, "not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr(), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DamagedQueueException(f, "not UTF-8 text", e);
        }
        if (root == null || !root.isObject()) throw new DamagedQueueException(f, "not a JSON object", null);
        String type = root.path("type").asText("");
        if (!TYPE.equals(type)) {
            throw new DamagedQueueException(f, "its type is '" + type + "', expected '" + TYPE + "'", null);
        }
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray()) throw new DamagedQueueException(f, "it has no \"jobs\" array", null);
        List<QueuedRender> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode j = jobs.get(i);
            try {
                QueuedRender q = new QueuedRender(required(j, "id"), required(j, "kind"), required(j, "shot"),
                        text(j, "take"), text(j, "quality"), j.hasNonNull("seed") ? seed(j) : null, text(j, "format"),
                        text(j, "frames"), text(j, "out"), required(j, "queuedAt"), text(j, "lastError"));
                if (!ids.add(q.id())) throw new IllegalArgumentException("the id '" + q.id() + "' is used twice");
                out.add(q);
            } catch (IllegalArgumentException e) {
                throw new DamagedQueueException(f, "job " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Replaces the queue file with these renders atomically, or removes it when there are none. */
    public static void write(Path projectFolder, List<QueuedRender> renders) throws IOException {
        Path f = file(projectFolder).toAbsolutePath().normalize();
        Path dir = f.getParent();
        if (renders.isEmpty()) {
            Files.deleteIfExists(f);
            ProjectFiles.forceDirectory(dir);
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("type", TYPE);
        root.put("note", "Renders waiting to run (cue queue). Not part of the project; safe to delete.");
        ArrayNode jobs = root.putArray("jobs");
        for (QueuedRender q : renders) {
            ObjectNode j = jobs.addObject();
            j.put("id", q.id());
            j.put("kind", q.kind());
            j.put("shot", q.shot());
            putIf(j, "take", q.take());
            putIf(j, "quality", q.quality());
            if (q.seed() != null) j.put("seed", q.seed());
            putIf(j, "format", q.format());
            putIf(j, "frames", q.frames());
            putIf(j, "out", q.out());
            j.put("queuedAt", q.queuedAt());
            putIf(j, "lastError", q.lastError());
        }
        byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = Files.createTempFile(dir, "." + NAME + ".save-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            ProjectFiles.moveAtomically(tmp, f);
            tmp = null;
            ProjectFiles.forceDirectory(dir);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Moves a (damaged) queue file aside as {@code render-queue.json.damaged} (or {@code .damaged-N} when that is
     * taken), so that a new queue can start without losing what the old file held. Returns where it went, or null
     * when there was no queue file.
     */
    public static @Nullable Path setAside(Path projectFolder) throws IOException {
        Path f = file(projectFolder);
        if (!Files.exists(f)) return null;
        Path to = f.resolveSibling(NAME + ".damaged");
        for (int n = 2; Files.exists(to); n++) to = f.resolveSibling(NAME + ".damaged-" + n);
        Files.move(f, to);
        return to;
    }

    /** The next free {@code q-N} id after those in the queue. */
    public static String nextId(List<QueuedRender> renders) {
        int max = 0;
        for (QueuedRender q : renders) {
            if (q.id().matches("q-\\d{1,9}")) max = Math.max(max, Integer.parseInt(q.id().substring(2)));
        }
        return "q-" + (max + 1);
    }

    private static String required(JsonNode j, String field) {
        JsonNode v = j.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a text");
        }
        return v.asText();
    }

    private static @Nullable String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + field + "\" is not a text");
        return v.asText();
    }

    private static long seed(JsonNode j) {
        JsonNode v = j.get("seed");
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"seed\" is not a whole number");
        }
        return v.asLong();
    }

    private static void putIf(ObjectNode j, String field, @Nullable String value) {
        if (value != null) j.put(field, value);
    }
}
