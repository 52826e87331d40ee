package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test of {@code cue bench export} on a few preview frames; the figures themselves are not checked. */
class BenchExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsThroughputAndSizePerFormatAsJson() throws Exception {
        CliTest.Run r = CliTest.cue("bench", "export", "--json", "--project", SampleCopy.into(dir).toString(),
                "--quality", "preview", "--frames", "4", "--distinct", "2", "--formats", "mp4,png");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("benchmark").asText()).isEqualTo("export");
        assertThat(json.get("resolution").asText()).isEqualTo("640x360");
        assertThat(json.get("formats")).hasSize(2);
        assertThat(json.get("formats").get(0).get("format").asText()).isEqualTo("MP4_H264");
        assertThat(json.get("formats").get(1).get("format").asText()).isEqualTo("PNG_SEQUENCE");
        for (JsonNode f : json.get("formats")) {
            assertThat(f.get("fps").asDouble()).isPositive();
            assertThat(f.get("bytes").asLong()).isGreaterThan(1000);
        }
    }

    @Test
    void anUnknownFormatIsNamed() {
        CliTest.Run r = CliTest.cue("bench", "export", "--formats", "mp4,avi");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown format 'avi' in --formats");
    }
}
