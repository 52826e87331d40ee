package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cuestudio.core.render.CharacterSheetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetArchiveTest {
    @TempDir
    Path dir;

    /** Zips a sheet folder, each entry under {@code prefix}. */
    private Path zipOf(Path folder, String prefix) throws IOException {
        Path zip = dir.resolve("sheet.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    private Path zipWith(String entryName) throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("character.json"));
            z.write("{}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(entryName));
            z.write("owned".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void aZippedSheetLoadsLikeItsFolderWithOrWithoutAWrappingFolder() throws Exception {
        CharacterSheet fromFolder = CharacterSheetLoader.load(TestSheets.blocky());
        for (String prefix : new String[] {"", "blocky/"}) {
            CharacterSheet fromZip = CharacterSheetLoader.load(zipOf(TestSheets.blocky(), prefix));
            assertThat(fromZip.name()).isEqualTo(fromFolder.name());
            assertThat(fromZip.contentHash()).isEqualTo(fromFolder.contentHash());
            assertThat(fromZip.sprites()).hasSameSizeAs(fromFolder.sprites());
        }
    }

    @Test
    void entriesThatClimbOutOfTheFolderAreRefusedAndNothingIsWrittenOutside() throws Exception {
        assertThatThrownBy(() -> CharacterSheetLoader.load(zipWith("../../escaped.txt")))
                .isInstanceOf(CharacterSheetException.class).hasMessageContaining("outside the sheet folder");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void absoluteEntryNamesAreRefused() throws Exception {
        assertThatThrownBy(() -> CharacterSheetLoader.load(zipWith("/tmp/absolute.txt")))
                .isInstanceOf(CharacterSheetException.class).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> SheetArchive.inside(dir, "C:\\Windows\\x.dll", dir.resolve("a.zip")))
                .isInstanceOf(CharacterSheetException.class).hasMessageContaining("absolute path");
    }

    @Test
    void aFileThatIsNotAZipSaysSo() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.zip"), "this is not a zip archive");
        assertThatThrownBy(() -> CharacterSheetLoader.load(fake)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("fake.zip");
    }
}
