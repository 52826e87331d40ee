package org.cuestudio.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Resolution;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Take;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.model.UnknownObject;
import org.cuestudio.core.time.TimeRange;

/**
 * Writes model records as a project file with Jackson's streaming generator: current type tags, fields in the fixed
 * order of docs/project-format.md, the {@link CanonicalPrinter} layout, and every {@link UnknownObject} put back
 * verbatim at its place, so that reading then writing an unchanged project gives the same bytes.
 */
final class ProjectWriter {
    private static final String PROJECT = tag("Project");
    private static final String CHARACTER = tag("Character");
    private static final String SHOT = tag("Shot");
    private static final String PARTNER = tag("Partner");
    private static final String TAKE = tag("Take");
    private static final String EMOTION_CUE = tag("EmotionCue");
    private static final String GESTURE_CUE = tag("GestureCue");
    private static final String GAZE_CUE = tag("GazeCue");
    private static final String TIMING_CUE = tag("TimingCue");
    private static final String MOUTH_SHAPE_CUE = tag("MouthShapeCue");
    private static final String EMOTION_PRESET = tag("EmotionPreset");

    /** Projects with more cues than this have their shots written on several threads. */
    static final int PARALLEL_CUES = 50_000;
    private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final JsonGenerator g;
    private final CanonicalPrinter printer;
    private boolean parallel;

    private ProjectWriter(JsonGenerator g, int depth) {
        this.g = g;
        this.printer = new CanonicalPrinter(depth);
        g.setPrettyPrinter(printer);
    }

    private static String tag(String type) {
        return type + "." + Upgrades.CURRENT.get(type);
    }

    /** Writes the project as UTF-8 JSON ending in a newline; the stream is flushed, not closed. */
    static void write(Project project, OutputStream out) throws IOException {
        write(project, out, THREADS > 1);
    }

    /** {@link #write(Project, OutputStream)}, writing the shots of a large project on several threads or not. */
    static void write(Project project, OutputStream out, boolean parallel) throws IOException {
        try (JsonGenerator g = ProjectReader.FACTORY.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            ProjectWriter w = new ProjectWriter(g, 0);
            w.parallel = parallel;
            w.project(project);
            g.writeRaw('\n');
        }
        out.flush();
    }

    private void project(Project p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", PROJECT);
        g.writeStringField("name", p.name());
        g.writeFieldName("characters");
        array(p.characters(), at(p.unknown(), "characters"), this::character, false);
        g.writeFieldName("emotionPresets");
        array(p.emotionPresets(), at(p.unknown(), "emotionPresets"), this::emotionPreset, false);
        g.writeFieldName("shots");
        long cues = 0;
        for (Shot s : p.shots()) {
            for (CueTrack t : s.tracks()) cues += t.cues().size();
            for (Partner pt : s.partners()) for (CueTrack t : pt.tracks()) cues += t.cues().size();
        }
        if (parallel && cues > PARALLEL_CUES && p.shots().size() > 1) parallelShots(p);
        else array(p.shots(), at(p.unknown(), "shots"), this::shot, false);
        metadata(p.metadata());
        g.writeEndObject();
    }

