package org.cuestudio.core.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The content hash of a shot as a take renders it, recorded in every {@link Take} so that the takes list can say
 * whether the shot has changed since: SHA-256 of a canonical text of everything in the project that decides the
 * performance of the shot — its recording (path), frame rate and size, every cue of its own character and of its
 * partners, and the sheet, personality and reaction delay of each character in it. Names, metadata, takes and
 * objects from newer releases do not count. The text lists record components in declaration order and map entries
 * sorted by key, so equal shots give equal hashes on every machine and run.
 *
 * <p>The recording is named by its path, not its bytes: a recording replaced under the same name keeps the hash
 * (takes record the audio's own hash in their metadata for that).
 */
public final class ShotHash {
    /** Prefix of the canonical text; change it when the text changes, so that old takes read as changed. */
    static final String VERSION = "cue-shot-hash/1";

    private ShotHash() {}

    /** The hash of shot {@code shotId} of the project, 64 lower-case hex digits. */
    public static String of(Project project, String shotId) {
        return sha256(canonical(project, project.requireShot(shotId)));
    }

    /** The canonical text the hash is taken of (for tests and for explaining a difference). */
    static String canonical(Project project, Shot shot) {
        StringBuilder out = new StringBuilder(VERSION).append('\n');
        field(out, "audio", shot.audio());
        field(out, "character", shot.characterId());
        field(out, "frameRate", shot.frameRate().toString());
        field(out, "resolution", shot.resolution().toString());
        field(out, "tracks", value(shot.tracks()));
        field(out, "partners", value(shot.partners()));
        for (String id : shot.cast()) {
            Character c = project.requireCharacter(id);
            field(out, "cast." + id, value(List.of(c.sheet(), c.personality(), c.reactionDelay())));
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }

    /** A value as canonical text: records by their type and components, maps sorted by key, text quoted. */
    private static String value(@Nullable Object v) {
        StringBuilder out = new StringBuilder();
        append(out, v);
        return out.toString();
    }

    private static void append(StringBuilder out, @Nullable Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Enum<?> e -> out.append(e.name());
            case Double d -> out.append(Double.toString(d));
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> m -> {
                List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
                entries.sort((a, b) -> key(a.getKey()).compareTo(key(b.getKey())));
                out.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) out.append(',');
                    quote(out, key(entries.get(i).getKey()));
                    out.append(':');
                    append(out, entries.get(i).getValue());
                }
                out.append('}');
            }
            case Collection<?> c -> {
                out.append('[');
                int i = 0;
                for (Object o : c) {
                    if (i++ > 0) out.append(',');
                    append(out, o);
                }
                out.append(']');
            }
            case Record r -> {
                out.append(r.getClass().getSimpleName()).append('(');
                RecordComponent[] parts = r.getClass().getRecordComponents();
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) out.append(',');
                    out.append(parts[i].getName()).append('=');
                    append(out, component(r, parts[i]));
                }
                out.append(')');
            }
            default -> quote(out, v.toString());
        }
    }

    private static String key(Object k) {
        return k instanceof Enum<?> e ? e.name() : String.valueOf(k);
    }

    private static @Nullable Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') out.append('\\');
            out.append(ch);
        }
        out.append('"');
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
