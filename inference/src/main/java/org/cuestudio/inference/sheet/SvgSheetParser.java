package org.cuestudio.inference.sheet;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.cuestudio.core.render.CharacterSheetException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the layer structure of an SVG character sheet: finds the named groups and pivots of
 * docs/character-sheets.md and cuts the art into standalone sprite documents, one per run of static art between
 * named layers, keeping document (drawing) order.
 */
final class SvgSheetParser {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    /** Larger canvases are refused: the renderer rasterises the whole canvas height into the frame height. */
    static final double MAX_VIEWBOX_SIDE = 100_000;
    /** Canvases more elongated than this are refused. */
    static final double MAX_ASPECT = 10;

    private static final Set<String> NOT_DRAWN = Set.of("defs", "title", "desc", "metadata", "style", "script",
            "symbol", "lineargradient", "radialgradient", "pattern", "clippath", "mask", "filter", "marker", "font",
            "font-face", "cursor", "view");
    private static final Set<String> HAND_POSES = Set.of("relaxed", "open", "point", "fist", "wave");
    private static final Set<String> MOUTH_SHAPES = Set.of("neutral", "smile", "surprised", "aa", "d", "ee", "f",
            "l", "m", "oh", "r", "s", "uh", "w oo");
    private static final Set<String> VIEWS = Set.of("frontal", "left quarter", "right quarter", "left profile",
            "right profile");
    private static final Pattern ILLUSTRATOR_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{2})_");
    private static final Pattern URL_REF = Pattern.compile("url\\(\\s*['\"]?#([^)'\"\\s]+)['\"]?\\s*\\)");
    private static final Pattern DISPLAY_NONE = Pattern.compile("(^|;)\\s*display\\s*:\\s*none\\s*(;|$)");

    /** A piece of art before its bounds are known. */
    sealed interface Raw permits RawArt, RawPart {
    }

    /** Static art: a sprite index. */
    record RawArt(int sprite) implements Raw {
    }

    /** A named part before its bounds are known. */
    record RawPart(PartKind kind, LayerSide side, String key, String label, @Nullable CanvasPoint pivot,
            List<Raw> children) implements Raw {
    }

    /** The result of parsing: canvas, raw rig and sprite documents (without bounds yet). */
    record Parsed(CanvasRect viewBox, List<Raw> nodes, List<SpriteSource> sprites) {
    }

    /** What a layer name means in a context. */
    record Recognised(PartKind kind, LayerSide side, String key) {
    }

    private record Piece(Element element, List<Element> ancestors) {
    }

    private final String file;
    private final Document doc;
    private final Element root;
    private final DocumentBuilder builder;
    private final Transformer serializer;
    private final Map<String, Element> byId = new HashMap<>();
    private final Set<Element> rigElements = new HashSet<>();
    private final List<Element> styles = new ArrayList<>();
    private final List<SpriteSource> sprites = new ArrayList<>();

    private SvgSheetParser(String file, Document doc, DocumentBuilder builder, Transformer serializer) {
        this.file = file;
        this.doc = doc;
        this.root = doc.getDocumentElement();
        this.builder = builder;
        this.serializer = serializer;
    }

    /** Parses an SVG sheet; {@code file} names it in messages. */
    static Parsed parse(byte[] svg, String file) throws CharacterSheetException {
        DocumentBuilder builder = newBuilder();
        Document doc;
        try {
            doc = builder.parse(new InputSource(new ByteArrayInputStream(svg)));
        } catch (SAXParseException e) {
            throw new CharacterSheetException(file + " is not well-formed SVG at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new CharacterSheetException(file + " is not well-formed SVG: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!isSvg(root, "svg")) {
            throw new CharacterSheetException(file + " is not an SVG document: its root element is <" + root.getTagName() + ">");
        }
        Transformer serializer;
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            serializer = tf.newTransformer();
            serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            serializer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            serializer.setOutputProperty(OutputKeys.INDENT, "no");
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer is not available", e);
        }
        SvgSheetParser p = new SvgSheetParser(file, doc, builder, serializer);
        return p.run();
    }

    private Parsed run() throws CharacterSheetException {
        CanvasRect viewBox = viewBox();
        index(root);
        collectStyles(root);
        List<Raw> nodes = new ArrayList<>();
        List<Piece> run = new ArrayList<>();
        collect(root, List.of(), null, LayerSide.NONE, nodes, run, "");
        flush(run, nodes, "static");
        validate(nodes, file);
        return new Parsed(viewBox, nodes, sprites);
    }

    // ---- canvas

    private CanvasRect viewBox() throws CharacterSheetException {
        String vb = root.getAttribute("viewBox").trim();
        double x = 0;
        double y = 0;
        double w;
        double h;
        if (!vb.isEmpty()) {
            String[] parts = vb.split("[\\s,]+");
            if (parts.length != 4) throw new CharacterSheetException(file + ": cannot read viewBox '" + vb + "'");
            try {
                x = Double.parseDouble(parts[0]);
                y = Double.parseDouble(parts[1]);
                w = Double.parseDouble(parts[2]);
                h = Double.parseDouble(parts[3]);
            } catch (NumberFormatException e) {
                throw new CharacterSheetException(file + ": cannot read viewBox '" + vb + "'", e);
            }
        } else {
            w = SvgTransforms.length(root.getAttribute("width"), Double.NaN);
            h = SvgTransforms.length(root.getAttribute("height"), Double.NaN);
            if (Double.isNaN(w) || Double.isNaN(h)) {
                throw new CharacterSheetException(file + ": the root <svg> has no viewBox (the sheet's canvas, e.g. "
                        + "viewBox=\"0 0 1000 1200\")");
            }
        }
        boolean finite = Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h);
        if (!finite || w <= 0 || h <= 0 || w > MAX_VIEWBOX_SIDE || h > MAX_VIEWBOX_SIDE || Math.abs(x) > MAX_VIEWBOX_SIDE
                || Math.abs(y) > MAX_VIEWBOX_SIDE || w / h > MAX_ASPECT || h / w > MAX_ASPECT) {
            throw new CharacterSheetException(file + ": the canvas " + x + " " + y + " " + w + " " + h + " is not usable (sides "
                    + "must be positive, at most " + (long) MAX_VIEWBOX_SIDE + ", aspect ratio at most " + (long) MAX_ASPECT + ")");
        }
        return new CanvasRect(x, y, x + w, y + h);
    }

    /** Style sheets apply to the whole document wherever they sit (Illustrator puts them in defs). */
    private void collectStyles(Element e) {
        for (Element c : children(e)) {
            if (isSvg(c, "style")) styles.add(c);
            else collectStyles(c);
        }
    }

    private void index(Element e) {
        String id = e.getAttribute("id");
        if (!id.isEmpty()) byId.putIfAbsent(id, e);
        for (Element c : children(e)) index(c);
    }

    // ---- layer structure

    /**
     * Walks the children of {@code parent} in the context of a part kind (null at the top), appending parts and
     * flushing static runs into {@code out}. Unnamed groups that hold named layers are looked through.
     */
    private void collect(Element parent, List<Element> ancestors, @Nullable PartKind context, LayerSide side,
            List<Raw> out, List<Piece> run, String path) throws CharacterSheetException {
        for (Element child : children(parent)) {
            if (!isDrawable(child) || isPivot(child)) continue;
            Recognised r = recognise(child, context, side);
            if (r != null) {
                flush(run, out, path.isEmpty() ? "static" : path);
                out.add(part(child, ancestors, r, path));
            } else if (isSvg(child, "g") && holdsNamedLayer(child, context, side)) {
                collect(child, append(ancestors, child), context, side, out, run, path);
            } else {
                run.add(new Piece(child, ancestors));
            }
        }
    }

    private RawPart part(Element e, List<Element> ancestors, Recognised r, String parentPath) throws CharacterSheetException {
        rigElements.add(e);
        String label = label(e);
        String path = parentPath.isEmpty() ? label : parentPath + "/" + label;
        List<Raw> children = new ArrayList<>();
        List<Piece> run = new ArrayList<>();
        List<Element> inner = append(ancestors, e);
        if (isSvg(e, "g")) {
            collect(e, inner, r.kind(), r.side(), children, run, path);
        } else {
            run.add(new Piece(e, ancestors));
        }
        flush(run, children, path);
        return new RawPart(r.kind(), r.side(), r.key(), label, pivot(e, path), children);
    }

    private @Nullable Recognised recognise(Element e, @Nullable PartKind context, LayerSide side) {
        String n = name(e);
        if (n == null) return null;
        boolean group = isSvg(e, "g");
        Recognised r = recogniseName(n, context, side);
        if (r == null) return null;
        return group || !r.kind().container() ? r : null;
    }

    /**
     * What a normalised layer name means inside a part of kind {@code context} (null at the top level) on
     * {@code side}, or null when it names nothing there. Shared by the SVG and the OpenRaster readers.
     */
    static @Nullable Recognised recogniseName(String n, @Nullable PartKind context, LayerSide side) {
        LayerSide named = n.startsWith("left ") ? LayerSide.LEFT : n.startsWith("right ") ? LayerSide.RIGHT : LayerSide.NONE;
        String bare = named == LayerSide.NONE ? n : n.substring(n.indexOf(' ') + 1);
        if (context == null || context == PartKind.BODY) {
            if (bare.equals("arm") && named != LayerSide.NONE) return new Recognised(PartKind.ARM, named, n);
            if (n.equals("head")) return new Recognised(PartKind.HEAD, LayerSide.NONE, n);
            if (context == null && n.equals("body")) return new Recognised(PartKind.BODY, LayerSide.NONE, n);
            return null;
        }
        return switch (context) {
            case ARM -> bare.equals("upper arm") ? new Recognised(PartKind.UPPER_ARM, side, bare) : null;
            case UPPER_ARM -> bare.equals("forearm") || bare.equals("lower arm")
                    ? new Recognised(PartKind.FOREARM, side, "forearm") : null;
            case FOREARM -> bare.equals("hand") ? new Recognised(PartKind.HAND, side, bare) : null;
            case HAND -> HAND_POSES.contains(n) ? new Recognised(PartKind.HAND_POSE, side, n) : null;
            case HEAD -> VIEWS.contains(n) ? new Recognised(PartKind.HEAD_VIEW, LayerSide.NONE, n) : null;
            case HEAD_VIEW -> {
                if (named != LayerSide.NONE && bare.equals("eyebrow")) yield new Recognised(PartKind.EYEBROW, named, n);
                if (named != LayerSide.NONE && bare.equals("eye")) yield new Recognised(PartKind.EYE, named, n);
                if (n.equals("mouth")) yield new Recognised(PartKind.MOUTH, LayerSide.NONE, n);
                if (n.equals("nose")) yield new Recognised(PartKind.NOSE, LayerSide.NONE, n);
                yield null;
            }
            case EYE -> switch (bare) {
                case "eyeball" -> new Recognised(PartKind.EYEBALL, side, bare);
                case "pupil" -> new Recognised(PartKind.PUPIL, side, bare);
                case "blink" -> new Recognised(PartKind.BLINK, side, bare);
                default -> null;
            };
            case MOUTH -> {
                String shape = n.equals("ah") ? "aa" : n;
                yield MOUTH_SHAPES.contains(shape) ? new Recognised(PartKind.MOUTH_SHAPE, LayerSide.NONE, shape) : null;
            }
            default -> null;
        };
    }

    private boolean holdsNamedLayer(Element g, @Nullable PartKind context, LayerSide side) {
        for (Element c : children(g)) {
            if (!isDrawable(c) || isPivot(c)) continue;
            if (recognise(c, context, side) != null) return true;
            if (isSvg(c, "g") && holdsNamedLayer(c, context, side)) return true;
        }
        return false;
    }

    private @Nullable CanvasPoint pivot(Element part, String path) throws CharacterSheetException {
        for (Element c : children(part)) {
            if (!isPivot(c)) continue;
            AffineTransform t = ctm(part, path);
            t.concatenate(transformOf(c, path));
            double cx = SvgTransforms.length(c.getAttribute("cx"), 0);
            double cy = SvgTransforms.length(c.getAttribute("cy"), 0);
            Point2D p = t.transform(new Point2D.Double(cx, cy), null);
            return new CanvasPoint(p.getX(), p.getY());
        }
        return null;
    }

    /** The transform from an element's own coordinates to the canvas (its ancestors' and its own). */
    private AffineTransform ctm(Element e, String path) throws CharacterSheetException {
        Deque<Element> chain = new ArrayDeque<>();
        for (Node n = e; n != null && n != root; n = n.getParentNode()) {
            if (n instanceof Element el) chain.push(el);
        }
        AffineTransform t = new AffineTransform();
        for (Element el : chain) t.concatenate(transformOf(el, path));
        return t;
    }

    private AffineTransform transformOf(Element e, String path) throws CharacterSheetException {
        try {
            return SvgTransforms.parse(e.getAttribute("transform"));
        } catch (IllegalArgumentException ex) {
            throw new CharacterSheetException(file + ": layer " + path + ": " + ex.getMessage(), ex);
        }
    }

    // ---- validation

    /** Checks the layers every sheet needs (Head > Frontal with both eyes and a Mouth holding Neutral). */
    static void validate(List<Raw> nodes, String file) throws CharacterSheetException {
        RawPart head = find(nodes, PartKind.HEAD);
        if (head == null) {
            throw new CharacterSheetException(file + ": no 'Head' layer (a sheet needs Head > Frontal with Left Eye, "
                    + "Right Eye and a Mouth holding at least Neutral)");
        }
        RawPart frontal = null;
        for (Raw r : head.children()) {
            if (r instanceof RawPart p && p.kind() == PartKind.HEAD_VIEW && p.key().equals("frontal")) {
                frontal = p;
                break;
            }
        }
        if (frontal == null) {
            throw new CharacterSheetException(file + ": no 'Frontal' layer inside 'Head' (the head facing the camera is "
                    + "required)");
        }
        for (LayerSide s : List.of(LayerSide.LEFT, LayerSide.RIGHT)) {
            if (find(frontal.children(), PartKind.EYE, s) == null) {
                String eye = s == LayerSide.LEFT ? "Left Eye" : "Right Eye";
                throw new CharacterSheetException(file + ": no '" + eye + "' layer inside 'Head/Frontal'");
            }
        }
        RawPart mouth = find(frontal.children(), PartKind.MOUTH);
        if (mouth == null) throw new CharacterSheetException(file + ": no 'Mouth' layer inside 'Head/Frontal'");
        boolean neutral = mouth.children().stream()
                .anyMatch(r -> r instanceof RawPart p && p.kind() == PartKind.MOUTH_SHAPE && p.key().equals("neutral"));
        if (!neutral) throw new CharacterSheetException(file + ": the 'Mouth' layer in 'Head/Frontal' has no 'Neutral' shape");
    }

    private static @Nullable RawPart find(List<Raw> nodes, PartKind kind) {
        return find(nodes, kind, null);
    }

    private static @Nullable RawPart find(List<Raw> nodes, PartKind kind, @Nullable LayerSide side) {
        for (Raw r : nodes) {
            if (r instanceof RawPart p) {
                if (p.kind() == kind && (side == null || p.side() == side)) return p;
                RawPart inner = find(p.children(), kind, side);
                if (inner != null) return inner;
            }
        }
        return null;
    }

    // ---- sprites

    private void flush(List<Piece> run, List<Raw> out, String label) throws CharacterSheetException {
        if (run.isEmpty()) return;
        int id = sprites.size();
        sprites.add(new SpriteSource(id, label + " #" + id, spriteDocument(run), null));
        out.add(new RawArt(id));
        run.clear();
    }

    private String spriteDocument(List<Piece> pieces) throws CharacterSheetException {
        Document d = builder.newDocument();
        Element svg = (Element) d.importNode(root, false);
        for (String a : List.of("width", "height", "viewBox", "x", "y", "preserveAspectRatio", "style")) {
            svg.removeAttribute(a);
        }
        svg.setAttribute("viewBox", SpriteSource.VIEWBOX);
        svg.setAttribute("width", SpriteSource.WIDTH);
        svg.setAttribute("height", SpriteSource.HEIGHT);
        svg.setAttribute("preserveAspectRatio", "none");
        String rootStyle = root.getAttribute("style");
        d.appendChild(svg);
        Element defs = d.createElementNS(SVG_NS, "defs");
        svg.appendChild(defs);
        for (Element s : styles) svg.appendChild(d.importNode(s, true));
        Element holder = svg;
        if (!rootStyle.isEmpty()) {
            holder = d.createElementNS(SVG_NS, "g");
            holder.setAttribute("style", rootStyle);
            svg.appendChild(holder);
        }
        Element lastParent = null;
        Element wrapper = holder;
        for (Piece p : pieces) {
            Element parent = p.ancestors().isEmpty() ? root : p.ancestors().get(p.ancestors().size() - 1);
            if (parent != lastParent) {
                Element cursor = holder;
                for (Element a : p.ancestors()) {
                    Element c = (Element) d.importNode(a, false);
                    if (rigElements.contains(a)) showEvenIfHidden(c);
                    cursor.appendChild(c);
                    cursor = c;
                }
                wrapper = cursor;
                lastParent = parent;
            }
            Element clone = (Element) d.importNode(p.element(), true);
            if (rigElements.contains(p.element())) showEvenIfHidden(clone);
            removePivots(clone);
            wrapper.appendChild(clone);
        }
        addReferencedDefinitions(svg, defs);
        StringWriter w = new StringWriter();
        try {
            serializer.transform(new DOMSource(d), new StreamResult(w));
        } catch (TransformerException e) {
            throw new CharacterSheetException(file + ": cannot write a sprite document: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /** Copies into {@code defs} every element the sprite refers to (gradients, clips, use targets) that it lacks. */
    private void addReferencedDefinitions(Element svg, Element defs) {
        Document d = svg.getOwnerDocument();
        Set<String> present = new HashSet<>();
        ids(svg, present);
        Deque<String> wanted = new ArrayDeque<>();
        references(svg, wanted);
        while (!wanted.isEmpty()) {
            String id = wanted.pop();
            if (present.contains(id)) continue;
            Element target = byId.get(id);
            if (target == null) continue;
            Element copy = (Element) d.importNode(target, true);
            removePivots(copy);
            defs.appendChild(copy);
            ids(copy, present);
            references(copy, wanted);
        }
    }

    private static void ids(Element e, Set<String> out) {
        String id = e.getAttribute("id");
        if (!id.isEmpty()) out.add(id);
        for (Element c : children(e)) ids(c, out);
    }

    private static void references(Element e, Deque<String> out) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String v = a.getValue();
            String local = a.getLocalName() != null ? a.getLocalName() : a.getName();
            if (local.equals("href") && v.startsWith("#")) out.add(v.substring(1));
            Matcher m = URL_REF.matcher(v);
            while (m.find()) out.add(m.group(1));
        }
        for (Element c : children(e)) references(c, out);
    }

    /** Named layers the renderer switches (mouth shapes, blinks, views) are often hidden in the editor. */
    private static void showEvenIfHidden(Element e) {
        if ("none".equals(e.getAttribute("display").trim())) e.removeAttribute("display");
        String style = e.getAttribute("style");
        if (!style.isEmpty()) {
            Matcher m = DISPLAY_NONE.matcher(style);
            if (m.find()) e.setAttribute("style", m.replaceAll(";"));
        }
    }

    private static void removePivots(Element e) {
        for (Element c : children(e)) {
            if (isPivot(c)) e.removeChild(c);
            else removePivots(c);
        }
    }

    // ---- names and element kinds

    /** The layer name of an element: inkscape:label, else data-name, else id; normalised (lower case, single spaces). */
    static @Nullable String name(Element e) {
        String label = e.getAttributeNS(INKSCAPE_NS, "label");
        if (!label.isBlank()) return normalise(label);
        String dataName = e.getAttribute("data-name");
        if (!dataName.isBlank()) return normalise(dataName);
        String id = e.getAttribute("id");
        if (!id.isBlank()) return normalise(unescapeIllustrator(id));
        return null;
    }

    /** Lower case, '_' and '-' as spaces, runs of spaces as one. */
    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]+", " ").trim();
    }

    private static String unescapeIllustrator(String id) {
        Matcher m = ILLUSTRATOR_ESCAPE.matcher(id);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        m.appendTail(sb);
        return sb.toString();
    }

    private static String label(Element e) {
        String label = e.getAttributeNS(INKSCAPE_NS, "label");
        if (!label.isBlank()) return label.trim();
        String dataName = e.getAttribute("data-name");
        if (!dataName.isBlank()) return dataName.trim();
        return e.getAttribute("id");
    }

    private static boolean isPivot(Element e) {
        if (!isSvg(e, "circle") && !isSvg(e, "ellipse")) return false;
        String n = name(e);
        return n != null && n.replace(" ", "").endsWith("pivot");
    }

    private static boolean isDrawable(Element e) {
        String ns = e.getNamespaceURI();
        if (ns != null && !ns.equals(SVG_NS)) return false;
        return !NOT_DRAWN.contains(local(e).toLowerCase(Locale.ROOT));
    }

    private static boolean isSvg(Element e, String localName) {
        String ns = e.getNamespaceURI();
        return (ns == null || ns.equals(SVG_NS)) && local(e).equals(localName);
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

    private static List<Element> append(List<Element> list, Element e) {
        List<Element> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(e);
        return List.copyOf(out);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // Illustrator files carry a DOCTYPE: its internal entities expand, nothing outside is ever fetched.
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(FATAL_ONLY);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support secure processing", e);
        }
    }

    /** XML error handling for sheet files: warnings and recoverable errors pass, fatal errors stop the parse. */
    static final ErrorHandler FATAL_ONLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
