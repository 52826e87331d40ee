package org.cuestudio.core.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.cuestudio.core.time.Ticks;

/**
 * Scripted triggers, for the CLI and tests: one trigger a line, {@code time,kind,value[,intensity]} with the time
 * in seconds of the input audio, the kind {@code emotion} or {@code gesture}, the value an emotion's name or a
 * gesture's id, and an optional intensity 0-1 (default {@value Trigger#DEFAULT_INTENSITY}). Blank lines and lines
 * starting with {@code #} are ignored. Errors name the source and the line.
 *
 * <pre>
 * # time,kind,value[,intensity]
 * 1.5,emotion,joy
 * 3.0,gesture,open-palms,0.9
 * </pre>
 */
public final class TriggerScript {
    private TriggerScript() {}

    /**
     * Parses a script.
     *
     * @param source names the script in error messages (a file name)
     * @param gestureKnown whether a gesture id is in the library
     * @throws IllegalArgumentException naming the source, the line number and what is wrong
     */
    public static List<Trigger> parse(String text, String source, Predicate<String> gestureKnown) {
        List<Trigger> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + " line " + (i + 1) + " ('" + line + "'): ";
            String[] f = line.split(",", -1);
            if (f.length < 3 || f.length > 4) {
                throw new IllegalArgumentException(where + "expected time,kind,value[,intensity], got " + f.length
                        + " field" + (f.length == 1 ? "" : "s"));
            }
            double seconds;
            try {
                seconds = Double.parseDouble(f[0].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "the time '" + f[0].strip() + "' is not a number of seconds");
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException(where + "the time must be 0 or more seconds, got " + f[0].strip());
            }
            String kindText = f[1].strip().toLowerCase(Locale.ROOT);
            Trigger.Kind kind = switch (kindText) {
                case "emotion" -> Trigger.Kind.EMOTION;
                case "gesture" -> Trigger.Kind.GESTURE;
                default -> throw new IllegalArgumentException(where + "unknown kind '" + f[1].strip()
                        + "' (use emotion or gesture)");
            };
            String value = f[2].strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) throw new IllegalArgumentException(where + "the " + kindText + " is missing");
            if (kind == Trigger.Kind.GESTURE && !gestureKnown.test(value)) {
                throw new IllegalArgumentException(where + "unknown gesture '" + value
                        + "' (cue gestures lists the library)");
            }
            double intensity = Trigger.DEFAULT_INTENSITY;
            if (f.length == 4) {
                try {
                    intensity = Double.parseDouble(f[3].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "the intensity '" + f[3].strip() + "' is not a number");
                }
            }
            try {
                out.add(new Trigger(Ticks.ofSeconds(seconds), kind, value, intensity));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        out.sort(Comparator.comparingLong(Trigger::ticks));
        return List.copyOf(out);
    }
}
