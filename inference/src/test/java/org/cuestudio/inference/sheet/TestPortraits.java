package org.cuestudio.inference.sheet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * "Facey", a small single-portrait test sheet drawn here with Java2D (240 x 320: a skin-coloured oval face with
 * white eyes and black irises, brows, a nose, red lips, a neck and shoulders on a transparent background) and its
 * landmarks; copies with edited landmarks for the failure tests.
 */
public final class TestPortraits {
    public static final int WIDTH = 240;
    public static final int HEIGHT = 320;
    /** The colour of the face. */
    public static final Color SKIN = new Color(230, 180, 150);
    /** Centres of the eyes (the irises), viewer's left then right. */
    public static final int[][] EYES = {{92, 140}, {148, 140}};
    /** Where the lips meet, in the middle. */
    public static final int[] LIP_LINE = {120, 207};
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static Path shared;

    private TestPortraits() {
    }

    /** Facey in a folder made once per test run (shared: do not modify). */
    public static synchronized Path facey() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("cue-facey-");
                shared = write(dir.resolve("facey"), j -> { });
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Facey written to {@code folder}, its character.json changed by {@code edit} first. */
    public static Path write(Path folder, Consumer<JsonObject> edit) throws IOException {
        Files.createDirectories(folder);
        ImageIO.write(picture(), "png", folder.resolve("portrait.png").toFile());
        JsonObject json = json();
        edit.accept(json);
        Files.writeString(folder.resolve("character.json"), GSON.toJson(json));
        return folder;
    }

    /** The picture. */
    public static BufferedImage picture() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(60, 90, 140));
        g.fill(new Ellipse2D.Double(20, 262, 200, 140));
        g.setColor(SKIN.darker());
        g.fillRect(100, 220, 40, 56);
        g.setColor(SKIN);
        g.fill(new Ellipse2D.Double(50, 60, 140, 180));
        for (int[] e : EYES) {
            Path2D almond = new Path2D.Double();
            almond.moveTo(e[0] - 18, e[1]);
            almond.quadTo(e[0], e[1] - 18, e[0] + 18, e[1]);
            almond.quadTo(e[0], e[1] + 16, e[0] - 18, e[1]);
            g.setColor(Color.WHITE);
            g.fill(almond);
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(e[0] - 6, e[1] - 6, 12, 12));
            g.setStroke(new BasicStroke(4));
            g.setColor(new Color(70, 40, 30));
            g.drawLine(e[0] - 16, 118, e[0] + 16, 118);
        }
        g.setColor(SKIN.darker());
        g.fill(new Ellipse2D.Double(113, 172, 14, 8));
        Path2D lips = new Path2D.Double();
        lips.moveTo(100, 205);
        lips.quadTo(120, 192, 140, 205);
        lips.quadTo(120, 222, 100, 205);
        g.setColor(new Color(190, 60, 70));
        g.fill(lips);
        g.setColor(new Color(110, 30, 40));
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(100, 205, 140, 205);
        g.dispose();
        return img;
    }

    /** Facey's character.json. */
    public static JsonObject json() {
        JsonObject j = new JsonObject();
        j.addProperty("type", "CharacterSheet.1");
        j.addProperty("name", "Facey");
        j.addProperty("art", "portrait.png");
        JsonObject l = new JsonObject();
        l.add("leftEye", eye(EYES[0]));
        l.add("rightEye", eye(EYES[1]));
        l.add("leftBrow", pts(76, 118, 92, 118, 108, 118));
        l.add("rightBrow", pts(132, 118, 148, 118, 164, 118));
        JsonObject nose = new JsonObject();
        nose.add("tip", pt(120, 175));
        nose.add("left", pt(112, 178));
        nose.add("right", pt(128, 178));
        l.add("nose", nose);
        JsonObject mouth = new JsonObject();
        mouth.add("left", pt(100, 205));
        mouth.add("right", pt(140, 205));
        mouth.add("upperLip", pts(110, 200, 120, 198.5, 130, 200));
        mouth.add("lipLine", pts(110, 205.5, 120, 206, 130, 205.5));
        mouth.add("lowerLip", pts(110, 211, 120, 213, 130, 211));
        l.add("mouth", mouth);
        JsonArray outline = new JsonArray();
        for (int a = 180; a >= 0; a -= 30) {
            double r = Math.toRadians(a);
            outline.add(pt(120 + 70 * Math.cos(r), 150 + 90 * Math.sin(r)));
        }
        l.add("faceOutline", outline);
        JsonObject neck = new JsonObject();
        neck.add("left", pt(100, 268));
        neck.add("right", pt(140, 268));
        l.add("neck", neck);
        j.add("landmarks", l);
        return j;
    }

    private static JsonObject eye(int[] c) {
        JsonObject e = new JsonObject();
        boolean left = c[0] < WIDTH / 2;
        e.add("outer", pt(left ? c[0] - 18 : c[0] + 18, c[1]));
        e.add("inner", pt(left ? c[0] + 18 : c[0] - 18, c[1]));
        e.add("upperLid", pts(c[0] - 9, c[1] - 7, c[0], c[1] - 9, c[0] + 9, c[1] - 7));
        e.add("lowerLid", pts(c[0] - 9, c[1] + 6, c[0], c[1] + 8, c[0] + 9, c[1] + 6));
        return e;
    }

    static JsonArray pt(double x, double y) {
        JsonArray a = new JsonArray();
        a.add(x);
        a.add(y);
        return a;
    }

    private static JsonArray pts(double... xy) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < xy.length; i += 2) a.add(pt(xy[i], xy[i + 1]));
        return a;
    }
}
