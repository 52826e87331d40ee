package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cuestudio.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path dir;

    private Path copySample() throws Exception {
        Path folder = dir.resolve("hello");
        Path src = ProjectJsonTest.SAMPLE.getParent();
        try (var files = Files.walk(src)) {
            for (Path p : files.filter(p -> !p.toString().contains("/cache")).toList()) {
                Path to = folder.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return folder;
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
        Project renamed = new Project("Renamed", lp.project().characters(), lp.project().shots(), Map.of());
        ProjectFiles.save(lp.file(), renamed);
        assertThat(ProjectFiles.open(folder).project().name()).isEqualTo("Renamed");
        assertThat(Files.readAllBytes(folder.resolve("project.json.bak"))).isEqualTo(original);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void missingProjectSaysWhatIsMissing() {
        assertThatThrownBy(() -> ProjectFiles.open(dir)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining(dir.resolve("project.json").toString()).hasMessageContaining("no such file");
    }

    @Test
    void validSampleHasNoProblems() throws Exception {
        assertThat(ProjectValidator.validate(ProjectFiles.open(copySample()))).isEmpty();
    }

    @Test
    void pathsThatLeaveTheProjectAreRefused() throws Exception {
        Path folder = copySample();
        Path file = folder.resolve("project.json");
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"audio/hello.wav\"", "\"../../../etc/passwd\"")
                .replace("\"characters/mira\"", "\"/etc\""));
        var problems = ProjectValidator.validate(ProjectFiles.open(folder));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("leads outside"))
                .anySatisfy(m -> assertThat(m).contains("is absolute"));
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
    void missingMediaIsReported() throws Exception {
        Path folder = copySample();
        Files.delete(folder.resolve("audio/hello.wav"));
        assertThat(ProjectValidator.validate(ProjectFiles.open(folder))).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("audio 'audio/hello.wav' does not exist"));
    }
}
