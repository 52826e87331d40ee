package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cuestudio.core.model.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autosave side file and the recovery offer at the next open. */
class AutosaveTest {
    @TempDir
    Path dir;

    Path folder;
    Path file;
    Project saved;

    @BeforeEach
    void copy() throws Exception {
        folder = ProjectFilesTest.copySample(dir);
        file = folder.resolve("project.json");
        saved = ProjectFiles.open(folder).project();
    }

    private static Project named(Project p, String name) {
        return new Project(name, p.characters(), p.shots(), p.metadata(), p.unknown());
    }

    /** Makes the side file look written after the project file, as after a crash with unsaved work. */
    private void ageProjectFile() throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void theSideFileSitsBesideTheProjectAndLeavesItAlone() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Autosave.write(file, named(saved, "Unsaved"));
        assertThat(Autosave.sideFile(file)).isEqualTo(folder.resolve("project.json.autosave"));
        assertThat(ProjectFiles.open(Autosave.sideFile(file)).project().name()).isEqualTo("Unsaved");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aNewerSideFileIsOfferedForRecovery() throws Exception {
        Autosave.write(file, named(saved, "Unsaved"));
        ageProjectFile();
        Autosave.Recovery r = Autosave.check(folder).orElseThrow();
        assertThat(r.project().name()).isEqualTo("Unsaved");
        assertThat(r.projectFile()).isEqualTo(file);
        assertThat(r.autosavedAt()).isGreaterThan(r.savedAt());
    }

    @Test
    void acceptingTheRecoveryMakesItTheProjectAndKeepsTheOldFileAsBackup() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Autosave.write(file, named(saved, "Unsaved"));
        ageProjectFile();
        Autosave.check(file).orElseThrow().accept();
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Unsaved");
        assertThat(Files.readAllBytes(folder.resolve("project.json.bak"))).isEqualTo(before);
        assertThat(Autosave.sideFile(file)).doesNotExist();
        assertThat(Autosave.check(folder)).isEmpty();
    }

    @Test
    void discardingTheRecoveryDeletesTheSideFileOnly() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Autosave.write(file, named(saved, "Unsaved"));
        ageProjectFile();
        Autosave.check(folder).orElseThrow().discard();
        assertThat(Autosave.sideFile(file)).doesNotExist();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSideFileOlderThanTheProjectIsNotOffered() throws Exception {
        Autosave.write(file, named(saved, "Stale"));
        Files.setLastModifiedTime(Autosave.sideFile(file), FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(Autosave.check(folder)).isEmpty();
    }

    @Test
    void aSideFileEqualToTheProjectIsNotOffered() throws Exception {
        Autosave.write(file, saved);
        ageProjectFile();
        assertThat(Autosave.check(folder)).isEmpty();
    }

    @Test
    void aDamagedSideFileIsNotOffered() throws Exception {
        Files.writeString(Autosave.sideFile(file), "{\"type\": \"Project.1\", \"shots\": [");
        ageProjectFile();
        assertThat(Autosave.check(folder)).isEmpty();
    }

    @Test
    void aSideFileWithoutItsProjectIsOffered() throws Exception {
        Autosave.write(file, named(saved, "Only autosaved"));
        Files.delete(file);
        Autosave.Recovery r = Autosave.check(folder.resolve("project.json")).orElseThrow();
        assertThat(r.savedAt()).isNull();
        r.accept();
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Only autosaved");
    }

    @Test
    void savingDeletesTheSideFile() throws Exception {
        Autosave.write(file, named(saved, "Unsaved"));
        ProjectFiles.save(file, named(saved, "Saved"));
        assertThat(Autosave.sideFile(file)).doesNotExist();
    }

    @Test
    void aFailedAutosaveLeavesTheEarlierSideFile() throws Exception {
        Autosave.write(file, named(saved, "First"));
        assertThatThrownBy(() -> Autosave.write(file, named(saved, "Second"),
                out -> new ProjectFilesTest.FullDisk(out, 100))).hasMessageContaining("No space left on device");
        assertThat(ProjectFiles.open(Autosave.sideFile(file)).project().name()).isEqualTo("First");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theAutosaverWritesOnlyUnsavedChangesItHasNotWrittenYet() throws Exception {
        AtomicReference<Project> unsaved = new AtomicReference<>();
        try (Autosave.Autosaver a = new Autosave.Autosaver(file, unsaved::get)) {
            assertThat(a.runOnce()).as("nothing unsaved").isFalse();
            unsaved.set(named(saved, "Edit 1"));
            assertThat(a.runOnce()).isTrue();
            assertThat(a.runOnce()).as("already autosaved").isFalse();
            unsaved.set(named(saved, "Edit 2"));
            assertThat(a.runOnce()).isTrue();
        }
        assertThat(ProjectFiles.open(Autosave.sideFile(file)).project().name()).isEqualTo("Edit 2");
    }

    @Test
    void theAutosaverRunsOnItsSchedule() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Autosave.Autosaver a = new Autosave.Autosaver(file, () -> named(saved, "Scheduled"))) {
            a.start(scheduler, Duration.ofMillis(20));
            // Waits for the file, with a generous bound; how soon it comes is not what is tested.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(Autosave.sideFile(file)) && System.nanoTime() < deadline) Thread.sleep(10);
        } finally {
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ProjectFiles.open(Autosave.sideFile(file)).project().name()).isEqualTo("Scheduled");
    }

    @Test
    void theIntervalIsThirtySecondsUnlessConfigured() {
        String old = System.getProperty(Autosave.INTERVAL_PROPERTY);
        try {
            System.clearProperty(Autosave.INTERVAL_PROPERTY);
            assertThat(Autosave.interval()).isEqualTo(Duration.ofSeconds(30));
            System.setProperty(Autosave.INTERVAL_PROPERTY, "5");
            assertThat(Autosave.interval()).isEqualTo(Duration.ofSeconds(5));
            System.setProperty(Autosave.INTERVAL_PROPERTY, "soon");
            assertThat(Autosave.interval()).isEqualTo(Duration.ofSeconds(30));
        } finally {
            if (old == null) System.clearProperty(Autosave.INTERVAL_PROPERTY);
            else System.setProperty(Autosave.INTERVAL_PROPERTY, old);
        }
    }
}
