package org.cuestudio.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Ids;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * Makes a new project from a dialogue recording and a character sheet: a folder with {@code project.json}, the
 * recording copied into {@code audio/}, the sheet into {@code characters/<id>/}, one character (named, and with the
 * personality, its sheet's {@code character.json} gives) and one shot of that recording with empty cue tracks. The
 * copies keep the project self-contained, so it can be moved or sent as one folder. Nothing is left behind when it
 * fails: a half-made folder is removed.
 */
public final class NewProject {
    /** The most a sheet folder may hold, so a wrong folder (a home folder) is refused rather than copied. */
    static final long MAX_SHEET_BYTES = 512L << 20;
    static final int MAX_SHEET_FILES = 2000;

    private NewProject() {}

    /**
     * What to make.
     *
     * @param folder the new project folder; it must not exist, or be empty
     * @param name the project's name, or null for the folder's name
     * @param audio the dialogue recording (any format the studio decodes)
     * @param sheet a character sheet: a folder with {@code character.json}, or a {@code .zip} of one
     */
    public record Request(Path folder, @Nullable String name, Path audio, Path sheet, FrameRate frameRate,
            Resolution resolution) {
        public Request(Path folder, Path audio, Path sheet) {
            this(folder, null, audio, sheet, FrameRate.FPS_25, Resolution.HD);
        }
    }

    /** Makes the project and opens it. */
    public static LoadedProject create(Request r) throws ProjectFormatException, IOException {
        Path folder = r.folder().toAbsolutePath().normalize();
        Path audio = r.audio().toAbsolutePath().normalize();
        Path sheet = r.sheet().toAbsolutePath().normalize();
        if (!Files.isRegularFile(audio)) {
            throw new ProjectFormatException(audio, Files.exists(audio) ? "is not a file" : "no such file",
                    "choose the dialogue recording (WAV, MP3, M4A, FLAC or OGG)");
        }
        Path sheetJson = Files.isDirectory(sheet) ? sheet.resolve("character.json") : sheet;
        boolean zip = !Files.isDirectory(sheet) && sheet.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (!zip && !Files.isRegularFile(sheetJson)) {
            throw new ProjectFormatException(sheet, "is not a character sheet",
                    "a character sheet is a folder with character.json in it, or a .zip of that folder");
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new ProjectFormatException(folder, Files.isDirectory(folder) ? "already holds files" : "is a file",
                    "choose a new folder for the project");
        }
        SheetInfo info = zip ? new SheetInfo(stem(sheet), Personality.DEFAULT) : readSheet(sheetJson);
        String characterId = id(info.name(), "character");
        String shotId = id(stem(audio), "shot");
        String projectName = r.name() != null && !r.name().isBlank() ? r.name().strip() : folder.getFileName().toString();
        boolean created = !Files.exists(folder);
        try {
            Files.createDirectories(folder.resolve("audio"));
            Path audioCopy = folder.resolve("audio").resolve(audio.getFileName().toString());
            Files.copy(audio, audioCopy);
            String sheetPath;
            if (zip) {
                Path dir = Files.createDirectories(folder.resolve("characters"));
                Files.copy(sheet, dir.resolve(characterId + ".zip"));
                sheetPath = "characters/" + characterId + ".zip";
            } else {
                copySheet(sheet, folder.resolve("characters").resolve(characterId));
                sheetPath = "characters/" + characterId;
            }
            Character character = new Character(characterId, info.name(), sheetPath, info.personality(), Map.of());
            Shot shot = new Shot(shotId, stem(audio), "audio/" + audioCopy.getFileName(), characterId, r.frameRate(),
                    r.resolution(), List.of(), List.of(), Map.of());
            Project project = new Project(projectName, List.of(character), List.of(shot), Map.of());
            Path file = folder.resolve(ProjectFiles.PROJECT_FILE);
            ProjectFiles.save(file, project);
            return ProjectFiles.open(file);
        } catch (IOException | ProjectFormatException | RuntimeException e) {
            removeQuietly(folder, created);
            throw e;
        }
    }

    private record SheetInfo(String name, Personality personality) {}

    /** The sheet's name and personality from its character.json (the personality is optional). */
    static SheetInfo readSheet(Path json) throws ProjectFormatException {
        JsonNode root;
        try {
            if (Files.size(json) > (1 << 20)) {
                throw new ProjectFormatException(json, "is too large to be a character sheet description");
            }
            root = ProjectReader.TREES.readTree(Files.readAllBytes(json));
        } catch (IOException e) {
            throw new ProjectFormatException(json, "cannot read: " + e.getMessage(),
                    "a character sheet's character.json must be JSON; see docs/character-sheets.md");
        }
        if (root == null || !root.isObject()) {
            throw new ProjectFormatException(json, "is not a JSON object", "see docs/character-sheets.md");
        }
        String name = root.path("name").asText("").strip();
        if (name.isEmpty()) name = json.getParent().getFileName().toString();
        Personality p = Personality.DEFAULT;
        JsonNode pj = root.path("personality");
        if (pj.isObject()) {
            try {
                p = new Personality(d(pj, "expressiveness"), d(pj, "gestureRate"), d(pj, "blinkRate"),
                        d(pj, "gazeSteadiness"), d(pj, "energy"));
            } catch (IllegalArgumentException e) {
                throw new ProjectFormatException(json, "personality: " + e.getMessage(), "each trait is 0 to 1");
            }
        }
        return new SheetInfo(name, p);
    }

    private static double d(JsonNode o, String field) {
        return o.path(field).asDouble(0.5);
    }

    /** An id from a name: ASCII letters and digits, words joined by '-', lower case; {@code fallback} if none. */
    static String id(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > Ids.MAX_LENGTH) id = id.substring(0, Ids.MAX_LENGTH).replaceAll("-+$", "");
        return Ids.isValid(id) ? id : fallback;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return false;
        try (var s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    /** Copies a sheet folder; links are refused and the size is bounded (a wrong folder is not copied whole). */
    private static void copySheet(Path from, Path to) throws IOException, ProjectFormatException {
        long[] bytes = {0};
        int[] files = {0};
        Files.createDirectories(to);
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink() || Files.isSymbolicLink(file)) {
                        throw new SheetTooBig(file + " is a link; a character sheet holds plain files only");
                    }
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                    bytes[0] += attrs.size();
                    if (++files[0] > MAX_SHEET_FILES || bytes[0] > MAX_SHEET_BYTES) {
                        throw new SheetTooBig("holds more than " + MAX_SHEET_FILES + " files or "
                                + (MAX_SHEET_BYTES >> 20) + " MB");
                    }
                    Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (SheetTooBig e) {
            throw new ProjectFormatException(from, e.getMessage(), "choose the folder of one character sheet");
        }
    }

    private static final class SheetTooBig extends IOException {
        private static final long serialVersionUID = 1L;

        SheetTooBig(String message) {
            super(message);
        }
    }

    private static void removeQuietly(Path folder, boolean whole) {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!whole && p.equals(folder)) continue;
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the error that stopped the creation is what the user needs to see
        }
    }
}