    /**
     * Writes the shots of a large project using every core: each shot is written to its own bytes, in the layout it
     * has at its depth in the file, by a pool of threads a few shots ahead of this one, which copies them into the
     * file in order. The bytes are exactly those of writing on one thread.
     */
    private void parallelShots(Project p) throws IOException {
        List<Shot> shots = p.shots();
        List<UnknownObject> unknown = at(p.unknown(), "shots");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(2, THREADS),
                r -> Thread.ofPlatform().daemon().name("cue-write-shots").unstarted(r));
        try {
            List<java.util.concurrent.Future<Chunks>> pending = new ArrayList<>();
            int ahead = THREADS * 2; // enough to keep the pool busy, few enough to bound the memory held
            int submitted = 0;
            g.writeStartArray();
            int k = 0;
            int u = 0;
            for (int position = 0; k < shots.size() || u < unknown.size(); position++) {
                if (u < unknown.size() && (unknown.get(u).index() <= position || k == shots.size())) {
                    g.writeRawValue(unknown.get(u++).json());
                    continue;
                }
                while (submitted < shots.size() && submitted < k + ahead) {
                    Shot s = shots.get(submitted++);
                    pending.add(pool.submit(() -> shotBytes(s)));
                }
                Chunks bytes;
                try {
                    bytes = pending.get(k).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IllegalStateException("writing shot '" + shots.get(k).id() + "' failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while saving");
                }
                pending.set(k, null);
                for (int c = 0; c < bytes.chunks.size(); c++) {
                    int length = c < bytes.chunks.size() - 1 ? Chunks.SIZE : bytes.last;
                    RawUtf8 raw = new RawUtf8(bytes.chunks.get(c), length);
                    if (c == 0) g.writeRawValue(raw);
                    else g.writeRaw(raw);
                }
                k++;
            }
            g.writeEndArray();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One shot as it is written two levels deep (inside "shots"), as UTF-8. */
    private static Chunks shotBytes(Shot s) throws IOException {
        Chunks out = new Chunks();
        try (JsonGenerator sg = ProjectReader.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            new ProjectWriter(sg, 2).shot(s);
        }
        return out;
    }

    /**
     * Output gathered in fixed 128 KiB arrays: a growing array for a 1.5 MB shot would be reallocated and copied,
     * and arrays that large are "humongous" to G1, each allocation forcing a collection.
     */
    private static final class Chunks extends OutputStream {
        static final int SIZE = 128 << 10;
        final List<byte[]> chunks = new ArrayList<>();
        int last = SIZE;

        @Override
        public void write(int b) {
            if (last == SIZE) next();
            chunks.get(chunks.size() - 1)[last++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (last == SIZE) next();
                int n = Math.min(len, SIZE - last);
                System.arraycopy(b, off, chunks.get(chunks.size() - 1), last, n);
                last += n;
                off += n;
                len -= n;
            }
        }

        private void next() {
            chunks.add(new byte[SIZE]);
            last = 0;
        }
    }

    /** Bytes already in the file's layout, handed to the generator as raw output without re-encoding. */
    private record RawUtf8(byte[] bytes, int length) implements com.fasterxml.jackson.core.SerializableString {
        @Override
        public String getValue() {
            return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (buffer.length - offset < length) return -1;
            System.arraycopy(bytes, 0, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw bytes are written as bytes");
        }

        @Override
        public int writeQuotedUTF8(java.io.OutputStream out) {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public int writeUnquotedUTF8(java.io.OutputStream out) throws IOException {
            out.write(bytes, 0, length);
            return length;
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw bytes are not quoted");
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) {
            if (buffer.remaining() < length) return -1;
            buffer.put(bytes, 0, length);
            return length;
        }
    }

    private void character(Character c) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", CHARACTER);
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeStringField("sheet", c.sheet());
        g.writeObjectFieldStart("personality");
        Personality q = c.personality();
        g.writeNumberField("expressiveness", q.expressiveness());
        g.writeNumberField("gestureRate", q.gestureRate());
        g.writeNumberField("blinkRate", q.blinkRate());
        g.writeNumberField("gazeSteadiness", q.gazeSteadiness());
        g.writeNumberField("energy", q.energy());
        g.writeEndObject();
        g.writeNumberField("reactionDelay", c.reactionDelay());
        metadata(c.metadata());
        g.writeEndObject();
    }

    /** A preset of the project, one field per line; its blend always, {} when it has none. */
    private void emotionPreset(EmotionPreset p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", EMOTION_PRESET);
        g.writeStringField("id", p.id());
        g.writeStringField("label", p.label());
        g.writeStringField("emotion", ProjectReader.fileName(p.emotion()));
        g.writeFieldName("blend");
        blend(p.blend());
        g.writeEndObject();
    }

    /** Emotions and weights in the order of {@link Emotion} (the model keeps them so). */
    private void blend(Map<Emotion, Double> blend) throws IOException {
        g.writeStartObject();
        for (var e : blend.entrySet()) g.writeNumberField(ProjectReader.fileName(e.getKey()), e.getValue());
        g.writeEndObject();
    }

    private void shot(Shot s) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", SHOT);
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeStringField("audio", s.audio());
        g.writeStringField("character", s.characterId());
        g.writeStringField("frameRate", s.frameRate().toString());
        resolution(s.resolution());
        g.writeFieldName("tracks");
        tracks(s.tracks(), s.unknown(), "tracks/");
        g.writeFieldName("partners");
        array(s.partners(), at(s.unknown(), "partners"), pt -> partner(pt, s.unknown()), false);
        g.writeFieldName("takes");
        array(s.takes(), at(s.unknown(), "takes"), this::take, false);
        metadata(s.metadata());
        g.writeEndObject();
    }

    /**
     * A partner of a shot; its unknown cues and lanes are among the shot's unknown objects, placed under
     * {@code partners/<character id>/}.
     */
    private void partner(Partner p, List<UnknownObject> shotUnknown) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", PARTNER);
        g.writeStringField("character", p.characterId());
        if (p.audio() != null) g.writeStringField("audio", p.audio());
        g.writeArrayFieldStart("speaks");
        for (TimeRange r : p.speaks()) {
            printer.inlineNext();
            g.writeStartObject();
            g.writeNumberField("start", r.start());
            g.writeNumberField("duration", r.duration());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("tracks");
        String prefix = "partners/" + p.characterId() + "/";
        List<UnknownObject> own = new ArrayList<>();
        for (UnknownObject u : shotUnknown) {
            if (u.place().startsWith(prefix)) {
                own.add(new UnknownObject(u.place().substring(prefix.length()), u.index(), u.type(), u.json()));
            }
        }
        tracks(p.tracks(), own, "tracks/");
        g.writeEndObject();
    }

    /**
     * The lanes in lane order, with lanes from newer releases back at their positions. {@code unknown} holds the
     * owner's unknown objects, lanes placed as {@code tracks/<name>}. The mouth lane is written only when it holds
     * something: a shot without mouth-shape corrections is written exactly as format 2 wrote it.
     */
    private void tracks(List<CueTrack> tracks, List<UnknownObject> unknown, String prefix) throws IOException {
        List<CueTrack> written = tracks;
        CueTrack mouth = tracks.get(CueLane.MOUTH.ordinal());
        if (mouth.cues().isEmpty() && at(unknown, prefix + "mouth").isEmpty()) {
            written = tracks.subList(0, CueLane.MOUTH.ordinal());
        }
        List<UnknownObject> lanes = new ArrayList<>();
        for (UnknownObject u : unknown) {
            if (u.place().startsWith(prefix) && ProjectReader.LANES.indexOf(u.place().substring(prefix.length())) < 0) {
                lanes.add(u);
            }
        }
        lanes.sort(Comparator.comparingInt(UnknownObject::index));
        g.writeStartObject();
        int known = 0;
        int extra = 0;
        for (int position = 0; known < written.size() || extra < lanes.size(); position++) {
            if (extra < lanes.size() && (lanes.get(extra).index() <= position || known == written.size())) {
                UnknownObject u = lanes.get(extra++);
                g.writeFieldName(u.place().substring(prefix.length()));
                g.writeRawValue(u.json());
            } else {
                CueTrack t = written.get(known++);
                String name = ProjectReader.LANES.get(t.lane().ordinal());
                g.writeFieldName(name);
                array(t.cues(), at(unknown, prefix + name), this::cue, true);
            }
        }
        g.writeEndObject();
    }

    private void cue(Cue c) throws IOException {
        g.writeStartObject();
        switch (c) {
            case EmotionCue e -> {
                common(EMOTION_CUE, c);
                g.writeStringField("emotion", ProjectReader.fileName(e.emotion()));
                g.writeNumberField("intensity", e.intensity());
                g.writeNumberField("easeIn", e.easeIn());
                g.writeNumberField("easeOut", e.easeOut());
                if (!e.blend().isEmpty()) {
                    g.writeFieldName("blend");
                    blend(e.blend());
                }
                if (!e.preset().isEmpty()) g.writeStringField("preset", e.preset());
            }
            case GestureCue e -> {
                common(GESTURE_CUE, c);
                g.writeStringField("gesture", e.gesture());
                g.writeNumberField("intensity", e.intensity());
                g.writeStringField("side", ProjectReader.fileName(e.side()));
                g.writeBooleanField("snap", e.snap());
            }
            case GazeCue e -> {
                common(GAZE_CUE, c);
                g.writeStringField("target", ProjectReader.fileName(e.target()));
                FramePoint point = e.point();
                if (point != null) {
                    g.writeObjectFieldStart("point");
                    g.writeNumberField("x", point.x());
                    g.writeNumberField("y", point.y());
                    g.writeEndObject();
                }
                if (e.character() != null) g.writeStringField("character", e.character());
            }
            case TimingCue e -> {
                common(TIMING_CUE, c);
                g.writeStringField("kind", ProjectReader.fileName(e.kind()));
                g.writeNumberField("strength", e.strength());
            }
            case MouthShapeCue e -> {
                common(MOUTH_SHAPE_CUE, c);
                g.writeStringField("shape", e.shape().name()); // upper case, as Rhubarb writes it
            }
        }
        g.writeEndObject();
    }

    private void common(String type, Cue c) throws IOException {
        g.writeStringField("type", type);
        g.writeStringField("id", c.id());
        g.writeNumberField("start", c.range().start());
        g.writeNumberField("duration", c.range().duration());
    }

    private void take(Take t) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", TAKE);
        g.writeStringField("id", t.id());
        g.writeStringField("name", t.name());
        g.writeStringField("createdAt", t.createdAt());
        g.writeNumberField("seed", t.seed());
        g.writeStringField("quality", ProjectReader.fileName(t.quality()));
        resolution(t.resolution());
        g.writeStringField("shotHash", t.shotHash());
        g.writeStringField("backend", t.backendId());
        g.writeStringField("backendVersion", t.backendVersion());
        g.writeNumberField("rating", t.rating());
        g.writeBooleanField("circled", t.circled());
        g.writeStringField("notes", t.notes());
        if (t.output() != null) g.writeStringField("output", t.output());
        metadata(t.metadata());
        g.writeEndObject();
    }

