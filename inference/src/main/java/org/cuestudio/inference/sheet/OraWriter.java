package org.cuestudio.inference.sheet;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.inference.sheet.RigNode.Art;
import org.cuestudio.inference.sheet.RigNode.Part;

/**
 * Writes a loaded character sheet as an OpenRaster file with the layer structure docs/character-sheets.md describes
 * for {@code .ora} sheets: every rig part a stack (leaf parts with one sprite a single layer), every sprite a PNG
 * layer rasterised at {@code scale} pixels per canvas unit by the project's own rasteriser, every drawn pivot a
 * small hidden {@code pivot} layer. The alternatives an editor would hide (mouth shapes but {@code Neutral}, blinks,
 * head views but {@code Frontal}, hand poses but {@code Relaxed}) are written hidden, as an artist would leave them.
 * The output is byte-for-byte reproducible. Used to make the OpenRaster sample from the SVG sample and by tests.
 *
 * <pre>java -cp "packaging/target/cue/lib/*" org.cuestudio.inference.sheet.OraWriter SVG_SHEET_DIR OUT_DIR [SCALE]</pre>
 */
public final class OraWriter {
    /** Fixed entry times keep the archive reproducible. */
    private static final long ENTRY_TIME = 315_532_800_000L; // 1980-01-01T00:00:00Z
    private static final Set<String> SHOWN = Set.of("neutral", "frontal", "relaxed");

    private final CharacterSheet sheet;
    private final double scale;
    private final List<byte[]> pngs = new ArrayList<>();
    private final int[] merged;
    private final int width;
    private final int height;

    private OraWriter(CharacterSheet sheet, double scale) {
        this.sheet = sheet;
        this.scale = scale;
        CanvasRect vb = sheet.rig().viewBox();
        this.width = (int) Math.round(vb.width() * scale);
        this.height = (int) Math.round(vb.height() * scale);
        this.merged = new int[width * height];
    }

    /** Writes {@code sheet} as an OpenRaster file at {@code scale} pixels per canvas unit. */
    public static void write(CharacterSheet sheet, double scale, Path ora) throws IOException {
        if (!(scale > 0) || scale > 8) throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        new OraWriter(sheet, scale).writeTo(ora);
    }

