package org.cuestudio.inference.media;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * Runs the {@code ffprobe} executable that ships inside the FFmpeg jar and returns its JSON report as maps, so
 * tests check the file as any other tool would see it rather than through the code that wrote it.
 */
final class Ffprobe {
    private final Map<String, Object> report;

    private Ffprobe(Map<String, Object> report) {
        this.report = report;
    }

    /** Probes streams and format of a media file. */
    static Ffprobe probe(Path file) throws IOException, InterruptedException {
        String executable = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        Process process = new ProcessBuilder(executable, "-v", "error", "-print_format", "json", "-show_streams",
                "-show_format", "-count_frames", file.toString()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffprobe failed on " + file + ": " + err);
        }
        Map<String, Object> parsed = new Gson().fromJson(new String(out, StandardCharsets.UTF_8),
                new TypeToken<Map<String, Object>>() { }.getType());
        return new Ffprobe(parsed);
    }

    /** The first stream of a type ("video" or "audio"), or an exception naming what the file has. */
    @SuppressWarnings("unchecked")
    Map<String, Object> stream(String codecType) {
        for (Map<String, Object> s : streams()) {
            if (codecType.equals(s.get("codec_type"))) return s;
        }
        throw new AssertionError("no " + codecType + " stream in " + report);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> streams() {
        return (List<Map<String, Object>>) report.get("streams");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> format() {
        return (Map<String, Object>) report.get("format");
    }

    /** A numeric field that ffprobe prints as a string ("2.560000") or a number. */
    static double number(Map<String, Object> section, String key) {
        Object value = section.get(key);
        if (value == null) throw new AssertionError("no '" + key + "' in " + section);
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }

    static String text(Map<String, Object> section, String key) {
        Object value = section.get(key);
        if (value == null) throw new AssertionError("no '" + key + "' in " + section);
        return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : value.toString();
    }

    @Override
    public String toString() {
        return report.toString();
    }
}
