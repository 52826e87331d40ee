package org.cuestudio.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundImageTest {
    @TempDir
    Path dir;

    @Test
    void aPictureIsKnownByTheHashOfItsBytes() throws IOException {
        Path a = Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.png"), new byte[] {1, 2, 4});
        assertThat(BackgroundImage.of(a).contentHash()).hasSize(64).isNotEqualTo(BackgroundImage.of(b).contentHash());
        assertThat(BackgroundImage.of(a).file()).isAbsolute();
    }

    @Test
    void aMissingPictureIsRefusedByName() {
        Path missing = dir.resolve("sky.jpg");
        assertThatThrownBy(() -> BackgroundImage.of(missing)).isInstanceOf(BackgroundImageException.class)
                .hasMessageContaining("sky.jpg").hasMessageContaining("no such file");
    }
}
