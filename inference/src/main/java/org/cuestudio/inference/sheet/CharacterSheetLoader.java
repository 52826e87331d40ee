package org.cuestudio.inference.sheet;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.render.CharacterSheetException;
import org.jspecify.annotations.Nullable;

/**
 * Loads a character sheet folder (docs/character-sheets.md): reads {@code character.json}, checks that its art
 * path stays inside the folder, parses the layered art (SVG, OpenRaster or PSD) into a {@link Rig} of named layers
 * and measures every sprite; a PNG or JPEG art file makes a single-portrait sheet, whose {@code "landmarks"} are
 * read and checked against the picture.
 * Every failure is a {@link CharacterSheetException} whose message names the file and what is wrong.
 */
public final class CharacterSheetLoader {
    /** The sheet's description file inside the folder. */
    public static final String SHEET_FILE = "character.json";
    /** The type tag this loader reads. */
    public static final String SHEET_TYPE = "CharacterSheet.1";
    /** Larger art files are refused. */
    public static final long MAX_ART_BYTES = 32L * 1024 * 1024;
    static final long MAX_JSON_BYTES = 1024 * 1024;

    private CharacterSheetLoader() {
    }

    /** Loads the sheet in {@code folder}, or in a zip archive of that folder ({@code .zip}, unpacked safely). */
    public static CharacterSheet load(Path folder) throws CharacterSheetException {
        if (Files.isRegularFile(folder) && folder.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return loadZip(folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new CharacterSheetException("character sheet folder " + folder + " does not exist or is not a folder");
        }
        Path jsonFile = folder.resolve(SHEET_FILE);
        byte[] jsonBytes = read(jsonFile, MAX_JSON_BYTES, SHEET_FILE + " in " + folder);
        JsonObject json = parseJson(jsonBytes, jsonFile);

        String type = string(json, "type", jsonFile);
        if (type != null && !type.equals(SHEET_TYPE)) {
            throw new CharacterSheetException(jsonFile + ": unsupported type '" + type + "' (this version reads " + SHEET_TYPE + ")");
        }
        String name = string(json, "name", jsonFile);
        if (name == null || name.isBlank()) name = folder.getFileName() == null ? "character" : folder.getFileName().toString();
        String art = string(json, "art", jsonFile);
        if (art == null || art.isBlank()) {
            throw new CharacterSheetException(jsonFile + ": no \"art\" (the path of the layered art or the portrait picture)");
        }
        Path artFile = resolveInside(folder, art, jsonFile);
        String lower = art.toLowerCase(Locale.ROOT);
        boolean picture = lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        boolean ora = OraSheetParser.isOra(art);
        boolean psd = PsdSheetParser.isPsd(art);
        if (!lower.endsWith(".svg") && !ora && !psd && !picture) {
            throw new CharacterSheetException(jsonFile + ": art '" + art + "' is not a layered sheet (SVG .svg, OpenRaster "
                    + ".ora or Photoshop .psd) nor a PNG or JPEG picture (a single-portrait sheet)");
        }
        byte[] artBytes = read(artFile, MAX_ART_BYTES, "art file '" + art + "' named in " + jsonFile);
        if (picture) {
            var img = Portrait.decode(artBytes, artFile, "art");
            PortraitLandmarks landmarks = PortraitLandmarks.parse(json.get("landmarks"), jsonFile, img.getWidth(),
                    img.getHeight());
            Portrait portrait = new Portrait(img.getWidth(), img.getHeight(), Portrait.rgba(img), landmarks);
            Rig rig = new Rig(portrait.bounds(), List.of());
            return new CharacterSheet(folder, name, hash(jsonBytes, artBytes), personality(json, jsonFile),
                    metadata(json), rig, List.of(), portrait);
        }

        SvgSheetParser.Parsed parsed = ora ? OraSheetParser.parse(artFile)
                : psd ? PsdSheetParser.parse(artFile)
                : SvgSheetParser.parse(artBytes, artFile.toString());
        List<SpriteSource> sprites = new ArrayList<>(parsed.sprites().size());
        for (SpriteSource s : parsed.sprites()) {
            try {
                sprites.add(s.withBounds(SpriteRasterizer.measure(s, parsed.viewBox())));
            } catch (RuntimeException e) {
                throw new CharacterSheetException(artFile + ": cannot draw layer " + s.label() + ": " + e.getMessage(), e);
            }
        }
        List<RigNode> nodes = freeze(parsed.nodes(), sprites, parsed.viewBox());
        Rig rig = new Rig(parsed.viewBox(), nodes);
        return new CharacterSheet(folder, name, hash(jsonBytes, artBytes), personality(json, jsonFile),
                metadata(json), rig, sprites);
    }

    private static CharacterSheet loadZip(Path zip) throws CharacterSheetException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("cue-sheet-");
        } catch (java.io.IOException e) {
            throw new CharacterSheetException("cannot make a scratch folder to unpack " + zip + ": " + e.getMessage(), e);
        }
        try {
            // Everything the renderer needs is read into memory while loading, so the scratch folder can go.
            return load(SheetArchive.unpack(zip, scratch));
        } finally {
            SheetArchive.deleteQuietly(scratch);
        }
    }

    /** Resolves a relative path from character.json, refusing absolute paths and paths that leave the folder. */
    static Path resolveInside(Path folder, String relative, Path jsonFile) throws CharacterSheetException {
        String refusal = "character.json: art path '" + relative + "' in " + jsonFile + " ";
        Path p;
        try {
            p = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new CharacterSheetException(refusal + "is not a valid path", e);
        }
        if (p.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\") || p.getRoot() != null
                || relative.matches("^[A-Za-z]:.*")) {
            throw new CharacterSheetException(refusal + "is absolute; it must be relative to the sheet folder");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw new CharacterSheetException(refusal + "leaves the sheet folder ('..' is not allowed)");
            }
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(p).normalize();
        if (!resolved.startsWith(base)) throw new CharacterSheetException(refusal + "leaves the sheet folder");
        if (Files.exists(resolved)) {
            try {
                if (!resolved.toRealPath().startsWith(base.toRealPath())) {
                    throw new CharacterSheetException(refusal + "leaves the sheet folder through a link");
                }
            } catch (IOException e) {
                throw new CharacterSheetException(refusal + "cannot be read: " + e.getMessage(), e);
            }
        }
        return resolved;
    }

    private static byte[] read(Path file, long max, String what) throws CharacterSheetException {
        try {
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
            long size = Files.size(file);
            if (size > max) {
                throw new CharacterSheetException(what + " (" + file + ") is " + size + " bytes; the limit is " + max);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CharacterSheetException(what + " not found: " + file, e);
        } catch (IOException e) {
            throw new CharacterSheetException(what + " (" + file + ") cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonObject parseJson(byte[] bytes, Path file) throws CharacterSheetException {
        try (JsonReader reader = new JsonReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("text after the JSON object");
            if (!e.isJsonObject()) throw new JsonParseException("expected a JSON object");
            return e.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new CharacterSheetException(file + " is malformed JSON: " + e.getMessage(), e);
        }
    }

    private static @Nullable String string(JsonObject json, String key, Path file) throws CharacterSheetException {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) return null;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new CharacterSheetException(file + ": \"" + key + "\" must be a string");
        }
        return e.getAsString();
    }

    private static Personality personality(JsonObject json, Path file) throws CharacterSheetException {
        JsonElement e = json.get("personality");
        if (e == null || e.isJsonNull()) return Personality.DEFAULT;
        if (!e.isJsonObject()) throw new CharacterSheetException(file + ": \"personality\" must be an object");
        JsonObject p = e.getAsJsonObject();
        try {
            return new Personality(trait(p, "expressiveness"), trait(p, "gestureRate"), trait(p, "blinkRate"),
                    trait(p, "gazeSteadiness"), trait(p, "energy"));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            throw new CharacterSheetException(file + ": personality: " + ex.getMessage(), ex);
        }
    }

    private static double trait(JsonObject p, String key) {
        JsonElement e = p.get(key);
        if (e == null || e.isJsonNull()) return 0.5;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(key + " must be a number");
        }
        return e.getAsDouble();
    }

    private static Map<String, String> metadata(JsonObject json) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonElement e = json.get("metadata");
        if (e != null && e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                JsonElement v = m.getValue();
                out.put(m.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
        }
        return out;
    }

    private static String hash(byte[] json, byte[] art) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(json);
            d.update(art);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Attaches measured bounds, drops art that draws nothing and fills in default pivots. */
    private static List<RigNode> freeze(List<SvgSheetParser.Raw> raws, List<SpriteSource> sprites, CanvasRect viewBox) {
        List<RigNode> out = new ArrayList<>(raws.size());
        for (SvgSheetParser.Raw r : raws) {
            switch (r) {
                case SvgSheetParser.RawArt a -> {
                    CanvasRect b = sprites.get(a.sprite()).bounds();
                    if (b != null) out.add(new RigNode.Art(a.sprite(), b));
                }
                case SvgSheetParser.RawPart p -> {
                    List<RigNode> children = freeze(p.children(), sprites, viewBox);
                    CanvasRect bounds = null;
                    for (RigNode c : children) {
                        CanvasRect b = c.bounds();
                        if (b != null) bounds = bounds == null ? b : bounds.union(b);
                    }
                    CanvasPoint pivot = p.pivot();
                    boolean hasPivot = pivot != null;
                    if (pivot == null) {
                        CanvasRect around = bounds != null ? bounds : viewBox;
                        pivot = new CanvasPoint(around.centerX(), around.centerY());
                    }
                    out.add(new RigNode.Part(p.kind(), p.side(), p.key(), p.label(), pivot, hasPivot, bounds, children));
                }
            }
        }
        return out;
    }
}
