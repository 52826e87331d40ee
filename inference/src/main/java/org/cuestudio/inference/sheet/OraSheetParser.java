package org.cuestudio.inference.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.inference.sheet.SvgSheetParser.Parsed;
import org.cuestudio.inference.sheet.SvgSheetParser.Raw;
import org.cuestudio.inference.sheet.SvgSheetParser.RawArt;
import org.cuestudio.inference.sheet.SvgSheetParser.RawPart;
import org.cuestudio.inference.sheet.SvgSheetParser.Recognised;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an OpenRaster ({@code .ora}) sheet, as Krita and GIMP write it, into the same raw rig as
 * {@link SvgSheetParser}: {@code <stack>} elements are layer groups, {@code <layer>} elements are PNG images placed
 * at (x, y) on the canvas, named by the Character Animator conventions of docs/character-sheets.md. A layer or
 * stack named {@code pivot} (or ending in {@code pivot}) marks its parent's pivot at the centre of its painted
 * pixels and is never drawn. Consecutive unnamed layers are merged into one sprite, as runs of static SVG art are.
 *
 * <p>The archive is read through its central directory and only {@code mimetype}, {@code stack.xml} and the PNGs
 * that layers name are inflated, each and all together capped, and every PNG's size is read from its header before
 * it is decoded, so a hostile file fails with a {@link CharacterSheetException} naming the file and the layer
 * instead of exhausting memory.
 */
final class OraSheetParser {
    static final String MIMETYPE = "image/openraster";
    static final long MAX_STACK_XML_BYTES = 1024 * 1024;
    /** Most bytes all the entries read from one archive may inflate to. */
    static final long MAX_INFLATED_BYTES = 2 * CharacterSheetLoader.MAX_ART_BYTES;
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_LAYERS = 4_000;
    /** Longest side of the canvas and of any layer, pixels. */
    static final int MAX_SIDE = 16_384;
    /** Most pixels one layer's PNG may hold (decoded, before it is cropped to its painted pixels). */
    static final long MAX_LAYER_PIXELS = 32L * 1024 * 1024;
    /** Most painted pixels all layers together may keep after cropping. */
    static final long MAX_KEPT_PIXELS = 64L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Path file;
    private final @Nullable ZipFile zip;
    private final @Nullable LayerPixels pixels;
    private final List<SpriteSource> sprites = new ArrayList<>();
    private final Map<String, RasterArt> decoded = new HashMap<>();
    private String listName = "stack.xml";
    private long inflated;
    private long kept;
    private int layers;

    /** A layer's pixels placed on the canvas, with what to call it in messages. */
    private record Placed(RasterArt art, String label) {
    }

    /** Offset and opacity that a stack passes on to what it holds. */
    private record Context(int dx, int dy, double opacity) {
    }

    /** Where the pixels of a layer tree that did not come from an OpenRaster archive are read (PSD). */
    interface LayerPixels {
        /** The layer's image, checked against the limits before it is decoded; {@code where} names it in messages. */
        BufferedImage read(String src, String where) throws CharacterSheetException;
    }

    private OraSheetParser(Path file, @Nullable ZipFile zip, @Nullable LayerPixels pixels) {
        this.file = file;
        this.zip = zip;
        this.pixels = pixels;
    }

