package org.cuestudio.inference.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.cuestudio.core.render.CharacterSheetException;

/**
 * Unpacks a zipped character sheet into a scratch folder safely: no entry may land outside it (zip-slip: absolute
 * names, {@code ..}, drive letters), and sizes and entry counts are capped so a zip bomb cannot fill the disk.
 */
final class SheetArchive {
    /** Most bytes a sheet archive may unpack to. */
    static final long MAX_UNPACKED_BYTES = 128L * 1024 * 1024;
    /** Most entries a sheet archive may hold. */
    static final int MAX_ENTRIES = 10_000;

    private SheetArchive() {
    }

    /**
     * Unpacks {@code zip} into {@code target} (an empty folder) and returns the sheet folder inside it: the target
     * itself, or its single top-level folder when the archive wraps the sheet in one.
     */
    static Path unpack(Path zip, Path target) throws CharacterSheetException {
        Path base = target.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new CharacterSheetException(zip + ": more than " + MAX_ENTRIES + " entries; not a character sheet");
                }
                Path to = inside(base, e.getName(), zip);
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (OutputStream out = Files.newOutputStream(to)) {
                    for (int n; (n = z.read(buf)) > 0; ) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            throw new CharacterSheetException(zip + ": unpacks to more than " + MAX_UNPACKED_BYTES
                                    + " bytes; refused");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw new CharacterSheetException(zip + ": not a valid zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CharacterSheetException(zip + ": cannot unpack: " + e.getMessage(), e);
        }
        if (entries == 0) throw new CharacterSheetException(zip + ": the archive is empty or not a zip file");
        return sheetFolder(base);
    }

    /** Where an entry goes, or an exception if its name would leave the target folder. */
    static Path inside(Path base, String name, Path zip) throws CharacterSheetException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            throw new CharacterSheetException(zip + ": entry '" + name + "' has an absolute path; refused");
        }
        Path to = base.resolve(n).normalize();
        if (!to.startsWith(base) || to.equals(base)) {
            throw new CharacterSheetException(zip + ": entry '" + name + "' would be written outside the sheet folder; "
                    + "refused");
        }
        return to;
    }

    private static Path sheetFolder(Path base) throws CharacterSheetException {
        if (Files.isRegularFile(base.resolve(CharacterSheetLoader.SHEET_FILE))) return base;
        try (Stream<Path> children = Files.list(base)) {
            var dirs = children.filter(Files::isDirectory).toList();
            if (dirs.size() == 1 && Files.isRegularFile(dirs.get(0).resolve(CharacterSheetLoader.SHEET_FILE))) {
                return dirs.get(0);
            }
        } catch (IOException e) {
            throw new CharacterSheetException(base + ": cannot list the unpacked sheet: " + e.getMessage(), e);
        }
        return base;
    }

    /** Deletes a scratch folder and everything in it; failures are ignored (it is only scratch space). */
    static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
