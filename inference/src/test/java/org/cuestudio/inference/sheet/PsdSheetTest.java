package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.inference.sheet.RigNode.Art;
import org.cuestudio.inference.sheet.RigNode.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsdSheetTest {
    @TempDir
    Path tmp;

    private Path writeSheet(byte[] psd) throws IOException {
        Path sheet = tmp.resolve("tiny-psd");
        Files.createDirectories(sheet);
        Files.writeString(sheet.resolve("character.json"), "{\"name\": \"Tiny\", \"art\": \"character.psd\"}");
        Files.write(sheet.resolve("character.psd"), psd);
        return sheet;
    }

    @Test
    void aPsdLoadsIntoTheSameRigAndPixelsAsTheSameLayersInOpenRaster() throws Exception {
        TinyOra ora = TinyOra.minimal();
        CharacterSheet fromOra = CharacterSheetLoader.load(ora.writeSheet(tmp));
        CharacterSheet fromPsd = CharacterSheetLoader.load(writeSheet(TinyPsd.fromOra(ora.entries).bytes()));
        assertThat(fromPsd.rig().viewBox()).isEqualTo(fromOra.rig().viewBox());
        assertThat(fromPsd.rig()).isEqualTo(fromOra.rig());
        assertThat(fromPsd.sprites()).hasSameSizeAs(fromOra.sprites());
        for (int i = 0; i < fromOra.sprites().size(); i++) {
            assertThat(fromPsd.sprite(i).raster().argb()).as("sprite %d", i).isEqualTo(fromOra.sprite(i).raster().argb());
        }
        Part head = fromPsd.rig().find(PartKind.HEAD).orElseThrow();
        assertThat(head.pivot()).isEqualTo(new CanvasPoint(50, 60));
        assertThat(head.child(PartKind.HEAD_VIEW, "frontal").orElseThrow().child(PartKind.MOUTH).orElseThrow().children())
                .extracting(n -> ((Part) n).key()).containsExactly("neutral", "aa"); // Aa is hidden in the file
        RasterArt body = fromPsd.sprite(((Art) fromPsd.rig().nodes().get(0)).sprite()).raster();
        assertThat(body.argb()[0] >>> 24).isEqualTo(128); // layer opacity 128/255
    }

    @Test
    void anSvgSheetWrittenAsPsdLoadsIntoTheSameRig() throws Exception {
        CharacterSheet svg = CharacterSheetLoader.load(TestSheets.blocky());
        OraWriter.write(svg, 1, tmp.resolve("blocky.ora"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(tmp.resolve("blocky.ora").toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) entries.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        CharacterSheet psd = CharacterSheetLoader.load(writeSheet(TinyPsd.fromOra(entries).bytes()));
        assertThat(psd.rig().viewBox()).isEqualTo(svg.rig().viewBox());
        assertThat(psd.sprites()).hasSameSizeAs(svg.sprites());
        OraSheetTest.assertSameNodes(psd.rig().nodes(), svg.rig().nodes(), "");
        SheetReport r = SheetChecker.check(psd);
        assertThat(String.join("\n", r.provides())).contains("raster art", "`Left Arm`", "hand poses");
    }

    // ---- hostile and broken files

    private CharacterSheetException failure(byte[] psd) throws IOException {
        Path sheet = writeSheet(psd);
        try {
            CharacterSheetLoader.load(sheet);
        } catch (CharacterSheetException e) {
            assertThat(e.getMessage()).contains("character.psd");
            return e;
        }
        throw new AssertionError("the sheet loaded");
    }

    @Test
    void notAPsdIsAClearError() throws Exception {
        assertThat(failure("<svg/>".getBytes())).hasMessageContaining("not a Photoshop file");
    }

    @Test
    void aHugeCanvasIsRefusedFromTheHeader() throws Exception {
        TinyPsd psd = TinyPsd.fromOra(TinyOra.minimal().entries);
        byte[] b = psd.bytes();
        // Height and width at offsets 14 and 18: 30,000 x 30,000 (the PSD maximum), 3.6 GB decoded.
        for (int at : new int[] {14, 18}) {
            b[at] = 0;
            b[at + 1] = 0;
            b[at + 2] = (byte) 0x75;
            b[at + 3] = (byte) 0x30;
        }
        assertThat(failure(b)).hasMessageContaining("canvas 30000 x 30000");
    }

    @Test
    void aHugeLayerIsRefusedBeforeItsPixelsAreRead() throws Exception {
        byte[] b = TinyPsd.fromOra(TinyOra.minimal().entries).bytes();
        // The face's record (top 10, left 20, bottom 60, right 80) now claims 20,000 x 20,000 pixels (1.6 GB decoded).
        java.nio.ByteBuffer rect = java.nio.ByteBuffer.allocate(16).putInt(10).putInt(20).putInt(60).putInt(80);
        int at = indexOf(b, rect.array());
        java.nio.ByteBuffer.wrap(b, at + 8, 8).putInt(10 + 20_000).putInt(20 + 20_000);
        assertThat(failure(b)).hasMessageContaining("layer Head/Frontal/face").hasMessageContaining("20000 x 20000 pixels");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void truncatedPixelsNameTheLayer() throws Exception {
        byte[] b = TinyPsd.fromOra(TinyOra.minimal().entries).bytes();
        // Cut inside the layers' channel data, before the merged picture (raw, 4 x 100 x 120 bytes, at the end).
        int layersEnd = b.length - 4 * 100 * 120 - 2 - 4;
        byte[] cut = java.util.Arrays.copyOf(b, layersEnd * 3 / 4);
        assertThat(failure(cut)).hasMessageMatching("(?s).*(layer |damaged).*");
    }

    @Test
    void aGroupClosedTwiceIsAClearError() throws Exception {
        TinyPsd psd = TinyPsd.fromOra(TinyOra.minimal().entries);
        psd.records.add(new TinyPsd.Record("Stray", 0, 0, 0, 0, new int[0], 255, false, 1));
        // TwelveMonkeys' reader finds it first; either way the file is named and called damaged.
        assertThat(failure(psd.bytes())).hasMessageMatching("(?s).*(layer group 'Stray'.*never opened|damaged Photoshop file).*");
    }

    @Test
    void aFlatPictureIsNotASheet() throws Exception {
        TinyPsd psd = TinyPsd.fromOra(TinyOra.minimal().entries);
        psd.records.clear();
        assertThat(failure(psd.bytes())).hasMessageMatching("(?s).*(no layers|damaged).*");
    }

}