    private void resolution(Resolution r) throws IOException {
        g.writeObjectFieldStart("resolution");
        g.writeNumberField("width", r.width());
        g.writeNumberField("height", r.height());
        g.writeEndObject();
    }

    /** Metadata keys sorted, since the model keeps no order and the bytes must not depend on hashing. */
    private void metadata(Map<String, String> m) throws IOException {
        g.writeObjectFieldStart("metadata");
        if (!m.isEmpty()) {
            List<String> keys = new ArrayList<>(m.keySet());
            keys.sort(null);
            for (String k : keys) g.writeStringField(k, m.get(k));
        }
        g.writeEndObject();
    }

    /** Writes one element. */
    @FunctionalInterface
    private interface Element<T> {
        void write(T value) throws IOException;
    }

    /** An array of known records with the unknown objects of that array put back at their positions. */
    private <T> void array(List<T> known, List<UnknownObject> unknown, Element<T> element, boolean inline)
            throws IOException {
        g.writeStartArray();
        int k = 0;
        int u = 0;
        for (int position = 0; k < known.size() || u < unknown.size(); position++) {
            if (u < unknown.size() && (unknown.get(u).index() <= position || k == known.size())) {
                g.writeRawValue(unknown.get(u++).json());
            } else {
                if (inline) printer.inlineNext();
                element.write(known.get(k++));
            }
        }
        g.writeEndArray();
    }

    /** The unknown objects at one place, by position. */
    private static List<UnknownObject> at(List<UnknownObject> all, String place) {
        if (all.isEmpty()) return List.of();
        List<UnknownObject> out = new ArrayList<>();
        for (UnknownObject u : all) if (u.place().equals(place)) out.add(u);
        out.sort(Comparator.comparingInt(UnknownObject::index));
        return out;
    }
}
