package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A smoke test of the benchmark command on a tiny shot; the benchmark's figures are not checked here. */
class BenchPlannerCommandTest {
    @Test
    void reportsTimesAsJsonForAShortShot() throws Exception {
        CommandLine cl = new CommandLine(new BenchPlannerCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("--json", "--minutes", "0.5", "--warmup", "1", "--runs", "2");
        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("benchmark").asText()).isEqualTo("planner");
        assertThat(r.get("frames").asInt()).isEqualTo(750);
        assertThat(r.get("runs").asInt()).isEqualTo(2);
        assertThat(r.get("cues").asInt()).isGreaterThan(20);
        assertThat(r.get("medianMs").asDouble()).isPositive();
    }

    @Test
    void workloadHasCuesOnEveryLane() {
        BenchPlannerCommand.Workload w = BenchPlannerCommand.workload(10, org.cuestudio.core.time.FrameRate.FPS_25);
        assertThat(w.audio().frameCount()).isEqualTo(15_000);
        // Every lane of direction; the mouth lane holds corrections of the lip-sync track, which the workload has none of.
        assertThat(w.shot().tracks()).filteredOn(t -> t.lane() != org.cuestudio.core.model.CueLane.MOUTH)
                .allSatisfy(t -> assertThat(t.cues()).hasSizeGreaterThan(50));
    }
}
