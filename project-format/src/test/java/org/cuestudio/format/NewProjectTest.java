package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Shot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProjectTest {
    @TempDir
    Path dir;

    private Path sheet(String json) throws Exception {
        Path s = Files.createDirectories(dir.resolve("sheets/Grace Hopper"));
        Files.writeString(s.resolve("character.json"), json);
        Files.writeString(s.resolve("character.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createDirectories(s.resolve("textures"));
        Files.writeString(s.resolve("textures/skin.txt"), "x");
        return s;
    }

    private Path audio() throws Exception {
        Path a = dir.resolve("Take 3 – Élan.wav");
        Files.write(a, new byte[] {1, 2, 3});
        return a;
    }

    @Test
    void makesASelfContainedProjectWithOneCharacterAndOneShot() throws Exception {
        Path sheet = sheet("""
                {"type": "CharacterSheet.1", "name": "Grace Hopper", "art": "character.svg",
                 "personality": {"expressiveness": 0.9, "gestureRate": 0.2, "blinkRate": 0.4, "gazeSteadiness": 0.7, "energy": 0.8}}
                """);
        LoadedProject lp = NewProject.create(new NewProject.Request(dir.resolve("My Film"), audio(), sheet));
        assertThat(lp.project().name()).isEqualTo("My Film");
        assertThat(lp.file()).isEqualTo(dir.resolve("My Film/project.json"));
        var c = lp.project().characters().getFirst();
        assertThat(c.id()).isEqualTo("grace-hopper");
        assertThat(c.name()).isEqualTo("Grace Hopper");
        assertThat(c.personality().expressiveness()).isEqualTo(0.9);
        assertThat(c.sheet()).isEqualTo("characters/grace-hopper");
        assertThat(dir.resolve("My Film/characters/grace-hopper/textures/skin.txt")).exists();
        Shot s = lp.project().shots().getFirst();
        assertThat(s.id()).isEqualTo("take-3-elan");
        assertThat(s.audio()).isEqualTo("audio/Take 3 – Élan.wav");
        assertThat(dir.resolve("My Film").resolve(s.audio())).exists();
        assertThat(s.characterId()).isEqualTo("grace-hopper");
        assertThat(s.track(CueLane.EMOTION).cues()).isEmpty();
        // it opens again from disk and validates
        assertThat(ProjectFiles.open(dir.resolve("My Film")).project()).isEqualTo(lp.project());
    }

    @Test
    void refusesAFolderThatHoldsFilesAndTouchesNothing() throws Exception {
        Path target = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, audio(), sheet("{\"name\": \"A\"}"))))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining("busy").hasMessageContaining("already holds files");
        try (var s = Files.list(target)) {
            assertThat(s.toList()).containsExactly(target.resolve("notes.txt"));
        }
    }

    @Test
    void badInputGivesClearErrorsAndLeavesNoHalfMadeFolder() throws Exception {
        Path target = dir.resolve("new");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, dir.resolve("missing.wav"),
                sheet("{}")))).hasMessageContaining("missing.wav").hasMessageContaining("no such file");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, audio(), dir)))
                .hasMessageContaining("is not a character sheet");
        Path broken = sheet("{ not json");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, audio(), broken)))
                .hasMessageContaining("character.json").hasMessageContaining("cannot read");
        Path badTrait = sheet("{\"name\": \"X\", \"personality\": {\"energy\": 7}}");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, audio(), badTrait)))
                .hasMessageContaining("personality");
        assertThat(target).doesNotExist();
    }

    @Test
    void aLinkInsideTheSheetIsRefusedAndTheFolderIsRemoved() throws Exception {
        Path sheet = sheet("{\"name\": \"Linky\"}");
        Files.createSymbolicLink(sheet.resolve("escape"), Path.of("/etc/passwd"));
        Path target = dir.resolve("linked");
        assertThatThrownBy(() -> NewProject.create(new NewProject.Request(target, audio(), sheet)))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining("is a link");
        assertThat(target).doesNotExist();
    }

    @Test
    void idsComeFromNamesAndFallBackWhenNothingIsLeft() {
        assertThat(NewProject.id("Señor Ñoño 2", "x")).isEqualTo("senor-nono-2");
        assertThat(NewProject.id("???", "character")).isEqualTo("character");
        assertThat(NewProject.id("a".repeat(100), "x")).hasSize(64);
    }
}
