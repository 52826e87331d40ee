package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderQueueFileTest {
    @TempDir
    Path dir;

    private static final QueuedRender TAKE = new QueuedRender("q-1", QueuedRender.TAKE, "hello", null, "final", 7L,
            "mp4", null, null, "2026-11-25T19:00:00Z", null);
    private static final QueuedRender EXPORT = new QueuedRender("q-2", QueuedRender.EXPORT, "hello", null, "preview",
            null, "png", "0-49", "renders/part", "2026-11-25T19:00:01Z", "disk full");

    @Test
    void aWrittenQueueReadsBackTheSame() throws IOException {
        RenderQueueFile.write(dir, List.of(TAKE, EXPORT));

        assertThat(RenderQueueFile.read(dir)).containsExactly(TAKE, EXPORT);
        assertThat(Files.readString(RenderQueueFile.file(dir))).contains("\"type\" : \"RenderQueue.1\"");
    }

    @Test
    void noQueueFileIsAnEmptyQueueAndAnEmptyQueueRemovesTheFile() throws IOException {
        assertThat(RenderQueueFile.read(dir)).isEmpty();
        RenderQueueFile.write(dir, List.of(TAKE));

        RenderQueueFile.write(dir, List.of());

        assertThat(RenderQueueFile.file(dir)).doesNotExist();
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        RenderQueueFile.write(dir, List.of(TAKE));
        RenderQueueFile.write(dir, List.of(TAKE, EXPORT));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RenderQueueFile.NAME);
        }
    }

    @Test
    void aDamagedQueueIsReportedWithItsFileAndSetAsideIntact() throws IOException {
        Path f = RenderQueueFile.file(dir);
        Files.writeString(f, "{\"type\": \"RenderQueue.1\", \"jobs\": [ {\"id\": ", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RenderQueueFile.read(dir)).isInstanceOf(RenderQueueFile.DamagedQueueException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("--clear");
        Path aside = RenderQueueFile.setAside(dir);

        assertThat(aside).hasFileName("render-queue.json.damaged").hasContent("{\"type\": \"RenderQueue.1\", "
                + "\"jobs\": [ {\"id\": ");
        assertThat(RenderQueueFile.read(dir)).isEmpty();
        Files.writeString(f, "[]");
        assertThat(RenderQueueFile.setAside(dir)).hasFileName("render-queue.json.damaged-2");
    }

    @Test
    void aJobWithAnUnknownKindOrAMissingShotIsDamageNamedByItsPosition() throws IOException {
        Files.writeString(RenderQueueFile.file(dir), "{\"type\": \"RenderQueue.1\", \"jobs\": [{\"id\": \"q-1\", "
                + "\"kind\": \"take\", \"shot\": \"a\", \"queuedAt\": \"x\"}, {\"id\": \"q-2\", \"kind\": \"burn\", "
                + "\"shot\": \"a\", \"queuedAt\": \"x\"}]}");

        assertThatThrownBy(() -> RenderQueueFile.read(dir)).hasMessageContaining("job 2").hasMessageContaining("burn");
    }

    @Test
    void aFileOfAnotherTypeIsRefused() throws IOException {
        Files.writeString(RenderQueueFile.file(dir), "{\"type\": \"Project.3\", \"jobs\": []}");

        assertThatThrownBy(() -> RenderQueueFile.read(dir)).hasMessageContaining("Project.3");
    }

    @Test
    void nextIdFollowsTheHighestQueuedId() {
        assertThat(RenderQueueFile.nextId(List.of())).isEqualTo("q-1");
        assertThat(RenderQueueFile.nextId(List.of(EXPORT, TAKE))).isEqualTo("q-3");
    }
}