    /** Parses the OpenRaster file into a raw rig with raster sprites (bounds known). */
    static Parsed parse(Path file) throws CharacterSheetException {
        ZipFile z;
        try {
            z = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CharacterSheetException(file + " is not an OpenRaster file: not a valid zip archive (" + e.getMessage()
                    + ")", e);
        } catch (IOException e) {
            throw new CharacterSheetException(file + " cannot be read: " + e.getMessage(), e);
        }
        try (ZipFile closing = z) {
            return new OraSheetParser(file, closing, null).run();
        } catch (IOException e) {
            throw new CharacterSheetException(file + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // ZipFile reports some damage (bad entry headers, invalid CEN) as unchecked exceptions.
            throw new CharacterSheetException(file + " is a damaged OpenRaster file: " + e, e);
        }
    }

    private Parsed run() throws CharacterSheetException {
        ZipFile zip = java.util.Objects.requireNonNull(this.zip);
        if (zip.size() > MAX_ENTRIES) {
            throw new CharacterSheetException(file + ": more than " + MAX_ENTRIES + " entries; not a character sheet");
        }
        ZipEntry mime = zip.getEntry("mimetype");
        if (mime != null) {
            String m = new String(entry(mime, 256, "the mimetype entry"), StandardCharsets.US_ASCII).trim();
            if (!m.equals(MIMETYPE)) {
                throw new CharacterSheetException(file + " is not an OpenRaster file: its mimetype is '" + clip(m)
                        + "', not '" + MIMETYPE + "'");
            }
        }
        ZipEntry stackEntry = zip.getEntry("stack.xml");
        if (stackEntry == null) {
            throw new CharacterSheetException(file + " is not an OpenRaster file: it has no stack.xml (the layer list)");
        }
        Document doc = parseXml(entry(stackEntry, MAX_STACK_XML_BYTES, "stack.xml"));
        return build(doc.getDocumentElement(), "stack.xml");
    }

    /**
     * Reads a layer tree in OpenRaster's stack.xml form (an {@code <image w h>} holding a {@code <stack>}) whose
     * layers' {@code src} the given source reads: how PSD files are read.
     */
    static Parsed parseTree(Path file, Element image, LayerPixels pixels) throws CharacterSheetException {
        return new OraSheetParser(file, null, pixels).build(image, "the layer list");
    }

    private Parsed build(Element image, String listName) throws CharacterSheetException {
        this.listName = listName;
        if (!local(image).equals("image")) {
            throw new CharacterSheetException(file + ": " + listName + "'s root element is <" + local(image) + ">, not <image>");
        }
        int w = intAttr(image, "w", -1, "the canvas (<image>)");
        int h = intAttr(image, "h", -1, "the canvas (<image>)");
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (double) w / h > SvgSheetParser.MAX_ASPECT
                || (double) h / w > SvgSheetParser.MAX_ASPECT) {
            throw new CharacterSheetException(file + ": the canvas " + w + " x " + h + " in " + listName + " is not usable (sides "
                    + "must be 1 to " + MAX_SIDE + " pixels, aspect ratio at most " + (long) SvgSheetParser.MAX_ASPECT + ")");
        }
        Element top = null;
        for (Element c : children(image)) {
            if (local(c).equals("stack")) {
                top = c;
                break;
            }
        }
        if (top == null) throw new CharacterSheetException(file + ": " + listName + " has no <stack> inside <image>");
        List<Raw> nodes = new ArrayList<>();
        List<Placed> run = new ArrayList<>();
        Context root = new Context(0, 0, 1);
        collect(top, null, LayerSide.NONE, root, nodes, run, "");
        flush(run, nodes, "static");
        SvgSheetParser.validate(nodes, file.toString());
        return new Parsed(new CanvasRect(0, 0, w, h), nodes, sprites);
    }

    // ---- layer structure (stack.xml lists the topmost first; the rig is back to front)

    private void collect(Element parent, @Nullable PartKind context, LayerSide side, Context ctx, List<Raw> out,
            List<Placed> run, String path) throws CharacterSheetException {
        for (Element child : backToFront(parent)) {
            if (isPivot(child)) continue;
            Recognised r = recognise(child, context, side);
            if (r != null) {
                flush(run, out, path.isEmpty() ? "static" : path);
                out.add(part(child, r, ctx, path));
            } else if (isStack(child) && holdsNamedLayer(child, context, side)) {
                collect(child, context, side, inner(child, ctx, path), out, run, path);
            } else if (!hidden(child)) {
                flatten(child, ctx, run, path);
            }
        }
    }