    /**
     * Converts the sheet folder {@code args[0]} into an OpenRaster sheet folder {@code args[1]} ({@code character.json}
     * naming {@code character.ora}); {@code args[2]} is the scale (default 1).
     */
    public static void main(String[] args) throws IOException, CharacterSheetException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: OraWriter SHEET_DIR OUT_DIR [SCALE]");
            System.exit(2);
        }
        CharacterSheet sheet = CharacterSheetLoader.load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        write(sheet, args.length == 3 ? Double.parseDouble(args[2]) : 1, out.resolve("character.ora"));
        String json = Files.readString(Path.of(args[0]).resolve(CharacterSheetLoader.SHEET_FILE));
        json = json.replaceFirst("\"art\"\\s*:\\s*\"[^\"]*\"", "\"art\": \"character.ora\"");
        Files.writeString(out.resolve(CharacterSheetLoader.SHEET_FILE), json);
        System.out.println("wrote " + out.resolve("character.ora") + " (" + Files.size(out.resolve("character.ora"))
                + " bytes)");
    }

    private void writeTo(Path ora) throws IOException {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<image version=\"0.0.5\" w=\"").append(width).append("\" h=\"").append(height)
                .append("\" xres=\"72\" yres=\"72\">\n");
        xml.append(" <stack name=\"").append(escape(sheet.name())).append("\">\n");
        nodes(sheet.rig().nodes(), xml, "  ", true);
        xml.append(" </stack>\n</image>\n");
        try (OutputStream file = Files.newOutputStream(ora); ZipOutputStream zip = new ZipOutputStream(file)) {
            stored(zip, "mimetype", OraSheetParser.MIMETYPE.getBytes(StandardCharsets.US_ASCII));
            deflated(zip, "stack.xml", xml.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < pngs.size(); i++) deflated(zip, layerPath(i), pngs.get(i));
            BufferedImage full = image(merged, width, height);
            deflated(zip, "mergedimage.png", png(full));
            deflated(zip, "Thumbnails/thumbnail.png", png(thumbnail(full)));
        }
    }

    /** Writes nodes topmost first (stack.xml's order); {@code shown} is false inside a hidden alternative. */
    private void nodes(List<RigNode> nodes, StringBuilder xml, String indent, boolean shown) throws IOException {
        List<String> items = new ArrayList<>();
        for (RigNode n : nodes) {
            StringBuilder one = new StringBuilder();
            switch (n) {
                case Art a -> layer(a.sprite(), sheet.sprite(a.sprite()).label(), true, shown, one, indent);
                case Part p -> part(p, one, indent, shown);
            }
            items.add(one.toString());
        }
        for (int i = items.size() - 1; i >= 0; i--) xml.append(items.get(i));
    }

    private void part(Part p, StringBuilder xml, String indent, boolean shown) throws IOException {
        boolean alternative = p.kind() == PartKind.MOUTH_SHAPE || p.kind() == PartKind.HEAD_VIEW
                || p.kind() == PartKind.HAND_POSE;
        boolean visible = p.kind() == PartKind.BLINK ? false : !alternative || SHOWN.contains(p.key());
        boolean drawn = shown && visible;
        if (!p.kind().container() && !p.hasPivot() && p.children().size() == 1 && p.children().get(0) instanceof Art a) {
            layer(a.sprite(), p.label(), visible, drawn, xml, indent);
            return;
        }
        xml.append(indent).append("<stack name=\"").append(escape(p.label())).append('"')
                .append(visible ? "" : " visibility=\"hidden\"").append(">\n");
        if (p.hasPivot()) pivot(p, xml, indent + " ");
        nodes(p.children(), xml, indent + " ", drawn);
        xml.append(indent).append("</stack>\n");
    }

    private void layer(int sprite, String name, boolean visible, boolean drawn, StringBuilder xml, String indent)
            throws IOException {
        SpriteRaster r = SpriteRasterizer.rasterise(sheet.sprite(sprite), sheet.rig().viewBox(), scale, 1);
        if (r == null) return;
        int[] argb = new int[r.width() * r.height()];
        int plane = r.width() * r.height();
        byte[] p = r.planes();
        for (int i = 0; i < plane; i++) {
            argb[i] = (p[3 * plane + i] & 0xff) << 24 | (p[i] & 0xff) << 16 | (p[plane + i] & 0xff) << 8 | (p[2 * plane + i] & 0xff);
        }
        if (drawn) over(argb, r.x(), r.y(), r.width(), r.height());
        int index = pngs.size();
        pngs.add(png(image(argb, r.width(), r.height())));
        xml.append(indent).append("<layer name=\"").append(escape(name)).append("\" src=\"").append(layerPath(index))
                .append("\" x=\"").append(r.x()).append("\" y=\"").append(r.y()).append('"')
                .append(visible ? "" : " visibility=\"hidden\"").append(" opacity=\"1.0\"/>\n");
    }

    /** A hidden 2 x 2 dot centred on the pivot (to the nearest half pixel). */
    private void pivot(Part p, StringBuilder xml, String indent) throws IOException {
        CanvasRect vb = sheet.rig().viewBox();
        int x = (int) Math.round((p.pivot().x() - vb.x0()) * scale) - 1;
        int y = (int) Math.round((p.pivot().y() - vb.y0()) * scale) - 1;
        int[] dot = {0xffff0000, 0xffff0000, 0xffff0000, 0xffff0000};
        int index = pngs.size();
        pngs.add(png(image(dot, 2, 2)));
        xml.append(indent).append("<layer name=\"pivot\" src=\"").append(layerPath(index)).append("\" x=\"").append(x)
                .append("\" y=\"").append(y).append("\" visibility=\"hidden\"/>\n");
    }

    /** Draws premultiplied pixels over the merged picture (for mergedimage.png). */
    private void over(int[] src, int x0, int y0, int w, int h) {
        for (int yy = 0; yy < h; yy++) {
            int y = y0 + yy;
            if (y < 0 || y >= height) continue;
            for (int xx = 0; xx < w; xx++) {
                int x = x0 + xx;
                if (x < 0 || x >= width) continue;
                int s = src[yy * w + xx];
                int sa = s >>> 24;
                if (sa == 0) continue;
                int d = merged[y * width + x];
                int k = 255 - sa;
                int a = Math.min(255, sa + ((d >>> 24) * k + 127) / 255);
                int r = Math.min(255, ((s >>> 16) & 0xff) + (((d >>> 16) & 0xff) * k + 127) / 255);
                int g = Math.min(255, ((s >>> 8) & 0xff) + (((d >>> 8) & 0xff) * k + 127) / 255);
                int b = Math.min(255, (s & 0xff) + ((d & 0xff) * k + 127) / 255);
                merged[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
    }

    private static BufferedImage image(int[] premultiplied, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        img.getRaster().setDataElements(0, 0, w, h, premultiplied);
        BufferedImage straight = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            straight.setRGB(0, y, w, 1, row, 0, w);
        }
        return straight;
    }

    private static BufferedImage thumbnail(BufferedImage full) {
        double s = Math.min(1, 256.0 / Math.max(full.getWidth(), full.getHeight()));
        int w = Math.max(1, (int) Math.round(full.getWidth() * s));
        int h = Math.max(1, (int) Math.round(full.getHeight() * s));
        BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = t.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        return t;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer in this JDK");
        return out.toByteArray();
    }

    private static String layerPath(int index) {
        return String.format(Locale.ROOT, "data/layer%03d.png", index);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
