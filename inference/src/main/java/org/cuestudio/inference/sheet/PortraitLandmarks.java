package org.cuestudio.inference.sheet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.render.CharacterSheetException;
import org.jspecify.annotations.Nullable;

/**
 * The rig landmarks of a single-portrait sheet, in the portrait's pixels (x right, y down, (0, 0) the top-left
 * corner of the picture), as {@code character.json} gives them under {@code "landmarks"} (docs/character-sheets.md,
 * "Single portrait"). "Left" and "Right" are the viewer's, as everywhere in a sheet, and every chain of points runs
 * from the viewer's left to the right.
 *
 * @param leftEye     the eye on the viewer's left
 * @param rightEye    the eye on the viewer's right
 * @param leftBrow    the brow above the left eye, 3 to 8 points along its middle
 * @param rightBrow   the brow above the right eye
 * @param nose        bridge (optional), tip and the wings of the nostrils
 * @param mouth       corners, outer top of the upper lip, the line where the lips meet, outer bottom of the lower lip
 * @param faceOutline the cheek and jaw line from the viewer's left temple round the chin to the right temple, 5 to
 *                    32 points
 * @param neck        where the neck meets the shoulders, left and right; null when the sheet has none
 */
public record PortraitLandmarks(Eye leftEye, Eye rightEye, List<CanvasPoint> leftBrow, List<CanvasPoint> rightBrow,
        Nose nose, Mouth mouth, List<CanvasPoint> faceOutline, @Nullable Neck neck) {
    /** Points per lid and per lip chain. */
    public static final int CHAIN = 3;
    static final int MIN_BROW = 3;
    static final int MAX_BROW = 8;
    static final int MIN_OUTLINE = 5;
    static final int MAX_OUTLINE = 32;

    public PortraitLandmarks {
        leftBrow = List.copyOf(leftBrow);
        rightBrow = List.copyOf(rightBrow);
        faceOutline = List.copyOf(faceOutline);
    }

    /**
     * An eye: its corners and three points on each lid's edge (where the lashes grow), at about a quarter, a half
     * and three quarters of the way across, from the viewer's left to the right.
     */
    public record Eye(CanvasPoint outer, CanvasPoint inner, List<CanvasPoint> upperLid, List<CanvasPoint> lowerLid) {
        public Eye {
            upperLid = List.copyOf(upperLid);
            lowerLid = List.copyOf(lowerLid);
        }

        /** The corner on the viewer's left. */
        public CanvasPoint leftCorner() {
            return outer.x() < inner.x() ? outer : inner;
        }

        /** The corner on the viewer's right. */
        public CanvasPoint rightCorner() {
            return outer.x() < inner.x() ? inner : outer;
        }

        /** Centre of the corners. */
        public CanvasPoint centre() {
            return new CanvasPoint((outer.x() + inner.x()) / 2, (outer.y() + inner.y()) / 2);
        }
    }

    /** The nose: its bridge between the eyes (null when not given), its tip and the outer edges of its wings. */
    public record Nose(@Nullable CanvasPoint bridge, CanvasPoint tip, CanvasPoint left, CanvasPoint right) {
    }

    /**
     * The mouth, closed in the picture: its corners and three points, left to right, on the upper lip's outer edge,
     * on the line where the lips meet, and on the lower lip's outer edge.
     */
    public record Mouth(CanvasPoint left, CanvasPoint right, List<CanvasPoint> upperLip, List<CanvasPoint> lipLine,
            List<CanvasPoint> lowerLip) {
        public Mouth {
            upperLip = List.copyOf(upperLip);
            lipLine = List.copyOf(lipLine);
            lowerLip = List.copyOf(lowerLip);
        }

        public double width() {
            return Math.hypot(right.x() - left.x(), right.y() - left.y());
        }
    }

    /** Where the neck meets the shoulders. */
    public record Neck(CanvasPoint left, CanvasPoint right) {
        public CanvasPoint centre() {
            return new CanvasPoint((left.x() + right.x()) / 2, (left.y() + right.y()) / 2);
        }
    }

    /** The lowest point of the face outline (the chin). */
    public CanvasPoint chin() {
        CanvasPoint c = faceOutline.get(0);
        for (CanvasPoint p : faceOutline) if (p.y() > c.y()) c = p;
        return c;
    }

    /** Every landmark, for bounds checks and tools. */
    public List<CanvasPoint> all() {
        List<CanvasPoint> out = new ArrayList<>();
        for (Eye e : List.of(leftEye, rightEye)) {
            out.add(e.outer());
            out.add(e.inner());
            out.addAll(e.upperLid());
            out.addAll(e.lowerLid());
        }
        out.addAll(leftBrow);
        out.addAll(rightBrow);
        if (nose.bridge() != null) out.add(nose.bridge());
        out.add(nose.tip());
        out.add(nose.left());
        out.add(nose.right());
        out.add(mouth.left());
        out.add(mouth.right());
        out.addAll(mouth.upperLip());
        out.addAll(mouth.lipLine());
        out.addAll(mouth.lowerLip());
        out.addAll(faceOutline);
        if (neck != null) {
            out.add(neck.left());
            out.add(neck.right());
        }
        return out;
    }

    // ---- parsing and validation

    /**
     * Reads and checks the landmarks of a {@code width} x {@code height} portrait; every failure names the file and
     * the field, e.g. {@code landmarks.leftEye.upperLid[1]}.
     */
    static PortraitLandmarks parse(@Nullable JsonElement e, Path file, int width, int height)
            throws CharacterSheetException {
        Reader r = new Reader(file, width, height);
        if (e == null || e.isJsonNull()) {
            throw new CharacterSheetException(file + ": a portrait sheet needs \"landmarks\" (eyes, brows, nose, mouth, "
                    + "faceOutline; see docs/character-sheets.md)");
        }
        JsonObject o = r.object(e, "landmarks");
        Eye left = r.eye(o, "leftEye", true);
        Eye right = r.eye(o, "rightEye", false);
        List<CanvasPoint> leftBrow = r.points(o, "leftBrow", "landmarks.leftBrow", MIN_BROW, MAX_BROW);
        List<CanvasPoint> rightBrow = r.points(o, "rightBrow", "landmarks.rightBrow", MIN_BROW, MAX_BROW);
        JsonObject n = r.object(r.required(o, "nose", "landmarks.nose"), "landmarks.nose");
        Nose nose = new Nose(n.has("bridge") && !n.get("bridge").isJsonNull() ? r.point(n.get("bridge"),
                "landmarks.nose.bridge") : null, r.point(r.required(n, "tip", "landmarks.nose.tip"),
                "landmarks.nose.tip"), r.point(r.required(n, "left", "landmarks.nose.left"), "landmarks.nose.left"),
                r.point(r.required(n, "right", "landmarks.nose.right"), "landmarks.nose.right"));
        JsonObject m = r.object(r.required(o, "mouth", "landmarks.mouth"), "landmarks.mouth");
        Mouth mouth = new Mouth(r.point(r.required(m, "left", "landmarks.mouth.left"), "landmarks.mouth.left"),
                r.point(r.required(m, "right", "landmarks.mouth.right"), "landmarks.mouth.right"),
                r.points(m, "upperLip", "landmarks.mouth.upperLip", CHAIN, CHAIN),
                r.points(m, "lipLine", "landmarks.mouth.lipLine", CHAIN, CHAIN),
                r.points(m, "lowerLip", "landmarks.mouth.lowerLip", CHAIN, CHAIN));
        List<CanvasPoint> outline = r.points(o, "faceOutline", "landmarks.faceOutline", MIN_OUTLINE, MAX_OUTLINE);
        Neck neck = null;
        if (o.has("neck") && !o.get("neck").isJsonNull()) {
            JsonObject k = r.object(o.get("neck"), "landmarks.neck");
            neck = new Neck(r.point(r.required(k, "left", "landmarks.neck.left"), "landmarks.neck.left"),
                    r.point(r.required(k, "right", "landmarks.neck.right"), "landmarks.neck.right"));
        }
        PortraitLandmarks l = new PortraitLandmarks(left, right, leftBrow, rightBrow, nose, mouth, outline, neck);
        l.checkShape(r);
        return l;
    }

    /** Checks that the parts lie the way the mesh needs them (lids and lips in order, left before right). */
    private void checkShape(Reader r) throws CharacterSheetException {
        checkEye(leftEye, "leftEye", r);
        checkEye(rightEye, "rightEye", r);
        if (!(leftEye.centre().x() < rightEye.centre().x())) {
            throw r.fail("landmarks.leftEye", "lies right of landmarks.rightEye (left and right are the viewer's)");
        }
        if (!(mouth.left().x() < mouth.right().x())) {
            throw r.fail("landmarks.mouth.left", "is not left of landmarks.mouth.right");
        }
        for (int i = 0; i < CHAIN; i++) {
            CanvasPoint up = mouth.upperLip().get(i);
            CanvasPoint line = mouth.lipLine().get(i);
            CanvasPoint low = mouth.lowerLip().get(i);
            if (!(up.y() < line.y() && line.y() < low.y())) {
                throw r.fail("landmarks.mouth.lipLine[" + i + "]", "must lie below upperLip[" + i + "] and above lowerLip["
                        + i + "] (y " + fmt(up.y()) + " < " + fmt(line.y()) + " < " + fmt(low.y()) + " does not hold)");
            }
            for (List<CanvasPoint> chain : List.of(mouth.upperLip(), mouth.lipLine(), mouth.lowerLip())) {
                CanvasPoint p = chain.get(i);
                if (!(p.x() > mouth.left().x() && p.x() < mouth.right().x())) {
                    throw r.fail("landmarks.mouth", "lip points must lie between the corners, left to right");
                }
                if (i > 0 && !(p.x() > chain.get(i - 1).x())) {
                    throw r.fail("landmarks.mouth", "lip points must run from the viewer's left to the right");
                }
            }
        }
        CanvasPoint chin = chin();
        if (!(chin.y() > mouth.lipLine().get(1).y())) {
            throw r.fail("landmarks.faceOutline", "must reach below the mouth (its lowest point is the chin)");
        }
        if (neck != null && !(neck.left().x() < neck.right().x())) {
            throw r.fail("landmarks.neck.left", "is not left of landmarks.neck.right");
        }
        if (neck != null && !(neck.centre().y() > chin.y())) {
            throw r.fail("landmarks.neck", "must lie below the chin (where the neck meets the shoulders)");
        }
    }

    private static void checkEye(Eye e, String name, Reader r) throws CharacterSheetException {
        String f = "landmarks." + name;
        double x0 = e.leftCorner().x();
        double x1 = e.rightCorner().x();
        if (!(x1 - x0 >= 2)) throw r.fail(f, "corners are less than 2 pixels apart");
        for (int i = 0; i < CHAIN; i++) {
            CanvasPoint up = e.upperLid().get(i);
            CanvasPoint low = e.lowerLid().get(i);
            if (!(up.y() < low.y())) {
                throw r.fail(f + ".upperLid[" + i + "]", "must lie above lowerLid[" + i + "] (y " + fmt(up.y())
                        + " is not less than " + fmt(low.y()) + ")");
            }
            for (String lid : List.of("upperLid", "lowerLid")) {
                CanvasPoint p = lid.equals("upperLid") ? up : low;
                CanvasPoint prev = i == 0 ? null : (lid.equals("upperLid") ? e.upperLid() : e.lowerLid()).get(i - 1);
                if (!(p.x() > x0 && p.x() < x1)) {
                    throw r.fail(f + "." + lid + "[" + i + "]", "must lie between the eye's corners (x " + fmt(x0) + " to "
                            + fmt(x1) + ")");
                }
                if (prev != null && !(p.x() > prev.x())) {
                    throw r.fail(f + "." + lid + "[" + i + "]", "lid points must run from the viewer's left to the right");
                }
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** JSON reading with messages that name the file, the field and the image size. */
    private record Reader(Path file, int width, int height) {
        CharacterSheetException fail(String field, String what) {
            return new CharacterSheetException(file + ": " + field + " " + what);
        }

        JsonElement required(JsonObject o, String key, String field) throws CharacterSheetException {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) throw fail(field, "is missing");
            return e;
        }

        JsonObject object(JsonElement e, String field) throws CharacterSheetException {
            if (!e.isJsonObject()) throw fail(field, "must be an object");
            return e.getAsJsonObject();
        }

        Eye eye(JsonObject o, String key, boolean left) throws CharacterSheetException {
            String f = "landmarks." + key;
            JsonObject e = object(required(o, key, f), f);
            return new Eye(point(required(e, "outer", f + ".outer"), f + ".outer"),
                    point(required(e, "inner", f + ".inner"), f + ".inner"),
                    points(e, "upperLid", f + ".upperLid", CHAIN, CHAIN), points(e, "lowerLid", f + ".lowerLid", CHAIN, CHAIN));
        }

        List<CanvasPoint> points(JsonObject o, String key, String field, int min, int max) throws CharacterSheetException {
            JsonElement e = required(o, key, field);
            if (!e.isJsonArray()) throw fail(field, "must be a list of [x, y] points");
            JsonArray a = e.getAsJsonArray();
            if (a.size() < min || a.size() > max) {
                throw fail(field, "has " + a.size() + " points; it needs " + (min == max ? "exactly " + min : min + " to " + max));
            }
            List<CanvasPoint> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) out.add(point(a.get(i), field + "[" + i + "]"));
            return out;
        }

        CanvasPoint point(JsonElement e, String field) throws CharacterSheetException {
            if (!e.isJsonArray() || e.getAsJsonArray().size() != 2) throw fail(field, "must be a point [x, y]");
            JsonArray a = e.getAsJsonArray();
            double[] v = new double[2];
            for (int i = 0; i < 2; i++) {
                JsonElement c = a.get(i);
                if (!c.isJsonPrimitive() || !c.getAsJsonPrimitive().isNumber()) {
                    throw fail(field, "must be a point [x, y] of two numbers");
                }
                v[i] = c.getAsDouble();
                if (!Double.isFinite(v[i])) throw fail(field, "is not a finite number");
            }
            if (v[0] < 0 || v[0] > width || v[1] < 0 || v[1] > height) {
                throw fail(field, "[" + fmt(v[0]) + ", " + fmt(v[1]) + "] lies outside the " + width + "x" + height
                        + " portrait");
            }
            return new CanvasPoint(v[0], v[1]);
        }
    }
}
