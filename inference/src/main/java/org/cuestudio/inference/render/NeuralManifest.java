package org.cuestudio.inference.render;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cuestudio.core.render.CharacterSheetException;

/**
 * The {@code model.json} of a neural model folder (docs/model-contract.md): which TorchScript file to run, the
 * reference picture and the size it is fed at, the size the model draws and how that is fitted to the frame, the
 * inputs its {@code forward} takes in order, frames per call, the base seed, and who made it under which licence.
 *
 * @param folder    the model folder (absolute, normalised)
 * @param format    the manifest format version, {@value #FORMAT}
 * @param name      display name
 * @param model     the TorchScript file, inside the folder
 * @param reference the reference picture (PNG or JPEG), inside the folder
 * @param inputs    what {@code forward} takes, in order: {@code reference} and {@code controls}, optionally {@code seed}
 */
record NeuralManifest(Path folder, int format, String name, Path model, Path reference, int referenceWidth,
        int referenceHeight, int outputWidth, int outputHeight, Fit fit, int batch, long seed, List<String> inputs,
        String license, String author) {
    /** The manifest's file name in a model folder. */
    static final String FILE = "model.json";
    /** The only manifest format this version reads. */
    static final int FORMAT = 1;
    /** The largest side of the reference and output pictures. */
    static final int MAX_SIDE = 4096;
    /** The most frames a manifest may ask for per call. */
    static final int MAX_BATCH = 64;
    /** The largest TorchScript file loaded. */
    static final long MAX_MODEL_BYTES = 2L << 30;
    private static final Set<String> KEYS = Set.of("format", "name", "model", "reference", "output", "batch", "seed",
            "inputs", "license", "author");

    /** How the model's picture is fitted to a frame of another size. */
    enum Fit {
        /** Scaled to fit inside the frame keeping its aspect, centred; the margins are transparent. */
        CONTAIN,
        /** Scaled to cover the frame keeping its aspect, centred; what sticks out is cut. */
        COVER,
        /** Scaled to the frame's width and height independently. */
        STRETCH
    }

    /** Whether {@code folder} is a model folder (has a {@value #FILE}). */
    static boolean isModelFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** Reads and checks a model folder's manifest; errors name the folder and the file. */
    static NeuralManifest read(Path modelFolder) throws CharacterSheetException {
        Path folder = modelFolder.toAbsolutePath().normalize();
        Path file = folder.resolve(FILE);
        if (!Files.isDirectory(folder)) throw new CharacterSheetException("model folder " + folder + " does not exist");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CharacterSheetException("model folder " + folder + " has no " + FILE);
        } catch (IOException e) {
            throw new CharacterSheetException(file + " cannot be read: " + e.getMessage(), e);
        }
        JsonObject o;
        try (JsonReader reader = new JsonReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) throw new IOException("text after the object");
            if (!e.isJsonObject()) throw new IOException("not a JSON object");
            o = e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new CharacterSheetException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        Reader r = new Reader(file);
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) throw r.error("unknown key \"" + k + "\" (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
        }
        int format = r.integer(o, "format", 1, Integer.MAX_VALUE);
        if (format != FORMAT) throw r.error("format " + format + " is not supported; this version reads format " + FORMAT);
        String name = r.string(o, "name");
        Path model = r.file(o, "model", folder);
        JsonObject ref = r.object(o, "reference");
        Path reference = r.file(ref, "image", folder);
        int rw = r.integer(ref, "width", 1, MAX_SIDE);
        int rh = r.integer(ref, "height", 1, MAX_SIDE);
        JsonObject out = r.object(o, "output");
        int ow = r.integer(out, "width", 1, MAX_SIDE);
        int oh = r.integer(out, "height", 1, MAX_SIDE);
        Fit fit = Fit.CONTAIN;
        if (out.has("fit")) {
            String f = r.string(out, "fit");
            try {
                fit = Fit.valueOf(f.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("output.fit \"" + f + "\" is not one of contain, cover, stretch");
            }
        }
        int batch = o.has("batch") ? r.integer(o, "batch", 1, MAX_BATCH) : 1;
        long seed = 0;
        if (o.has("seed")) {
            JsonElement s = o.get("seed");
            try {
                seed = s.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (RuntimeException e) {
                throw r.error("seed must be a whole number (int64), got " + s);
            }
        }
        List<String> inputs = List.of("reference", "controls", "seed");
        if (o.has("inputs")) {
            List<String> list = new ArrayList<>();
            if (!o.get("inputs").isJsonArray()) throw r.error("inputs must be an array of names");
            for (JsonElement e : o.getAsJsonArray("inputs")) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw r.error("inputs must be names");
                list.add(e.getAsString());
            }
            if (!list.equals(List.of("reference", "controls", "seed")) && !list.equals(List.of("reference", "controls"))) {
                throw r.error("inputs must be [\"reference\", \"controls\", \"seed\"] or [\"reference\", \"controls\"], got "
                        + list);
            }
            inputs = List.copyOf(list);
        }
        String license = r.string(o, "license");
        String author = r.string(o, "author");
        try {
            long size = Files.size(model);
            if (size > MAX_MODEL_BYTES) throw r.error("model " + folder.relativize(model) + " is " + (size >> 20) + " MB; the most is " + (MAX_MODEL_BYTES >> 20) + " MB");
        } catch (IOException e) {
            throw r.error("model " + folder.relativize(model) + " cannot be read: " + e.getMessage());
        }
        return new NeuralManifest(folder, format, name, model, reference, rw, rh, ow, oh, fit, batch, seed, inputs,
                license, author);
    }

    /** Whether {@code forward} takes the seed. */
    boolean takesSeed() {
        return inputs.contains("seed");
    }

    /** The files whose bytes make the model's content hash, in a fixed order. */
    List<Path> files() {
        return List.of(folder.resolve(FILE), model, reference);
    }

    /** Typed reads of manifest fields with errors that name the file and the field. */
    private record Reader(Path file) {
        CharacterSheetException error(String message) {
            return new CharacterSheetException(file + ": " + message);
        }

        JsonElement required(JsonObject o, String key) throws CharacterSheetException {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) throw error("\"" + key + "\" is missing");
            return e;
        }

        JsonObject object(JsonObject o, String key) throws CharacterSheetException {
            JsonElement e = required(o, key);
            if (!e.isJsonObject()) throw error("\"" + key + "\" must be an object");
            return e.getAsJsonObject();
        }

        String string(JsonObject o, String key) throws CharacterSheetException {
            JsonElement e = required(o, key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
                throw error("\"" + key + "\" must be a non-empty string");
            }
            return e.getAsString();
        }

        int integer(JsonObject o, String key, int min, int max) throws CharacterSheetException {
            JsonElement e = required(o, key);
            int v;
            try {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new NumberFormatException();
                v = e.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
            } catch (RuntimeException ex) {
                throw error("\"" + key + "\" must be a whole number, got " + e);
            }
            if (v < min || v > max) throw error("\"" + key + "\" must be in " + min + ".." + max + ", got " + v);
            return v;
        }

        /** A file named relative to the folder, which must stay inside it (also through links) and exist. */
        Path file(JsonObject o, String key, Path folder) throws CharacterSheetException {
            String s = string(o, key);
            Path p;
            try {
                p = Path.of(s);
            } catch (RuntimeException e) {
                throw error("\"" + key + "\" is not a file name: " + s);
            }
            if (p.isAbsolute() || s.contains("..")) throw error("\"" + key + "\" must be a file inside the model folder, got " + s);
            Path f = folder.resolve(p).normalize();
            if (!Files.isRegularFile(f)) throw error("\"" + key + "\" names " + s + ", which is not a file in " + folder);
            try {
                if (!f.toRealPath().startsWith(folder.toRealPath(LinkOption.NOFOLLOW_LINKS).toRealPath())) {
                    throw error("\"" + key + "\" names " + s + ", which leaves the model folder");
                }
            } catch (IOException e) {
                throw error("\"" + key + "\" names " + s + ", which cannot be read: " + e.getMessage());
            }
            return f;
        }
    }
}
