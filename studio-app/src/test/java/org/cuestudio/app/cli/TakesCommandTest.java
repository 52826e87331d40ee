package org.cuestudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.model.Take;
import org.cuestudio.format.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cue takes}: the take sheet and each change to a take, saved into the project. */
class TakesCommandTest {
    @TempDir
    Path dir;

    /** The sample with two recorded takes (t1 with a file, t2 without), as cue render writes them. */
    Path withTakes() throws Exception {
        Path project = SampleCopy.into(dir);
        Files.createDirectories(project.resolve("takes"));
        Files.write(project.resolve("takes/hello-take-1.mp4"), new byte[] {1, 2, 3});
        Path json = project.resolve("project.json");
        Files.writeString(json, Files.readString(json).replace("\"takes\": []", """
                "takes": [{"type": "Take.1", "id": "take-1", "name": "Take 1", "createdAt": "2025-05-01T10:00:00Z",
                  "seed": 1, "quality": "final", "resolution": {"width": 1280, "height": 720}, "shotHash": "0ld",
                  "rating": 3, "output": "takes/hello-take-1.mp4"},
                 {"type": "Take.1", "id": "take-2", "name": "Take 2", "seed": 2, "quality": "preview",
                  "resolution": {"width": 640, "height": 360}}]"""));
        return project;
    }

    List<Take> takes(Path project) throws Exception {
        return ProjectFiles.open(project).project().requireShot("hello").takes();
    }

    @Test
    void theSheetListsEachTakeWithStarsCircleFileAndWhetherTheShotChanged() throws Exception {
        Path project = withTakes();
        CliTest.Run r = CliTest.cue("takes", project.toString(), "--shot", "hello");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("shot hello: 2 takes")
                .containsPattern("ID +NAME +SEED +QUALITY +RATING +CIRCLED +CREATED +SHOT +OUTPUT")
                .containsPattern("take-1 +Take 1 +1 +final 1280x720 +\\*\\*\\*-- +2025-05-01T10:00:00Z +changed "
                        + "+takes/hello-take-1.mp4")
                .containsPattern("take-2 +Take 2 +2 +preview 640x360 +----- +- +unknown +-")
                .contains("render it again with: cue render");
    }

    @Test
    void renameRateCircleAndNotesAreSavedWithABackup() throws Exception {
        Path project = withTakes();
        CliTest.Run r = CliTest.cue("takes", project.toString(), "--take", "Take 1", "--rename", "Warm", "--rate", "5",
                "--circle", "--notes", "keep the wave");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("renamed take-1 to \"Warm\"", "rated take-1 *****", "circled take-1",
                "set the notes of take-1", "saved ");
        Take t = takes(project).get(0);
        assertThat(t.name()).isEqualTo("Warm");
        assertThat(t.rating()).isEqualTo(5);
        assertThat(t.circled()).isTrue();
        assertThat(t.notes()).isEqualTo("keep the wave");
        assertThat(ProjectFiles.backupFile(project.resolve("project.json"))).exists();

        assertThat(CliTest.cue("takes", project.toString(), "--take", "take-1", "--uncircle").code()).isZero();
        assertThat(takes(project).get(0).circled()).isFalse();
        assertThat(CliTest.cue("takes", project.toString()).out()).contains("take-1 notes: keep the wave");
    }

    @Test
    void duplicateCopiesTheTakeAndItsFileUnderTheNextNumber() throws Exception {
        Path project = withTakes();
        CliTest.Run r = CliTest.cue("takes", project.toString(), "--take", "take-1", "--duplicate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("duplicated take-1 as take-3 \"Take 1 copy\" with its file takes/hello-take-3.mp4");
        assertThat(takes(project)).extracting(Take::id).containsExactly("take-1", "take-3", "take-2");
        Take copy = takes(project).get(1);
        assertThat(copy.seed()).isEqualTo(1);
        assertThat(copy.rating()).isEqualTo(3);
        assertThat(project.resolve("takes/hello-take-3.mp4")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void deleteRemovesTheTakeAndItsFileUnlessAskedToKeepIt() throws Exception {
        Path project = withTakes();
        CliTest.Run keep = CliTest.cue("takes", project.toString(), "--take", "take-2", "--delete", "--keep-file");
        assertThat(keep.code()).as(keep.err()).isZero();
        CliTest.Run r = CliTest.cue("takes", project.toString(), "--take", "take-1", "--delete");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("deleted take-1 and its file takes/hello-take-1.mp4");
        assertThat(takes(project)).isEmpty();
        assertThat(project.resolve("takes/hello-take-1.mp4")).doesNotExist();
        assertThat(CliTest.cue("takes", project.toString()).out()).contains("shot hello: 0 takes", "no takes yet");
    }

    @Test
    void anUnknownTakeAndABadRatingAreRefusedWithTheIdsThereAreAndNothingIsSaved() throws Exception {
        Path project = withTakes();
        String before = Files.readString(project.resolve("project.json"));
        CliTest.Run unknown = CliTest.cue("takes", project.toString(), "--take", "take-7", "--rate", "2");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("shot 'hello' has no take 'take-7' (takes: take-1, take-2)");
        CliTest.Run stars = CliTest.cue("takes", project.toString(), "--take", "take-1", "--rate", "6");
        assertThat(stars.code()).isNotZero();
        assertThat(stars.err()).contains("--rate is 0 to 5 stars, got 6");
        CliTest.Run noTake = CliTest.cue("takes", project.toString(), "--circle");
        assertThat(noTake.err()).contains("name the take to change with --take ID");
        assertThat(Files.readString(project.resolve("project.json"))).isEqualTo(before);
    }
}
