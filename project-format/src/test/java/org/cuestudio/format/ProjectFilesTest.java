package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.cuestudio.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and saving project bundles: atomic saves, the backup, paths, a full disk, a moved folder. */
class ProjectFilesTest {
    @TempDir
    Path dir;

    /** A copy of the sample project folder (without its cache) under {@code into}. */
    static Path copySample(Path into) throws IOException {
        Path folder = into.resolve("hello");
        Path src = Golden.SAMPLE.getParent();
        try (var files = Files.walk(src)) {
            for (Path p : files.filter(p -> !src.relativize(p).toString().startsWith("cache")).toList()) {
                Path to = folder.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return folder;
    }

    private Path copySample() throws IOException {
        return copySample(dir);
    }

    private static Project renamed(Project p, String name) {
        return new Project(name, p.characters(), p.shots(), p.metadata(), p.unknown());
    }

    @Test
    void opensAFolderOrItsProjectFile() throws Exception {
        Path folder = copySample();
        assertThat(ProjectFiles.open(folder).project()).isEqualTo(ProjectFiles.open(folder.resolve("project.json")).project());
        assertThat(ProjectFiles.open(folder).folder()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void saveKeepsTheOldVersionAsBackupAndLeavesNoTemporaryFiles() throws Exception {
        Path folder = copySample();
        LoadedProject lp = ProjectFiles.open(folder);
        byte[] original = Files.readAllBytes(lp.file());
        ProjectFiles.save(lp.file(), renamed(lp.project(), "Renamed"));
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Renamed");
        assertThat(Files.readAllBytes(folder.resolve("project.json.bak"))).isEqualTo(original);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theBackupIsTheVersionBeforeTheLastSave() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        Project p = ProjectFiles.open(folder).project();
        ProjectFiles.save(file, renamed(p, "Second"));
        ProjectFiles.save(file, renamed(p, "Third"));
        assertThat(ProjectFiles.open(folder.resolve("project.json.bak")).project().name()).isEqualTo("Second");
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Third");
    }

    @Test
    void theBackupDoesNotShareItsFileWithTheProject() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        ProjectFiles.save(file, renamed(ProjectFiles.open(folder).project(), "New"));
        Object project = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Object backup = Files.readAttributes(folder.resolve("project.json.bak"), BasicFileAttributes.class).fileKey();
        assertThat(project).isNotEqualTo(backup);
    }

    @Test
    void temporaryFilesOfACrashedSaveAreCleanedUpByTheNextSave() throws Exception {
        Path folder = copySample();
        Files.writeString(folder.resolve(".project.json.save-123.tmp"), "{\"type\": \"Proj");
        Files.writeString(folder.resolve(".project.json.bak-abc.tmp"), "half");
        ProjectFiles.save(folder.resolve("project.json"), ProjectFiles.open(folder).project());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** A stream that fails like a full disk once {@code limit} bytes went through. */
    static final class FullDisk extends FilterOutputStream {
        private long left;

        FullDisk(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) throw new IOException("No space left on device");
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }
    }

    @Test
    void aFullDiskLeavesTheOldFileIntactAndSaysWhatHappened() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        byte[] before = Files.readAllBytes(file);
        Project p = ProjectFiles.open(folder).project();
        assertThatThrownBy(() -> ProjectFiles.save(file, renamed(p, "Lost"), out -> new FullDisk(out, 1000)))
                .isInstanceOf(IOException.class)
                .hasMessage("could not save " + file + ": No space left on device; the project file on disk is"
                        + " unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(folder.resolve("project.json.bak")).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aFullDiskKeepsTheEarlierBackupToo() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        Project p = ProjectFiles.open(folder).project();
        ProjectFiles.save(file, renamed(p, "Saved"));
        byte[] backup = Files.readAllBytes(folder.resolve("project.json.bak"));
        assertThatThrownBy(() -> ProjectFiles.save(file, renamed(p, "Lost"), out -> new FullDisk(out, 10)))
                .hasMessageContaining("No space left on device");
        assertThat(Files.readAllBytes(folder.resolve("project.json.bak"))).isEqualTo(backup);
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Saved");
    }

    @Test
    void aProjectFolderMovedElsewhereKeepsWorking() throws Exception {
        Path folder = copySample();
        Path moved = Files.createDirectories(dir.resolve("elsewhere/deeper"));
        Path target = Files.move(folder, moved.resolve("renamed-project"));
        LoadedProject lp = ProjectFiles.open(target);
        assertThat(ProjectValidator.validate(lp, GestureLibraryReaderTest.library())).isEmpty();
        assertThat(lp.resolve(lp.project().shots().get(0).audio())).isEqualTo(target.resolve("audio/hello.wav"))
                .exists();
        assertThat(lp.resolve(lp.project().characters().get(0).sheet())).isDirectory()
                .startsWith(target);
    }

    @Test
    void missingProjectSaysWhatIsMissing() {
        assertThatThrownBy(() -> ProjectFiles.open(dir)).isInstanceOfSatisfying(ProjectFormatException.class, e -> {
            assertThat(e.getMessage()).contains(dir.resolve("project.json").toString()).contains("no such file");
            assertThat(e.problems().get(0).hint()).contains("a project folder must contain project.json");
        });
    }

    @Test
    void aFolderNamedLikeTheFileIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("p/project.json"));
        assertThatThrownBy(() -> ProjectFiles.open(dir.resolve("p/project.json")))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining("no such file");
    }

    @Test
    void validSampleHasNoProblems() throws Exception {
        assertThat(ProjectValidator.validate(ProjectFiles.open(copySample()), GestureLibraryReaderTest.library())).isEmpty();
    }

    @Test
    void pathsThatLeaveTheProjectAreRefusedAtTheirLine() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        String json = Files.readString(file).replace("\"audio/hello.wav\"", "\"../../../etc/passwd\"")
                .replace("\"characters/mira\"", "\"/etc\"");
        Files.writeString(file, json);
        var problems = ProjectValidator.validate(ProjectFiles.open(folder), GestureLibraryReaderTest.library());
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("leads outside");
            assertThat(p.line()).isEqualTo(ProjectJsonTest.lineOf(json, "\"audio\""));
            assertThat(p.hint()).contains("relative to the folder");
        }).anySatisfy(p -> {
            assertThat(p.message()).contains("is absolute");
            assertThat(p.line()).isEqualTo(ProjectJsonTest.lineOf(json, "\"sheet\""));
        });
    }

    @Test
    void symbolicLinksOutOfTheProjectAreRefused() throws Exception {
        Path folder = copySample();
        Path outside = Files.writeString(dir.resolve("secret.wav"), "x");
        Files.createSymbolicLink(folder.resolve("audio/link.wav"), outside);
        assertThatThrownBy(() -> ProjectFiles.open(folder).resolve("audio/link.wav"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the project folder");
    }

    @Test
    void missingMediaIsReportedWithWhereItWasLookedFor() throws Exception {
        Path folder = copySample();
        Files.delete(folder.resolve("audio/hello.wav"));
        assertThat(ProjectValidator.validate(ProjectFiles.open(folder), GestureLibraryReaderTest.library())).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("audio 'audio/hello.wav' does not exist")
                    .contains(folder.resolve("audio/hello.wav").toString());
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void anUnknownCharacterIsNamedWithTheOnesThereAre() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"character\": \"mira\"", "\"character\": \"bob\""));
        assertThat(ProjectValidator.validate(ProjectFiles.open(folder), GestureLibraryReaderTest.library())).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("character 'bob', which the project does not have");
            assertThat(p.hint()).isEqualTo("use one of ['mira', 'otto']");
        });
    }

    @Test
    void aProjectWithoutShotsIsAProblem() throws Exception {
        Path folder = copySample();
        Project p = ProjectFiles.open(folder).project();
        ProjectFiles.save(folder.resolve("project.json"), new Project("Empty", p.characters(), java.util.List.of(),
                Map.of()));
        assertThat(ProjectValidator.validate(ProjectFiles.open(folder), GestureLibraryReaderTest.library())).extracting(Problem::message)
                .containsExactly("the project has no shots");
    }
}
