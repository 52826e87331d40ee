package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.live.LiveTake;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue live} headless with a file as the input (no microphone): the recorded take and its round trip. */
class LiveCommandTest {
    @TempDir
    Path dir;

    /** 1.75 s: two vowel-like bursts as in {@code cue bench live}. */
    Path input() throws Exception {
        float[] s = BenchLiveCommand.bursts(2, 4_000, 12_000, 4_800);
        Path wav = dir.resolve("in.wav");
        LiveTake.writeWav(wav, s, s.length, 16_000);
        return wav;
    }

    @Test
    void aRecordedPerformanceBecomesAShotWithItsAudioCuesAndTakeAndRendersAgain() throws Exception {
        Path project = SampleCopy.into(dir);
        Path triggers = dir.resolve("t.txt");
        Files.writeString(triggers, "# a scripted performer\n0.3,emotion,joy\n0.8,gesture,open-palms,0.9\n");
        CliTest.Run r = CliTest.cue("live", project.toString(), "--shot", "hello", "--input", input().toString(),
                "--triggers", triggers.toString(), "--record", "--out-frames", project.resolve("live-frames").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("1\\.8 s of audio, 44 frames: \\d+ shown, \\d+ dropped; [0-9.]+ fps")
                .contains("recorded shot hello-live-1 (2 cues from 2 triggers, audio audio/hello-live-1.wav) with take take-1");

        Project reopened = ProjectFiles.open(project).project();
        Shot live = reopened.requireShot("hello-live-1");
        Shot directed = reopened.requireShot("hello");
        assertThat(live.audio()).isEqualTo("audio/hello-live-1.wav");
        assertThat(Files.size(project.resolve(live.audio()))).isEqualTo(44 + 2 * 28_000L);
        assertThat(live.metadata()).containsEntry(LiveTake.LIVE_OF, "hello");
        assertThat(live.track(CueLane.EMOTION).cues()).hasSize(directed.track(CueLane.EMOTION).cues().size() + 1)
                .anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(EmotionCue.class,
                        e -> assertThat(e.emotion()).isEqualTo(Emotion.JOY)));
        assertThat(live.track(CueLane.GESTURE).cues()).anySatisfy(c -> assertThat(c)
                .isInstanceOfSatisfying(GestureCue.class, g -> assertThat(g.gesture()).isEqualTo("open-palms")));
        Take take = live.requireTake("take-1");
        assertThat(take.seed()).isEqualTo(1);
        assertThat(take.output()).isEqualTo("live-frames");
        try (var frames = Files.list(project.resolve("live-frames"))) {
            assertThat(frames.count()).isPositive();
        }

        CliTest.Run again = CliTest.cue("render", project.toString(), "--shot", "hello-live-1", "--quality", "preview",
                "--frames", "0-4", "--format", "png", "--out", dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void aBadTriggerFileIsNamedWithItsLineAndNothingIsRecorded() throws Exception {
        Path project = SampleCopy.into(dir);
        Path triggers = dir.resolve("t.txt");
        Files.writeString(triggers, "0.3,emotion,joy\n1,gesture,moonwalk\n");
        CliTest.Run r = CliTest.cue("live", project.toString(), "--input", input().toString(), "--triggers",
                triggers.toString(), "--record");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("t.txt line 2 ('1,gesture,moonwalk'): unknown gesture 'moonwalk'");
        assertThat(ProjectFiles.open(project).project().shot("hello-live-1")).isEmpty();
    }
}