    private RawPart part(Element e, Recognised r, Context ctx, String parentPath) throws CharacterSheetException {
        String label = label(e);
        String path = parentPath.isEmpty() ? label : parentPath + "/" + label;
        List<Raw> children = new ArrayList<>();
        List<Placed> run = new ArrayList<>();
        CanvasPoint pivot = null;
        if (isStack(e)) {
            Context in = inner(e, ctx, path);
            collect(e, r.kind(), r.side(), in, children, run, path);
            pivot = pivot(e, in, path);
        } else {
            // A named layer (leaf kinds only): shown even when hidden in the editor, as mouth shapes often are.
            Placed p = layer(e, ctx, parentPath);
            if (p != null) run.add(p);
        }
        flush(run, children, path);
        return new RawPart(r.kind(), r.side(), r.key(), label, pivot, children);
    }

    private @Nullable Recognised recognise(Element e, @Nullable PartKind context, LayerSide side) {
        String n = name(e);
        if (n == null) return null;
        Recognised r = SvgSheetParser.recogniseName(n, context, side);
        if (r == null) return null;
        return isStack(e) || !r.kind().container() ? r : null;
    }

    private boolean holdsNamedLayer(Element stack, @Nullable PartKind context, LayerSide side) {
        for (Element c : children(stack)) {
            if (!isLayerOrStack(c) || isPivot(c)) continue;
            if (recognise(c, context, side) != null) return true;
            if (isStack(c) && holdsNamedLayer(c, context, side)) return true;
        }
        return false;
    }

    /** Unnamed art: a visible layer, or every visible layer of a stack, joins the current run of static art. */
    private void flatten(Element e, Context ctx, List<Placed> run, String path) throws CharacterSheetException {
        if (isStack(e)) {
            Context in = inner(e, ctx, path);
            for (Element c : backToFront(e)) {
                if (!hidden(c) && !isPivot(c)) flatten(c, in, run, path);
            }
        } else {
            Placed p = layer(e, ctx, path);
            if (p != null) run.add(p);
        }
    }

    private @Nullable CanvasPoint pivot(Element stack, Context ctx, String path) throws CharacterSheetException {
        for (Element c : children(stack)) {
            if (!isPivot(c)) continue;
            List<Placed> dots = new ArrayList<>();
            if (isStack(c)) {
                for (Element l : children(c)) if (isLayer(l)) addIfPainted(dots, layer(l, inner(c, ctx, path), path));
            } else {
                addIfPainted(dots, layer(c, ctx, path));
            }
            if (dots.isEmpty()) {
                throw new CharacterSheetException(file + ": layer " + path + "/" + label(c) + " (the pivot of " + path
                        + ") paints no pixel; paint a small dot where the part turns");
            }
            CanvasRect b = dots.get(0).art().bounds();
            for (Placed d : dots) b = b.union(d.art().bounds());
            return new CanvasPoint(b.centerX(), b.centerY());
        }
        return null;
    }

    private static void addIfPainted(List<Placed> into, @Nullable Placed p) {
        if (p != null) into.add(p);
    }

    private Context inner(Element stack, Context ctx, String path) throws CharacterSheetException {
        String what = "stack " + (path.isEmpty() ? "" : path + "/") + label(stack);
        return new Context(ctx.dx() + intAttr(stack, "x", 0, what), ctx.dy() + intAttr(stack, "y", 0, what),
                ctx.opacity() * opacity(stack, what));
    }

    // ---- layers

