package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cuestudio.app.TakeRecorder;
import org.cuestudio.core.edit.ReplaceCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.ShotHash;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes through the real backend, cache and encoder on the sample: variations recorded as takes with their own
 * files, the take sheet seeing an edit, and a re-render that renders only the segments the edit changed.
 */
class TakesEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void variationsAreRecordedAsTakesAndAReRenderAfterMovingACueReusesTheRest() throws Exception {
        Path project = SampleCopy.into(dir);
        CliTest.Run render = CliTest.cue("render", project.toString(), "--quality", "preview", "--variations", "2",
                "--seed", "7");
        assertThat(render.code()).as(render.err()).isZero();
        assertThat(render.out()).contains("recorded take take-1 (seed 7, preview 640x360)")
                .contains("recorded take take-2 (seed 8, preview 640x360)");
        assertThat(project.resolve("takes/hello-take-1.mp4")).isRegularFile();
        assertThat(project.resolve("takes/hello-take-2.mp4")).isRegularFile();
        assertThat(ProjectFiles.backupFile(project.resolve("project.json"))).exists();

        LoadedProject lp = ProjectFiles.open(project);
        Shot shot = lp.project().requireShot("hello");
        Take first = shot.requireTake("take-1");
        assertThat(first.output()).isEqualTo("takes/hello-take-1.mp4");
        assertThat(first.seed()).isEqualTo(7);
        assertThat(first.shotHash()).isEqualTo(ShotHash.of(lp.project(), "hello"));
        assertThat(first.backendId()).isNotEmpty();
        assertThat(first.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.metadata()).containsEntry(TakeRecorder.FRAME_RATE, "25")
                .containsEntry(TakeRecorder.FORMAT, "mp4").containsEntry(TakeRecorder.PLANNER, PerformancePlanner.VERSION)
                .containsKeys(TakeRecorder.SHEET + "mira", TakeRecorder.AUDIO);

        CliTest.Run sheet = CliTest.cue("takes", project.toString());
        assertThat(sheet.code()).as(sheet.err()).isZero();
        assertThat(sheet.out()).contains("shot hello: 2 takes").containsPattern("take-1 +Take 1 +7 +preview 640x360 "
                + "+----- +\\S+ +same +takes/hello-take-1.mp4");

        // Move the last emotion cue by half a second, as the studio window would, and save.
        Project moved = ReplaceCue.move(lp.project(), "hello", "joy-made-it",
                shot.cue("joy-made-it").orElseThrow().range().start() + Ticks.ofMillis(500)).apply(lp.project());
        ProjectFiles.save(lp.file(), moved);
        assertThat(CliTest.cue("takes", project.toString()).out()).containsPattern("take-1 .* changed ");

        CliTest.Run again = CliTest.cue("render", project.toString(), "--take", "take-1");
        System.out.print(again.out());
        assertThat(again.code()).as(again.err()).isZero();
        Matcher m = Pattern.compile("385 frames \\((\\d+) rendered, (\\d+) reused from cache\\)").matcher(again.out());
        assertThat(m.find()).as(again.out()).isTrue();
        int rendered = Integer.parseInt(m.group(1));
        assertThat(rendered).isPositive().isLessThan(385 / 2);
        assertThat(again.out()).contains("re-rendered take take-1 (seed 7, preview 640x360), the shot had changed");
        Take redone = ProjectFiles.open(project).project().requireShot("hello").requireTake("take-1");
        assertThat(redone.shotHash()).isEqualTo(ShotHash.of(moved, "hello"));
        assertThat(redone.metadata()).containsEntry(TakeRecorder.RERENDERS, "1");
        assertThat(project.resolve("takes/hello-take-1.mp4")).isRegularFile();
        assertThat(project.resolve("takes")).isDirectoryNotContaining("glob:**.rendering*");
        assertThat(RenderEndToEndTest.stream(RenderEndToEndTest.probe(project.resolve("takes/hello-take-1.mp4")),
                "video").get("nb_read_frames").asInt()).isEqualTo(385);
    }

    @Test
    void aRenderOutsideTheProjectIsATakeWithoutAFileAndNoTakeRecordsNothing() throws Exception {
        Path project = SampleCopy.into(dir);
        CliTest.Run none = CliTest.cue("render", project.toString(), "--quality", "preview", "--no-take", "--frames",
                "0-9", "--out", dir.resolve("a.mp4").toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(ProjectFiles.open(project).project().requireShot("hello").takes()).isEmpty();

        CliTest.Run clash = CliTest.cue("render", project.toString(), "--take", "take-1", "--seed", "3");
        assertThat(clash.code()).isNotZero();
        assertThat(clash.err()).contains("--take renders a take again as it was recorded");
        CliTest.Run missing = CliTest.cue("render", project.toString(), "--take", "take-9");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("shot 'hello' has no take 'take-9' (it has no takes yet");
        assertThat(Files.exists(project.resolve("takes"))).isFalse();
    }
}
