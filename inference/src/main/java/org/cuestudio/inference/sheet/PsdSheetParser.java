package org.cuestudio.inference.sheet;

import com.twelvemonkeys.imageio.plugins.psd.PSDImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.inference.sheet.SvgSheetParser.Parsed;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a layered Photoshop ({@code .psd}) sheet with TwelveMonkeys' PSD reader: its layer records (stored bottom
 * to top, each group opened by a section divider and closed by its folder record) become the same layer tree as an
 * OpenRaster stack.xml, which {@link OraSheetParser} turns into the rig, so names, pivots, visibility and limits
 * are those of OpenRaster sheets. Sizes are checked from the header and the layer records before any pixels are
 * decoded.
 */
final class PsdSheetParser {
    static final String FORMAT = "com_twelvemonkeys_imageio_psd_image_1.0";
    /** The PSD flag bit that hides a layer in the editor. */
    static final int HIDDEN = 0x02;

    private PsdSheetParser() {
    }

    static boolean isPsd(String art) {
        return art.toLowerCase(Locale.ROOT).endsWith(".psd");
    }

    static Parsed parse(Path file) throws CharacterSheetException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new CharacterSheetException(file + " cannot be opened");
            if (!new PSDImageReaderSpi().canDecodeInput(in)) {
                throw new CharacterSheetException(file + " is not a Photoshop file (no 8BPS header)");
            }
            ImageReader reader = new PSDImageReaderSpi().createReaderInstance(null);
            try {
                reader.setInput(in);
                return read(file, reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new CharacterSheetException(file + " is a damaged Photoshop file: " + e, e);
        }
    }

    private static Parsed read(Path file, ImageReader reader) throws IOException, CharacterSheetException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w > OraSheetParser.MAX_SIDE || h > OraSheetParser.MAX_SIDE) {
            throw new CharacterSheetException(file + ": the canvas " + w + " x " + h + " is not usable (sides must be 1 "
                    + "to " + OraSheetParser.MAX_SIDE + " pixels)");
        }
        IIOMetadata md = reader.getImageMetadata(0);
        Node tree = md.getAsTree(FORMAT);
        List<Element> records = new ArrayList<>();
        for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("Layers")) {
                for (Node l = n.getFirstChild(); l != null; l = l.getNextSibling()) {
                    if (l instanceof Element e && l.getNodeName().equals("LayerInfo")) records.add(e);
                }
            }
        }
        if (records.isEmpty()) {
            throw new CharacterSheetException(file + " has no layers (a flat picture); a sheet needs the named layers of "
                    + "docs/character-sheets.md");
        }
        if (records.size() > OraSheetParser.MAX_LAYERS) {
            throw new CharacterSheetException(file + ": more than " + OraSheetParser.MAX_LAYERS + " layers; refused");
        }
        Document doc = newDocument();
        Element image = doc.createElement("image");
        image.setAttribute("w", Integer.toString(w));
        image.setAttribute("h", Integer.toString(h));
        // Records run bottom to top; stack.xml lists the topmost first, so children are prepended.
        Element root = doc.createElement("stack");
        Deque<Element> open = new ArrayDeque<>();
        open.push(root);
        for (int i = 0; i < records.size(); i++) {
            Element r = records.get(i);
            if ("true".equals(r.getAttribute("sectionDivider"))) {
                open.push(doc.createElement("stack"));
            } else if ("true".equals(r.getAttribute("group"))) {
                if (open.size() < 2) {
                    throw new CharacterSheetException(file + ": layer group '" + r.getAttribute("name") + "' closes a "
                            + "group that was never opened; the layer records are damaged");
                }
                Element g = open.pop();
                common(r, g);
                prepend(open.peek(), g);
            } else {
                Element l = doc.createElement("layer");
                common(r, l);
                l.setAttribute("src", "psd:" + i);
                l.setAttribute("x", r.getAttribute("left"));
                l.setAttribute("y", r.getAttribute("top"));
                prepend(open.peek(), l);
            }
        }
        while (open.size() > 1) {
            // An unclosed group (a damaged or truncated file) is kept, unnamed, inside the group below it.
            Element g = open.pop();
            prepend(open.peek(), g);
        }
        image.appendChild(root);
        return OraSheetParser.parseTree(file, image, (src, where) -> layer(reader, records, src, where));
    }

    private static void common(Element record, Element out) {
        out.setAttribute("name", record.getAttribute("name"));
        String opacity = record.getAttribute("opacity");
        if (!opacity.isEmpty()) {
            try {
                out.setAttribute("opacity", Double.toString(Integer.parseInt(opacity) / 255.0));
            } catch (NumberFormatException ignored) {
                // Left at full opacity.
            }
        }
        int flags = 0;
        try {
            flags = Integer.parseInt(record.getAttribute("flags"));
        } catch (NumberFormatException ignored) {
            // No flags: visible.
        }
        if ((flags & HIDDEN) != 0) out.setAttribute("visibility", "hidden");
    }

    private static BufferedImage layer(ImageReader reader, List<Element> records, String src, String where)
            throws CharacterSheetException {
        int index = Integer.parseInt(src.substring("psd:".length()));
        Element r = records.get(index);
        long lw = (long) Integer.parseInt(r.getAttribute("right")) - Integer.parseInt(r.getAttribute("left"));
        long lh = (long) Integer.parseInt(r.getAttribute("bottom")) - Integer.parseInt(r.getAttribute("top"));
        if (lw <= 0 || lh <= 0) return new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB); // an empty layer
        if (lw > OraSheetParser.MAX_SIDE || lh > OraSheetParser.MAX_SIDE || lw * lh > OraSheetParser.MAX_LAYER_PIXELS) {
            throw new CharacterSheetException(where + " is " + lw + " x " + lh + " pixels; a layer may have at most "
                    + OraSheetParser.MAX_SIDE + " pixels on a side and " + OraSheetParser.MAX_LAYER_PIXELS + " in all");
        }
        try {
            BufferedImage img = reader.read(index + 1);
            if (img.getWidth() != lw || img.getHeight() != lh) {
                throw new CharacterSheetException(where + " decodes to " + img.getWidth() + " x " + img.getHeight()
                        + " pixels, not the " + lw + " x " + lh + " of its record");
            }
            return img;
        } catch (IOException | RuntimeException e) {
            throw new CharacterSheetException(where + ": its pixels are damaged: " + e, e);
        }
    }

    private static void prepend(Element parent, Element child) {
        parent.insertBefore(child, parent.getFirstChild());
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not available", e);
        }
    }
}
