package org.cuestudio.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cuestudio.format.cache.CacheBudget;
import org.jspecify.annotations.Nullable;

/**
 * The studio's own settings, which belong to the user and the machine, not to a project: recently opened projects,
 * the theme, the render device and the segment cache budget. Kept as JSON in {@code settings.json} under
 * {@code $XDG_CONFIG_HOME/cue-studio} (else {@code ~/.config/cue-studio}), or the file the system property
 * {@value #FILE_PROPERTY} names. A missing or damaged file gives the defaults and a note ({@link #problem()}):
 * settings are a convenience and never stop the studio. Not thread-safe: used on the JavaFX thread.
 */
public final class StudioSettings {
    /** System property naming the settings file (tests, portable installs). */
    public static final String FILE_PROPERTY = "cue.settings";
    /** How many recent projects are kept. */
    public static final int MAX_RECENT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The look of the window. */
    public enum Theme { DARK, LIGHT }

    /** Where frames are rendered. */
    public enum Device {
        /** A GPU when PyTorch can use one, else the CPU. */
        AUTO,
        /** Always the CPU (e.g. to leave the GPU to other work). */
        CPU
    }

    private final @Nullable Path file;
    private final List<Path> recent = new ArrayList<>();
    private Theme theme = Theme.DARK;
    private Device device = Device.AUTO;
    private long cacheBytes = CacheBudget.DEFAULT_MAX_BYTES;
    private @Nullable String problem;

    private StudioSettings(@Nullable Path file) {
        this.file = file;
    }

    /** Settings kept only in memory (screenshots, tests): the defaults, never written. */
    public static StudioSettings inMemory() {
        return new StudioSettings(null);
    }

    /** The user's settings file, read now. */
    public static StudioSettings load() {
        return load(defaultFile());
    }

    /** The settings in {@code file}, read now; the defaults when it is missing or damaged. */
    public static StudioSettings load(Path file) {
        StudioSettings s = new StudioSettings(file);
        if (!Files.exists(file)) return s;
        try {
            if (Files.size(file) > 1 << 20) throw new IOException("the file is larger than 1 MB");
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) throw new IOException("not a JSON object");
            for (JsonNode r : root.path("recentProjects")) {
                if (!r.isTextual()) continue;
                try {
                    if (s.recent.size() < MAX_RECENT) s.recent.add(Path.of(r.asText()));
                } catch (InvalidPathException ignored) {
                    // a path this machine cannot name is not offered
                }
            }
            s.theme = parse(Theme.class, root.path("theme").asText(""), Theme.DARK);
            s.device = parse(Device.class, root.path("renderDevice").asText(""), Device.AUTO);
            String cache = root.path("cacheBudget").asText("");
            if (!cache.isBlank()) s.cacheBytes = CacheBudget.parse(cache);
        } catch (IOException | IllegalArgumentException e) {
            s.problem = "Settings in " + file + " could not be read (" + e.getMessage() + "); using the defaults";
        }
        return s;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text.isBlank()) return fallback;
        return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    }

    /** Where the settings live unless {@value #FILE_PROPERTY} says otherwise. */
    public static Path defaultFile() {
        String explicit = System.getProperty(FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("cue-studio").resolve("settings.json");
    }

    /** Writes the settings atomically; a failure is returned as a message (the settings stay in memory). */
    public Optional<String> save() {
        if (file == null) return Optional.empty();
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "StudioSettings.1");
        ArrayNode r = root.putArray("recentProjects");
        recent.forEach(p -> r.add(p.toString()));
        root.put("theme", theme.name().toLowerCase(Locale.ROOT));
        root.put("renderDevice", device.name().toLowerCase(Locale.ROOT));
        root.put("cacheBudget", Long.toString(cacheBytes));
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            org.cuestudio.app.TextFiles.writeAtomically(file, w -> w.write(json));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Could not save the settings to " + file + ": " + e.getMessage());
        }
    }

    /**
     * Applies the settings that take effect when the render backend and the caches start, as system properties:
     * only where the user did not set them on the command line ({@code -D} wins).
     */
    public void applyToSystemProperties() {
        if (System.getProperty(DEVICE_PROPERTY) == null && device == Device.CPU) System.setProperty(DEVICE_PROPERTY, "cpu");
        if (System.getProperty(CacheBudget.PROPERTY) == null && cacheBytes != CacheBudget.DEFAULT_MAX_BYTES) {
            System.setProperty(CacheBudget.PROPERTY, Long.toString(cacheBytes));
        }
    }

    /** The system property the render backend reads: {@code cpu} keeps it off the GPU. */
    public static final String DEVICE_PROPERTY = "cue.render.device";

    /** Puts a project first among the recent ones (by its folder). */
    public void opened(Path projectFolder) {
        Path p = projectFolder.toAbsolutePath().normalize();
        recent.remove(p);
        recent.addFirst(p);
        while (recent.size() > MAX_RECENT) recent.removeLast();
    }

    /** Forgets a recent project (it could not be opened). */
    public void forget(Path projectFolder) {
        recent.remove(projectFolder.toAbsolutePath().normalize());
    }

    public List<Path> recentProjects() {
        return List.copyOf(recent);
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    public Device device() {
        return device;
    }

    public void setDevice(Device device) {
        this.device = device;
    }

    public long cacheBytes() {
        return cacheBytes;
    }

    /** Sets the segment cache budget; at least 64 MB. */
    public void setCacheBytes(long bytes) {
        if (bytes < 64L << 20) throw new IllegalArgumentException("the cache budget must be at least 64M");
        this.cacheBytes = bytes;
    }

    /** Why the settings file was not used, if it was not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
