package org.cuestudio.inference.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Builds small OpenRaster sheets on the fly for tests: a minimal valid sheet (Head > Frontal with both eyes, a pivot
 * and a Mouth holding Neutral and Aa over a face and a body), and the means to break it.
 */
final class TinyOra {
    /** The minimal sheet's stack.xml (topmost first, as in the format). */
    static final String STACK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <image version="0.0.5" w="100" h="120">
             <stack name="root">
              <stack name="Head">
               <layer name="pivot" src="data/dot.png" x="49" y="59" visibility="hidden"/>
               <stack name="Frontal">
                <stack name="Mouth">
                 <layer name="Aa" src="data/mouth-aa.png" x="40" y="40" visibility="hidden"/>
                 <layer name="Neutral" src="data/mouth.png" x="40" y="40"/>
                </stack>
                <stack name="Right Eye">
                 <layer name="Right Pupil" src="data/pupil.png" x="62" y="27"/>
                 <layer name="Right Eyeball" src="data/eye.png" x="60" y="25"/>
                </stack>
                <stack name="Left Eye">
                 <layer name="Left Pupil" src="data/pupil.png" x="32" y="27"/>
                 <layer name="Left Eyeball" src="data/eye.png" x="30" y="25"/>
                </stack>
                <layer name="face" src="data/face.png" x="20" y="10"/>
               </stack>
              </stack>
              <layer name="body" src="data/body.png" x="30" y="60" opacity="0.5"/>
             </stack>
            </image>
            """;

    final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** The minimal valid sheet. */
    static TinyOra minimal() {
        TinyOra o = new TinyOra();
        o.entries.put("mimetype", "image/openraster".getBytes(StandardCharsets.US_ASCII));
        o.entries.put("stack.xml", STACK.strip().getBytes(StandardCharsets.UTF_8));
        o.entries.put("data/dot.png", png(2, 2, 0xffff0000));
        o.entries.put("data/mouth.png", png(20, 4, 0xff802020));
        o.entries.put("data/mouth-aa.png", png(20, 10, 0xff400000));
        o.entries.put("data/eye.png", png(10, 8, 0xffffffff));
        o.entries.put("data/pupil.png", png(4, 4, 0xff000000));
        o.entries.put("data/face.png", png(60, 50, 0xfff2c9a0));
        o.entries.put("data/body.png", png(40, 60, 0xff3050a0));
        return o;
    }

    TinyOra stack(String xml) {
        entries.put("stack.xml", xml.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TinyOra editStack(java.util.function.UnaryOperator<String> edit) {
        return stack(edit.apply(new String(entries.get("stack.xml"), StandardCharsets.UTF_8)));
    }

    /** Writes the sheet folder (character.json naming character.ora) under {@code dir} and returns it. */
    Path writeSheet(Path dir) throws IOException {
        Path sheet = dir.resolve("tiny-ora");
        Files.createDirectories(sheet);
        Files.writeString(sheet.resolve("character.json"), "{\"type\": \"CharacterSheet.1\", \"name\": \"Tiny\", "
                + "\"art\": \"character.ora\"}");
        try (OutputStream out = Files.newOutputStream(sheet.resolve("character.ora")); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return sheet;
    }

    /** A PNG of one colour (straight ARGB). */
    static byte[] png(int w, int h, int argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, argb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
