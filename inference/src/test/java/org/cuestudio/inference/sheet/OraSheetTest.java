package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.inference.sheet.RigNode.Art;
import org.cuestudio.inference.sheet.RigNode.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OraSheetTest {
    @TempDir
    Path tmp;

    // ---- reading

    @Test
    void readsTheLayerTreeBackToFrontWithTheSvgNames() throws Exception {
        CharacterSheet s = CharacterSheetLoader.load(TinyOra.minimal().writeSheet(tmp));
        Rig rig = s.rig();
        assertThat(rig.viewBox()).isEqualTo(new CanvasRect(0, 0, 100, 120));
        // stack.xml lists the topmost first: the body (last there) is drawn first.
        assertThat(rig.nodes().get(0)).isInstanceOf(Art.class);
        assertThat(rig.nodes().get(1)).isInstanceOf(Part.class);
        Part head = rig.find(PartKind.HEAD).orElseThrow();
        Part frontal = head.child(PartKind.HEAD_VIEW, "frontal").orElseThrow();
        assertThat(frontal.children().get(0)).isInstanceOf(Art.class); // the face, behind the features
        assertThat(frontal.children()).filteredOn(n -> n instanceof Part).extracting(n -> ((Part) n).key())
                .containsExactly("left eye", "right eye", "mouth");
        Part mouth = frontal.child(PartKind.MOUTH).orElseThrow();
        assertThat(mouth.children()).extracting(n -> ((Part) n).key()).containsExactly("neutral", "aa");
        Part eye = frontal.child(PartKind.EYE, LayerSide.LEFT).orElseThrow();
        assertThat(eye.children()).extracting(n -> ((Part) n).kind()).containsExactly(PartKind.EYEBALL, PartKind.PUPIL);
        assertThat(s.sprites()).allMatch(SpriteSource::isRaster);
    }

    @Test
    void aPivotLayerMarksThePivotAtTheCentreOfItsPixelsAndIsNotDrawn() throws Exception {
        CharacterSheet s = CharacterSheetLoader.load(TinyOra.minimal().writeSheet(tmp));
        Part head = s.rig().find(PartKind.HEAD).orElseThrow();
        assertThat(head.hasPivot()).isTrue();
        assertThat(head.pivot()).isEqualTo(new CanvasPoint(50, 60)); // a 2x2 dot at (49, 59)
        assertThat(s.sprites()).noneMatch(sp -> sp.raster().argb()[0] == 0xffff0000 && sp.raster().width() == 2);
        // Without a pivot layer a part turns about the centre of its bounds, as in SVG sheets.
        Part eye = s.rig().findAll(PartKind.EYE).get(0);
        assertThat(eye.hasPivot()).isFalse();
        assertThat(eye.pivot()).isEqualTo(new CanvasPoint(35, 29));
    }

    @Test
    void layerOpacityIsAppliedAndHiddenUnnamedLayersAreNotDrawn() throws Exception {
        CharacterSheet s = CharacterSheetLoader.load(TinyOra.minimal()
                .editStack(x -> x.replace("<layer name=\"face\"", "<layer name=\"old face\" src=\"data/body.png\" x=\"0\" "
                        + "y=\"0\" visibility=\"hidden\"/>\n<layer name=\"face\""))
                .writeSheet(tmp));
        RasterArt body = s.sprite(((Art) s.rig().nodes().get(0)).sprite()).raster();
        assertThat(body.argb()[0] >>> 24).isEqualTo(128); // opacity 0.5
        assertThat(body.bounds()).isEqualTo(new CanvasRect(30, 60, 70, 120));
        Part frontal = s.rig().find(PartKind.HEAD_VIEW).orElseThrow();
        RasterArt face = s.sprite(((Art) frontal.children().get(0)).sprite()).raster();
        assertThat(face.bounds()).isEqualTo(new CanvasRect(20, 10, 80, 60)); // the hidden layer is not in it
    }

    @Test
    void consecutiveUnnamedLayersBecomeOneSprite() throws Exception {
        CharacterSheet s = CharacterSheetLoader.load(TinyOra.minimal()
                .editStack(x -> x.replace("<layer name=\"face\"", "<layer name=\"hair\" src=\"data/eye.png\" x=\"45\" "
                        + "y=\"5\"/>\n<layer name=\"face\""))
                .writeSheet(tmp));
        Part frontal = s.rig().find(PartKind.HEAD_VIEW).orElseThrow();
        assertThat(frontal.children()).filteredOn(n -> n instanceof Art).hasSize(1);
        RasterArt art = s.sprite(((Art) frontal.children().get(0)).sprite()).raster();
        assertThat(art.bounds()).isEqualTo(new CanvasRect(20, 5, 80, 60));
        // The hair (listed above the face) is drawn over it: white at (50, 12).
        assertThat(art.argb()[(12 - 5) * art.width() + (50 - 20)]).isEqualTo(0xffffffff);
    }

    @Test
    void stackOffsetsAndOpacityPassToTheirLayers() throws Exception {
        CharacterSheet s = CharacterSheetLoader.load(TinyOra.minimal()
                .editStack(x -> x.replace("<layer name=\"body\" src=\"data/body.png\" x=\"30\" y=\"60\" opacity=\"0.5\"/>",
                        "<stack name=\"clothes\" x=\"5\" y=\"-10\" opacity=\"0.5\"><layer name=\"body\" src=\"data/body.png\" "
                                + "x=\"30\" y=\"60\"/></stack>"))
                .writeSheet(tmp));
        RasterArt body = s.sprite(((Art) s.rig().nodes().get(0)).sprite()).raster();
        assertThat(body.bounds()).isEqualTo(new CanvasRect(35, 50, 75, 110));
        assertThat(body.argb()[0] >>> 24).isEqualTo(128);
    }

    // ---- the same rig as the SVG path

    @Test
    void anSvgSheetWrittenAsOpenRasterLoadsIntoTheSameRig() throws Exception {
        CharacterSheet svg = CharacterSheetLoader.load(TestSheets.blocky());
        Path sheet = tmp.resolve("blocky-ora");
        OraWriter.main(new String[] {TestSheets.blocky().toString(), sheet.toString()});
        CharacterSheet ora = CharacterSheetLoader.load(sheet);
        assertThat(ora.name()).isEqualTo(svg.name());
        assertThat(ora.personality()).isEqualTo(svg.personality());
        assertThat(ora.rig().viewBox()).isEqualTo(svg.rig().viewBox());
        assertThat(ora.sprites()).hasSameSizeAs(svg.sprites());
        assertSameNodes(ora.rig().nodes(), svg.rig().nodes(), "");
    }

    @Test
    void theOttoSampleLoadsIntoTheRigOfTheSvgOtto() throws Exception {
        Path samples = Path.of("..", "assets", "samples");
        CharacterSheet svg = CharacterSheetLoader.load(samples.resolve("hello/characters/otto"));
        CharacterSheet ora = CharacterSheetLoader.load(samples.resolve("sheets/otto-ora"));
        assertThat(ora.name()).isEqualTo("Otto");
        assertThat(ora.rig().viewBox()).isEqualTo(svg.rig().viewBox());
        assertThat(ora.sprites()).hasSameSizeAs(svg.sprites());
        // If this fails after Otto's SVG changed, regenerate the sample: tools/art/make_ora_sample.sh
        assertSameNodes(ora.rig().nodes(), svg.rig().nodes(), "");
    }

    @Test
    void theWriterIsReproducible() throws Exception {
        CharacterSheet svg = CharacterSheetLoader.load(TestSheets.blocky());
        OraWriter.write(svg, 0.5, tmp.resolve("a.ora"));
        OraWriter.write(svg, 0.5, tmp.resolve("b.ora"));
        assertThat(Files.readAllBytes(tmp.resolve("a.ora"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.ora")));
    }

    static void assertSameNodes(List<RigNode> ora, List<RigNode> svg, String path) {
        assertThat(ora).as("children of " + path).hasSameSizeAs(svg);
        for (int i = 0; i < svg.size(); i++) {
            RigNode o = ora.get(i);
            RigNode v = svg.get(i);
            assertThat(o.getClass()).as(path + " #" + i).isEqualTo(v.getClass());
            assertClose(o.bounds(), v.bounds(), path + " #" + i);
            if (v instanceof Part vp) {
                Part op = (Part) o;
                String here = path + "/" + vp.label();
                assertThat(op.kind()).as(here).isEqualTo(vp.kind());
                assertThat(op.side()).as(here).isEqualTo(vp.side());
                assertThat(op.key()).as(here).isEqualTo(vp.key());
                assertThat(op.label()).as(here).isEqualTo(vp.label());
                assertThat(op.hasPivot()).as(here).isEqualTo(vp.hasPivot());
                // Drawn pivots land within half a pixel; others are the centres of bounds measured differently.
                double tol = vp.hasPivot() ? 0.75 : 3;
                assertThat(op.pivot().x()).as(here + " pivot x").isCloseTo(vp.pivot().x(), within(tol));
                assertThat(op.pivot().y()).as(here + " pivot y").isCloseTo(vp.pivot().y(), within(tol));
                assertSameNodes(op.children(), vp.children(), here);
            }
        }
    }

    private static void assertClose(CanvasRect a, CanvasRect b, String what) {
        if (b == null) {
            assertThat(a).as(what).isNull();
            return;
        }
        assertThat(a).as(what).isNotNull();
        // SVG bounds are measured on a coarse probe raster (about 2.6 units a pixel for blocky); ORA bounds are exact.
        double tol = 4;
        assertThat(a.x0()).as(what + " x0").isCloseTo(b.x0(), within(tol));
        assertThat(a.y0()).as(what + " y0").isCloseTo(b.y0(), within(tol));
        assertThat(a.x1()).as(what + " x1").isCloseTo(b.x1(), within(tol));
        assertThat(a.y1()).as(what + " y1").isCloseTo(b.y1(), within(tol));
    }

    // ---- resampling

    @Test
    void shrinkingAveragesTheAreaAndEnlargingIsBilinear() {
        // A 2x4 layer at (0, 0): its left column opaque black, its right column transparent.
        int[] px = new int[8];
        for (int row = 0; row < 4; row++) px[row * 2] = 0xff000000;
        SpriteSource s = SpriteSource.raster(0, "bar", new RasterArt(0, 0, 2, 4, px));
        CanvasRect vb = new CanvasRect(0, 0, 10, 10);
        int m = SpriteRasterizer.MARGIN;
        // Halved, each output pixel averages 2x2 art pixels: half of them opaque.
        SpriteRaster half = SpriteRasterizer.rasterise(s, vb, 0.5, 1);
        assertThat(half.alphaAt(m, m)).isEqualTo(128);
        assertThat(half.alphaAt(m, m + 1)).isEqualTo(128);
        SpriteRaster same = SpriteRasterizer.rasterise(s, vb, 1, 1);
        assertThat(same.alphaAt(m, m + 1)).isEqualTo(255);
        assertThat(same.alphaAt(m + 1, m + 1)).isZero();
        // Doubled, output centres fall at art x 0.25, 0.75, 1.25, 1.75: bilinear between pixel centres, fading into
        // the transparent surroundings at the edges. Row m + 5 lies inside the art (y 1.75).
        SpriteRaster twice = SpriteRasterizer.rasterise(s, vb, 2, 1);
        assertThat(twice.alphaAt(m, m + 5)).isEqualTo(191);
        assertThat(twice.alphaAt(m + 1, m + 5)).isEqualTo(191);
        assertThat(twice.alphaAt(m + 2, m + 5)).isEqualTo(64);
        assertThat(twice.alphaAt(m + 3, m + 5)).isZero();
        assertThat(twice.x()).isEqualTo(-m);
    }

    // ---- sheet check

    @Test
    void sheetCheckSaysRasterArtIsNotVectorAndWhereItIsEnlarged() throws Exception {
        SheetReport r = SheetChecker.check(TinyOra.minimal().writeSheet(tmp));
        assertThat(r.usable()).isTrue();
        assertThat(String.join("\n", r.provides())).contains("raster art (layered PNG or PSD layers), 100 x 120 pixels: not vector");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("raster art is 120 pixels tall") && w.contains("1080p")
                && w.contains("medium (1080 px tall)"));
    }

    // ---- hostile and broken files: each a clear error naming the file and the layer

    private CharacterSheetException failure(TinyOra ora) throws IOException {
        Path sheet = ora.writeSheet(tmp);
        try {
            CharacterSheetLoader.load(sheet);
        } catch (CharacterSheetException e) {
            assertThat(e.getMessage()).contains("character.ora");
            return e;
        }
        throw new AssertionError("the sheet loaded");
    }

    @Test
    void aZipBombLayerIsRefusedBeforeItFillsMemory() throws Exception {
        TinyOra ora = TinyOra.minimal();
        ora.entries.put("data/face.png", new byte[(int) CharacterSheetLoader.MAX_ART_BYTES + 1024]); // zeros deflate ~1000:1
        assertThat(Files.size(ora.writeSheet(tmp).resolve("character.ora"))).isLessThan(200_000);
        assertThat(failure(ora)).hasMessageContaining("Head/Frontal/face").hasMessageContaining("unpacks to more than");
    }

    @Test
    void manyBombsTogetherAreCappedToo() throws Exception {
        TinyOra ora = TinyOra.minimal();
        byte[] big = new byte[(int) CharacterSheetLoader.MAX_ART_BYTES - 1024];
        ora.entries.put("data/face.png", big);
        ora.entries.put("data/body.png", big);
        ora.entries.put("data/eye.png", big);
        // The first may be read whole (it then fails as a PNG); the archive's total is capped before memory runs out.
        assertThat(failure(ora)).hasMessageMatching("(?s).*(unpacks to more than|not a PNG).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "data/../../secret.png", "/etc/passwd", "C:/Windows/win.ini",
            "file:///etc/passwd"})
    void aLayerSourceOutsideTheArchiveIsRefused(String src) throws Exception {
        CharacterSheetException e = failure(TinyOra.minimal().editStack(x -> x.replace("src=\"data/face.png\"",
                "src=\"" + src + "\"")));
        assertThat(e).hasMessageContaining("layer Head/Frontal/face: src").hasMessageMatching("(?s).*(absolute|leaves the archive).*");
    }

    @Test
    void aMissingPngNamesTheLayer() throws Exception {
        TinyOra ora = TinyOra.minimal();
        ora.entries.remove("data/mouth-aa.png");
        assertThat(failure(ora)).hasMessageContaining("layer Head/Frontal/Mouth/Aa: src").hasMessageContaining("data/mouth-aa.png")
                .hasMessageContaining("missing");
    }

    @Test
    void aHugeCanvasIsRefused() throws Exception {
        assertThat(failure(TinyOra.minimal().editStack(x -> x.replace("w=\"100\" h=\"120\"", "w=\"2000000\" h=\"2400000\""))))
                .hasMessageContaining("out of range");
        assertThat(failure(TinyOra.minimal().editStack(x -> x.replace("w=\"100\" h=\"120\"", "w=\"16000\" h=\"16385\""))))
                .hasMessageContaining("canvas 16000 x 16385");
    }

    @Test
    void aPngDeclaringHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        TinyOra ora = TinyOra.minimal();
        byte[] png = TinyOra.png(1, 1, 0xffffffff);
        // IHDR width and height: 100,000 x 100,000 (40 GB decoded).
        for (int at : new int[] {16, 20}) {
            png[at] = 0;
            png[at + 1] = 0x01;
            png[at + 2] = (byte) 0x86;
            png[at + 3] = (byte) 0xa0;
        }
        ora.entries.put("data/eye.png", png);
        assertThat(failure(ora)).hasMessageContaining("layer Head/Frontal/Left Eye/Left Eyeball: src")
                .hasMessageContaining("100000 x 100000 pixels");
    }

    @Test
    void aHugeLayerOffsetIsRefused() throws Exception {
        assertThat(failure(TinyOra.minimal().editStack(x -> x.replace("x=\"20\" y=\"10\"", "x=\"99999999999\" y=\"10\""))))
                .hasMessageContaining("layer Head/Frontal/face").hasMessageContaining("out of range");
    }

    @Test
    void aDamagedPngNamesTheLayer() throws Exception {
        TinyOra ora = TinyOra.minimal();
        byte[] png = TinyOra.png(60, 50, 0xff000000);
        for (int i = 40; i < png.length - 12; i++) png[i] = (byte) (i * 31);
        ora.entries.put("data/face.png", png);
        assertThat(failure(ora)).hasMessageContaining("layer Head/Frontal/face").hasMessageMatching("(?s).*(damaged|cannot decode).*");
        ora.entries.put("data/face.png", "GIF89a not a png at all, really".getBytes(StandardCharsets.US_ASCII));
        assertThat(failure(ora)).hasMessageContaining("layer Head/Frontal/face").hasMessageContaining("not a PNG");
    }

    @Test
    void malformedXmlGivesTheLineAndColumn() throws Exception {
        assertThat(failure(TinyOra.minimal().stack("<image w=\"10\" h=\"10\">\n<stack><layer name=\"a\"</stack></image>")))
                .hasMessageContaining("stack.xml is not well-formed XML at line 2");
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE image [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><image w=\"10\" h=\"10\"><stack "
                + "name=\"&c;\"/></image>";
        assertThat(failure(TinyOra.minimal().stack(laughs))).hasMessageContaining("stack.xml").hasMessageContaining("DOCTYPE");
    }

    @Test
    void notAZipOrNotOpenRasterIsAClearError() throws Exception {
        Path sheet = TinyOra.minimal().writeSheet(tmp);
        Files.writeString(sheet.resolve("character.ora"), "<svg/>");
        assertThatThrownBy(() -> CharacterSheetLoader.load(sheet)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.ora").hasMessageContaining("not a valid zip");
        TinyOra wrong = TinyOra.minimal();
        wrong.entries.put("mimetype", "application/zip".getBytes(StandardCharsets.US_ASCII));
        assertThat(failure(wrong)).hasMessageContaining("mimetype is 'application/zip'");
        TinyOra noStack = TinyOra.minimal();
        noStack.entries.remove("stack.xml");
        assertThat(failure(noStack)).hasMessageContaining("no stack.xml");
    }

    @Test
    void aSheetWithoutTheRequiredLayersSaysWhichIsMissing() throws Exception {
        assertThat(failure(TinyOra.minimal().editStack(x -> x.replace("name=\"Neutral\"", "name=\"Spare\""))))
                .hasMessageContaining("no 'Neutral' shape");
    }

    @Test
    void aPivotThatPaintsNothingIsAnError() throws Exception {
        TinyOra ora = TinyOra.minimal();
        ora.entries.put("data/dot.png", TinyOra.png(2, 2, 0));
        assertThat(failure(ora)).hasMessageContaining("Head/pivot").hasMessageContaining("paints no pixel");
    }
}
