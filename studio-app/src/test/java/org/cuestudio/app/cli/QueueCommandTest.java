package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.format.ProjectFiles;
import org.cuestudio.format.QueuedRender;
import org.cuestudio.format.RenderQueueFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCommandTest {
    @TempDir
    Path dir;

    @Test
    void addedRendersAreListedAgainByALaterRunOfTheCommand() throws Exception {
        Path project = SampleCopy.into(dir);

        CliTest.Run a = CliTest.cue("queue", project.toString(), "--add", "--quality", "preview", "--seed", "7");
        CliTest.Run b = CliTest.cue("queue", project.toString(), "--add", "--no-take", "--format", "png");
        CliTest.Run list = CliTest.cue("queue", project.toString());

        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("queued q-1: new take, preview, seed 7");
        assertThat(b.out()).contains("queued q-2: export, png");
        assertThat(list.out()).contains("2 renders queued in " + RenderQueueFile.file(project))
                .containsPattern("q-1 +take +hello .* new take, preview, seed 7")
                .containsPattern("q-2 +export +hello .* export, png");
        assertThat(RenderQueueFile.read(project)).extracting(QueuedRender::kind).containsExactly("take", "export");
    }

    @Test
    void anEmptyQueueSaysSo() {
        Path project = SampleCopyOrFail.into(dir);

        CliTest.Run list = CliTest.cue("queue", project.toString());

        assertThat(list.code()).isZero();
        assertThat(list.out()).startsWith("no renders are queued in ");
    }

    @Test
    void aQueuedRenderOfAnUnknownShotOrTakeIsRefusedWhenAdded() throws Exception {
        Path project = SampleCopy.into(dir);

        CliTest.Run shot = CliTest.cue("queue", project.toString(), "--add", "--shot", "nope");
        CliTest.Run take = CliTest.cue("queue", project.toString(), "--add", "--take", "take-9");
        CliTest.Run clash = CliTest.cue("queue", project.toString(), "--add", "--take", "take-9", "--seed", "3");

        assertThat(shot.code()).isEqualTo(1);
        assertThat(shot.err()).contains("nope");
        assertThat(take.code()).isEqualTo(1);
        assertThat(take.err()).contains("take-9");
        assertThat(clash.code()).isNotZero();
        assertThat(clash.err()).contains("cannot be combined with --seed");
        assertThat(RenderQueueFile.file(project)).doesNotExist();
    }

    @Test
    void renderOptionsWithoutAddAreRefused() throws Exception {
        Path project = SampleCopy.into(dir);

        CliTest.Run r = CliTest.cue("queue", project.toString(), "--seed", "3");

        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--seed describes a render to queue: use it with --add");
    }

    @Test
    void removeDropsOneRenderAndNamesTheIdsWhenItIsUnknown() throws Exception {
        Path project = SampleCopy.into(dir);
        CliTest.cue("queue", project.toString(), "--add");
        CliTest.cue("queue", project.toString(), "--add", "--seed", "2");

        CliTest.Run gone = CliTest.cue("queue", project.toString(), "--remove", "q-1");
        CliTest.Run unknown = CliTest.cue("queue", project.toString(), "--remove", "q-7");

        assertThat(gone.out()).contains("removed q-1 (1 left in the queue)");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no queued render 'q-7'; the queue holds q-2");
        assertThat(RenderQueueFile.read(project)).extracting(QueuedRender::id).containsExactly("q-2");
    }

    @Test
    void aDamagedQueueIsNamedAndClearSetsItAsideWithoutTouchingTheProject() throws Exception {
        Path project = SampleCopy.into(dir);
        byte[] projectBefore = Files.readAllBytes(project.resolve("project.json"));
        Files.writeString(RenderQueueFile.file(project), "{ this is not json");

        CliTest.Run list = CliTest.cue("queue", project.toString());
        CliTest.Run clear = CliTest.cue("queue", project.toString(), "--clear");
        CliTest.Run after = CliTest.cue("queue", project.toString());

        assertThat(list.code()).isEqualTo(1);
        assertThat(list.err()).contains("the render queue " + RenderQueueFile.file(project) + " is damaged")
                .contains("--clear");
        assertThat(clear.code()).isZero();
        assertThat(clear.out()).contains("render-queue.json.damaged");
        assertThat(project.resolve("render-queue.json.damaged")).hasContent("{ this is not json");
        assertThat(after.out()).startsWith("no renders are queued");
        assertThat(Files.readAllBytes(project.resolve("project.json"))).isEqualTo(projectBefore);
        assertThat(ProjectFiles.open(project).project().shots()).isNotEmpty();
    }

    @Test
    void runRendersTakesBeforeExportsRemovesFinishedRendersAndKeepsAFailedOneWithItsError() throws Exception {
        Path project = SampleCopy.into(dir);
        Path out = dir.resolve("part.mp4");
        RenderQueueFile.write(project, List.of(
                new QueuedRender("q-1", QueuedRender.EXPORT, "hello", null, "preview", null, "mp4", "0-49",
                        out.toString(), "2026-11-25T19:00:00Z", null),
                new QueuedRender("q-2", QueuedRender.TAKE, "hello", "take-404", null, null, null, null, null,
                        "2026-11-25T19:00:01Z", null)));

        CliTest.Run run = CliTest.cue("queue", project.toString(), "--run");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out().indexOf("q-2: take take-404 again")).isNotNegative()
                .isLessThan(run.out().indexOf("q-1: export"));
        assertThat(run.out()).contains("hello frames 0-49: 50 frames").contains("1 done, 1 failed; 1 left");
        assertThat(run.err()).contains("q-2 failed: ").contains("take-404");
        assertThat(out).isRegularFile();
        List<QueuedRender> left = RenderQueueFile.read(project);
        assertThat(left).extracting(QueuedRender::id).containsExactly("q-2");
        assertThat(left.get(0).lastError()).contains("take-404");
        assertThat(CliTest.cue("queue", project.toString()).out()).contains("[last run failed: ");
    }

    /** The sample copied, for tests that cannot throw. */
    private static final class SampleCopyOrFail {
        static Path into(Path dir) {
            try {
                return SampleCopy.into(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
