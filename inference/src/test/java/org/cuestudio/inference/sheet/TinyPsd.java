package org.cuestudio.inference.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes small layered Photoshop files for tests, from an OpenRaster layer tree (stack.xml and its PNGs): 8-bit RGB
 * with transparency, raw (uncompressed) channels, groups as Photoshop stores them (a section divider record, the
 * group's layers, then the group's folder record, bottom to top), hidden layers with flag bit 1.
 */
final class TinyPsd {
    /** One layer record and its pixels (straight ARGB), or a group boundary. */
    record Record(String name, int left, int top, int width, int height, int[] argb, int opacity, boolean hidden,
            int section) {
    }

    final List<Record> records = new ArrayList<>();
    int width;
    int height;

    /** The layers of an OpenRaster sheet's entries. */
    static TinyPsd fromOra(Map<String, byte[]> entries) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        Element image = f.newDocumentBuilder().parse(new ByteArrayInputStream(entries.get("stack.xml"))).getDocumentElement();
        TinyPsd psd = new TinyPsd();
        psd.width = Integer.parseInt(image.getAttribute("w"));
        psd.height = Integer.parseInt(image.getAttribute("h"));
        Element top = null;
        for (Node n = image.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("stack")) top = e;
        }
        psd.stack(top, entries);
        return psd;
    }

    private void stack(Element stack, Map<String, byte[]> entries) throws IOException {
        List<Element> kids = new ArrayList<>();
        for (Node n = stack.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) kids.add(0, e); // bottom first
        }
        for (Element e : kids) {
            boolean hidden = e.getAttribute("visibility").equals("hidden");
            int opacity = e.getAttribute("opacity").isEmpty() ? 255
                    : (int) Math.round(Double.parseDouble(e.getAttribute("opacity")) * 255);
            if (e.getTagName().equals("stack")) {
                records.add(new Record("</Layer group>", 0, 0, 0, 0, new int[0], 255, false, 3));
                stack(e, entries);
                records.add(new Record(e.getAttribute("name"), 0, 0, 0, 0, new int[0], opacity, hidden, 1));
            } else {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(entries.get(e.getAttribute("src"))));
                int w = img.getWidth();
                int h = img.getHeight();
                int[] px = img.getRGB(0, 0, w, h, null, 0, w);
                records.add(new Record(e.getAttribute("name"), Integer.parseInt(e.getAttribute("x")),
                        Integer.parseInt(e.getAttribute("y")), w, h, px, opacity, hidden, 0));
            }
        }
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream layerInfo = new ByteArrayOutputStream();
        DataOutputStream li = new DataOutputStream(layerInfo);
        li.writeShort(records.size());
        for (Record r : records) {
            li.writeInt(r.top());
            li.writeInt(r.left());
            li.writeInt(r.top() + r.height());
            li.writeInt(r.left() + r.width());
            li.writeShort(4);
            for (int ch : new int[] {-1, 0, 1, 2}) {
                li.writeShort(ch);
                li.writeInt(2 + r.width() * r.height());
            }
            li.writeBytes("8BIMnorm");
            li.writeByte(r.opacity());
            li.writeByte(0);
            li.writeByte(r.hidden() ? 0x02 : 0);
            li.writeByte(0);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            DataOutputStream ex = new DataOutputStream(extra);
            ex.writeInt(0); // no mask
            ex.writeInt(0); // no blending ranges
            byte[] name = r.name().getBytes(StandardCharsets.ISO_8859_1);
            int len = Math.min(255, name.length);
            ex.writeByte(len);
            ex.write(name, 0, len);
            for (int pad = (1 + len) % 4; pad != 0 && pad < 4; pad++) ex.writeByte(0);
            if (r.section() != 0) {
                ex.writeBytes("8BIMlsct");
                ex.writeInt(4);
                ex.writeInt(r.section());
            }
            li.writeInt(extra.size());
            li.write(extra.toByteArray());
        }
        for (Record r : records) {
            int n = r.width() * r.height();
            for (int shift : new int[] {24, 16, 8, 0}) {
                li.writeShort(0); // raw
                for (int i = 0; i < n; i++) li.writeByte(r.argb()[i] >>> shift);
            }
        }
        if (layerInfo.size() % 2 != 0) li.writeByte(0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("8BPS");
        out.writeShort(1);
        out.write(new byte[6]);
        out.writeShort(4);
        out.writeInt(height);
        out.writeInt(width);
        out.writeShort(8);
        out.writeShort(3); // RGB
        out.writeInt(0); // colour mode data
        out.writeInt(0); // image resources
        out.writeInt(4 + layerInfo.size() + 4);
        out.writeInt(layerInfo.size());
        out.write(layerInfo.toByteArray());
        out.writeInt(0); // global layer mask
        out.writeShort(0); // the merged picture, raw: transparent
        out.write(new byte[4 * width * height]);
        return file.toByteArray();
    }
}