    /** A layer's painted pixels on the canvas, opacity applied, or null when it paints nothing. */
    private @Nullable Placed layer(Element e, Context ctx, String path) throws CharacterSheetException {
        String label = (path.isEmpty() ? "" : path + "/") + label(e);
        String what = "layer " + label;
        if (!isLayer(e)) return null;
        if (++layers > MAX_LAYERS) {
            throw new CharacterSheetException(file + ": more than " + MAX_LAYERS + " layers; refused at " + what);
        }
        int x = ctx.dx() + intAttr(e, "x", 0, what);
        int y = ctx.dy() + intAttr(e, "y", 0, what);
        double alpha = ctx.opacity() * opacity(e, what);
        String src = e.getAttribute("src").trim();
        if (src.isEmpty()) throw new CharacterSheetException(file + ": " + what + " has no src (the PNG of its pixels)");
        RasterArt pixels = decoded.get(src);
        if (pixels == null) {
            pixels = decode(src, what);
            decoded.put(src, pixels);
        }
        if (alpha <= 0) return null;
        RasterArt placed = place(pixels, x, y, alpha);
        return placed == null ? null : new Placed(placed, label);
    }

    /** The PNG {@code src} decoded to premultiplied ARGB and cropped to its painted pixels (x, y relative to it). */
    private RasterArt decode(String src, String what) throws CharacterSheetException {
        if (pixels != null) {
            String at = file + ": " + what;
            return crop(pixels.read(src, at), at);
        }
        ZipFile zip = java.util.Objects.requireNonNull(this.zip);
        String where = file + ": " + what + ": src '" + clip(src) + "'";
        String n = src.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0 || n.contains("://")) {
            throw new CharacterSheetException(where + " is an absolute path; it must name an entry inside the archive");
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw new CharacterSheetException(where + " leaves the archive ('..' is not allowed)");
            }
        }
        ZipEntry entry = zip.getEntry(n);
        if (entry == null || entry.isDirectory()) {
            throw new CharacterSheetException(where + " is missing from the archive");
        }
        byte[] png = entry(entry, CharacterSheetLoader.MAX_ART_BYTES, what + " (" + clip(src) + ")");
        if (png.length < 24 || !startsWith(png, PNG_SIGNATURE) || png[12] != 'I' || png[13] != 'H' || png[14] != 'D'
                || png[15] != 'R') {
            throw new CharacterSheetException(where + " is not a PNG image");
        }
        long pw = readInt(png, 16) & 0xffffffffL;
        long ph = readInt(png, 20) & 0xffffffffL;
        if (pw == 0 || ph == 0 || pw > MAX_SIDE || ph > MAX_SIDE || pw * ph > MAX_LAYER_PIXELS) {
            throw new CharacterSheetException(where + " is " + pw + " x " + ph + " pixels; a layer may have at most "
                    + MAX_SIDE + " pixels on a side and " + MAX_LAYER_PIXELS + " in all");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new CharacterSheetException(where + " is a damaged PNG: " + e.getMessage(), e);
        }
        if (img == null) throw new CharacterSheetException(where + " is a PNG this reader cannot decode");
        if (img.getWidth() != pw || img.getHeight() != ph) {
            throw new CharacterSheetException(where + " decodes to " + img.getWidth() + " x " + img.getHeight()
                    + " pixels, not the " + pw + " x " + ph + " its header says");
        }
        return crop(img, where);
    }

    private RasterArt crop(BufferedImage img, String where) throws CharacterSheetException {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] row = new int[w];
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int yy = 0; yy < h; yy++) {
            img.getRGB(0, yy, w, 1, row, 0, w);
            for (int xx = 0; xx < w; xx++) {
                if ((row[xx] >>> 24) != 0) {
                    if (xx < minX) minX = xx;
                    if (xx > maxX) maxX = xx;
                    if (yy < minY) minY = yy;
                    maxY = yy;
                }
            }
        }
        if (maxX < 0) return new RasterArt(0, 0, 1, 1, new int[1]); // paints nothing: place() drops it
        int cw = maxX - minX + 1;
        int ch = maxY - minY + 1;
        kept += (long) cw * ch;
        if (kept > MAX_KEPT_PIXELS) {
            throw new CharacterSheetException(where + ": the layers paint more than " + MAX_KEPT_PIXELS
                    + " pixels in all; refused");
        }
        int[] out = new int[cw * ch];
        for (int yy = 0; yy < ch; yy++) img.getRGB(minX, minY + yy, cw, 1, out, yy * cw, cw);
        return new RasterArt(minX, minY, cw, ch, out); // straight ARGB until placed
    }

    /** The decoded pixels at canvas (x, y), premultiplied with the opacity applied; null when nothing is left. */
    private static @Nullable RasterArt place(RasterArt straight, int x, int y, double opacity) {
        int[] src = straight.argb();
        int[] out = new int[src.length];
        double o = Math.max(0, Math.min(1, opacity));
        boolean any = false;
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            int a = (int) Math.round((p >>> 24) * o);
            if (a == 0) continue;
            any = true;
            int r = ((p >>> 16) & 0xff) * a + 127;
            int g = ((p >>> 8) & 0xff) * a + 127;
            int b = (p & 0xff) * a + 127;
            out[i] = a << 24 | (r / 255) << 16 | (g / 255) << 8 | (b / 255);
        }
        return any ? new RasterArt(x + straight.x(), y + straight.y(), straight.width(), straight.height(), out) : null;
    }

    // ---- sprites

    private void flush(List<Placed> run, List<Raw> out, String label) {
        if (run.isEmpty()) return;
        RasterArt art = run.size() == 1 ? run.get(0).art() : composite(run);
        int id = sprites.size();
        sprites.add(SpriteSource.raster(id, label + " #" + id, art));
        out.add(new RawArt(id));
        run.clear();
    }

    /** Draws the run's layers back to front (source over, premultiplied) into their common bounds. */
    private static RasterArt composite(List<Placed> run) {
        CanvasRect b = run.get(0).art().bounds();
        for (Placed p : run) b = b.union(p.art().bounds());
        int x0 = (int) b.x0();
        int y0 = (int) b.y0();
        int w = (int) b.x1() - x0;
        int h = (int) b.y1() - y0;
        int[] dst = new int[w * h];
        for (Placed p : run) {
            RasterArt a = p.art();
            int[] src = a.argb();
            for (int yy = 0; yy < a.height(); yy++) {
                int drow = (a.y() - y0 + yy) * w + (a.x() - x0);
                int srow = yy * a.width();
                for (int xx = 0; xx < a.width(); xx++) {
                    int s = src[srow + xx];
                    int sa = s >>> 24;
                    if (sa == 0) continue;
                    int di = drow + xx;
                    if (sa == 255) {
                        dst[di] = s;
                        continue;
                    }
                    int d = dst[di];
                    int k = 255 - sa;
                    int oa = sa + ((d >>> 24) * k + 127) / 255;
                    int or = ((s >>> 16) & 0xff) + (((d >>> 16) & 0xff) * k + 127) / 255;
                    int og = ((s >>> 8) & 0xff) + (((d >>> 8) & 0xff) * k + 127) / 255;
                    int ob = (s & 0xff) + ((d & 0xff) * k + 127) / 255;
                    dst[di] = Math.min(255, oa) << 24 | Math.min(255, or) << 16 | Math.min(255, og) << 8 | Math.min(255, ob);
                }
            }
        }
        return new RasterArt(x0, y0, w, h, dst);
    }

    // ---- the archive

    private byte[] entry(ZipEntry e, long max, String what) throws CharacterSheetException {
        try (InputStream in = java.util.Objects.requireNonNull(zip).getInputStream(e)) {
            byte[] buf = new byte[(int) Math.min(max + 1, Math.max(8192, Math.min(e.getSize(), max + 1)))];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > max) break;
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(max + 1, (long) buf.length * 2));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
                inflated += r;
                if (n > max || inflated > MAX_INFLATED_BYTES) break;
            }
            if (n > max) {
                throw new CharacterSheetException(file + ": " + what + " (entry '" + clip(e.getName()) + "') unpacks to more "
                        + "than " + max + " bytes; refused");
            }
            if (inflated > MAX_INFLATED_BYTES) {
                throw new CharacterSheetException(file + ": " + what + " (entry '" + clip(e.getName()) + "'): the archive "
                        + "unpacks to more than " + MAX_INFLATED_BYTES + " bytes; refused");
            }
            return java.util.Arrays.copyOf(buf, n);
        } catch (ZipException ex) {
            throw new CharacterSheetException(file + ": " + what + " (entry '" + clip(e.getName()) + "') is damaged: "
                    + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new CharacterSheetException(file + ": " + what + " (entry '" + clip(e.getName()) + "') cannot be read: "
                    + ex.getMessage(), ex);
        }
    }

    private Document parseXml(byte[] xml) throws CharacterSheetException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // stack.xml never needs a DOCTYPE: refusing one rules out entity expansion ("billion laughs").
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(SvgSheetParser.FATAL_ONLY);
            return b.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new CharacterSheetException(file + ": stack.xml is not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new CharacterSheetException(file + ": stack.xml is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support secure processing", e);
        }
    }

    // ---- attributes and names

    private int intAttr(Element e, String name, int fallback, String what) throws CharacterSheetException {
        String v = e.getAttribute(name).trim();
        if (v.isEmpty()) {
            if (fallback >= 0 || !name.equals("w") && !name.equals("h")) return fallback;
            throw new CharacterSheetException(file + ": " + what + " in " + listName + " has no " + name + " attribute");
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException ex) {
            try {
                double d = Double.parseDouble(v); // some writers put "12.0"
                if (!Double.isFinite(d)) throw new NumberFormatException(v);
                n = Math.round(d);
            } catch (NumberFormatException ex2) {
                throw new CharacterSheetException(file + ": " + what + " in " + listName + ": " + name + "='" + clip(v)
                        + "' is not a whole number", ex2);
            }
        }
        if (Math.abs(n) > 4L * MAX_SIDE) {
            throw new CharacterSheetException(file + ": " + what + " in " + listName + ": " + name + "=" + n + " is out of range "
                    + "(at most " + 4 * MAX_SIDE + " pixels)");
        }
        return (int) n;
    }

    private double opacity(Element e, String what) throws CharacterSheetException {
        String v = e.getAttribute("opacity").trim();
        if (v.isEmpty()) return 1;
        try {
            double o = Double.parseDouble(v);
            if (Double.isNaN(o)) throw new NumberFormatException(v);
            return Math.max(0, Math.min(1, o));
        } catch (NumberFormatException ex) {
            throw new CharacterSheetException(file + ": " + what + " in stack.xml: opacity='" + clip(v) + "' is not a number",
                    ex);
        }
    }

    private static boolean hidden(Element e) {
        return e.getAttribute("visibility").trim().equalsIgnoreCase("hidden");
    }

    /** The normalised layer name, or null when it has none. */
    private static @Nullable String name(Element e) {
        String n = e.getAttribute("name");
        return n.isBlank() ? null : SvgSheetParser.normalise(n);
    }

    private static String label(Element e) {
        String n = e.getAttribute("name").trim();
        return n.isEmpty() ? "<" + local(e) + " without a name>" : clip(n);
    }

    private static boolean isPivot(Element e) {
        String n = name(e);
        return isLayerOrStack(e) && n != null && n.replace(" ", "").endsWith("pivot");
    }

    private static boolean isStack(Element e) {
        return local(e).equals("stack");
    }

    private static boolean isLayer(Element e) {
        return local(e).equals("layer");
    }

    private static boolean isLayerOrStack(Element e) {
        return isStack(e) || isLayer(e);
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) out.add(c);
        }
        return out;
    }

    /** Layers and stacks of a stack in drawing order: stack.xml lists the topmost first. */
    private static List<Element> backToFront(Element stack) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(stack)) if (isLayerOrStack(c)) out.add(0, c);
        return out;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** Names from the file, shortened for messages. */
    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }

    static boolean isOra(String art) {
        return art.toLowerCase(Locale.ROOT).endsWith(".ora");
    }
}
