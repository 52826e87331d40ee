package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.render.CharacterSheetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterSheetLoaderTest {
    private static CharacterSheet blocky;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws CharacterSheetException {
        blocky = CharacterSheetLoader.load(TestSheets.blocky());
    }

    @Test
    void readsNamePersonalityAndMetadataFromCharacterJson() {
        assertThat(blocky.name()).isEqualTo("Blocky");
        assertThat(blocky.personality().expressiveness()).isEqualTo(0.7);
        assertThat(blocky.metadata()).containsEntry("license", "CC0-1.0");
    }

    @Test
    void contentHashIsSha256OfJsonAndArt() throws Exception {
        var d = java.security.MessageDigest.getInstance("SHA-256");
        d.update(Files.readAllBytes(TestSheets.blocky().resolve("character.json")));
        d.update(Files.readAllBytes(TestSheets.blocky().resolve("character.svg")));
        assertThat(blocky.contentHash()).isEqualTo(java.util.HexFormat.of().formatHex(d.digest()));
    }

    @Test
    void contentHashChangesWhenTheArtChanges() throws Exception {
        Path changed = TestSheets.blockyWithSvg(tmp, s -> s.replace("#f2c9a0", "#f2c9a1"));
        assertThat(CharacterSheetLoader.load(changed).contentHash()).isNotEqualTo(blocky.contentHash());
    }

    @Test
    void findsTheCanvasAndPivots() {
        Rig rig = blocky.rig();
        assertThat(rig.viewBox()).isEqualTo(new CanvasRect(0, 0, 1000, 1200));
        assertThat(rig.find(PartKind.BODY).orElseThrow().pivot()).isEqualTo(new CanvasPoint(500, 1050));
        assertThat(rig.find(PartKind.HEAD).orElseThrow().pivot()).isEqualTo(new CanvasPoint(500, 625));
        assertThat(rig.find(PartKind.HEAD).orElseThrow().hasPivot()).isTrue();
    }

    @Test
    void groupsWithoutPivotTurnAboutTheCentreOfTheirBounds() {
        RigNode.Part brow = blocky.rig().findAll(PartKind.EYEBROW).get(0);
        assertThat(brow.hasPivot()).isFalse();
        // The left brow is a rect x 380..464, y 305..323.
        assertThat(brow.pivot().x()).isCloseTo(422, org.assertj.core.data.Offset.offset(4.0));
        assertThat(brow.pivot().y()).isCloseTo(314, org.assertj.core.data.Offset.offset(4.0));
    }

    @Test
    void findsEveryNamedLayer() {
        Rig rig = blocky.rig();
        RigNode.Part head = rig.find(PartKind.HEAD).orElseThrow();
        assertThat(head.children()).filteredOn(n -> n instanceof RigNode.Part).extracting(n -> ((RigNode.Part) n).key())
                .containsExactly("frontal", "right quarter", "left quarter");
        RigNode.Part frontal = head.child(PartKind.HEAD_VIEW, "frontal").orElseThrow();
        RigNode.Part mouth = frontal.child(PartKind.MOUTH).orElseThrow();
        assertThat(mouth.children()).filteredOn(n -> n instanceof RigNode.Part).extracting(n -> ((RigNode.Part) n).key())
                .containsExactly("neutral", "smile", "surprised", "aa", "d", "ee", "f", "l", "m", "oh", "r", "s", "uh", "w oo");
        assertThat(rig.findAll(PartKind.HAND_POSE)).hasSize(10);
        assertThat(rig.findAll(PartKind.ARM)).extracting(RigNode.Part::side).containsExactly(LayerSide.LEFT, LayerSide.RIGHT);
        assertThat(rig.findAll(PartKind.HAND)).extracting(RigNode.Part::side).containsExactly(LayerSide.LEFT, LayerSide.RIGHT);
        assertThat(rig.findAll(PartKind.NOSE)).hasSize(3);
    }

    @Test
    void looksThroughUnnamedGroupsThatHoldNamedLayers() {
        // In blocky the eyes sit in an unnamed <g id="g_eyes">.
        RigNode.Part frontal = blocky.rig().find(PartKind.HEAD_VIEW).orElseThrow();
        assertThat(frontal.child(PartKind.EYE, LayerSide.LEFT)).isPresent();
        assertThat(frontal.child(PartKind.EYE, LayerSide.RIGHT)).isPresent();
        RigNode.Part eye = frontal.child(PartKind.EYE, LayerSide.LEFT).orElseThrow();
        assertThat(eye.children()).extracting(n -> n instanceof RigNode.Part p ? p.kind().name() : "ART")
                .containsExactly("EYEBALL", "PUPIL", "BLINK", "ART");
    }

    @Test
    void keepsStaticArtInDrawingOrderAroundNamedLayers() {
        RigNode.Part frontal = blocky.rig().find(PartKind.HEAD_VIEW).orElseThrow();
        List<String> order = frontal.children().stream()
                .map(n -> n instanceof RigNode.Part p ? p.kind().name() : "ART").toList();
        // face art, brows, eyes, nose, mouth, then the fringe in front of everything
        assertThat(order).containsExactly("ART", "EYEBROW", "EYEBROW", "EYE", "EYE", "NOSE", "MOUTH", "ART");
    }

    @Test
    void layersHiddenInTheEditorAreStillDrawn() {
        RigNode.Part smile = blocky.rig().find(PartKind.HEAD_VIEW).orElseThrow().child(PartKind.MOUTH).orElseThrow()
                .child(PartKind.MOUTH_SHAPE, "smile").orElseThrow();
        assertThat(smile.bounds()).isNotNull();
        assertThat(blocky.rig().findAll(PartKind.HEAD_VIEW).get(1).bounds()).isNotNull();
    }

    @Test
    void pivotsAreNeverDrawn() {
        for (SpriteSource s : blocky.sprites()) assertThat(s.template()).doesNotContain("#ff00ff");
    }

    @Test
    void spritesCarryTheDefinitionsTheyUse() {
        SpriteSource torso = blocky.sprites().stream().filter(s -> s.template().contains("url(#shirtShade)")).findFirst()
                .orElseThrow();
        assertThat(torso.template()).contains("id=\"shirtShade\"");
    }

    @Test
    void styleSheetsReachEverySprite() throws Exception {
        // Illustrator styles by class, from a <style> inside <defs>.
        Path styled = TestSheets.blockyWithSvg(tmp, s -> s.replace("<defs>", "<defs><style>.skin{fill:#f2c9a0}</style>")
                .replace("rx=\"190\" ry=\"225\" fill=\"#f2c9a0\"", "rx=\"190\" ry=\"225\" class=\"skin\""));
        CharacterSheet sheet = CharacterSheetLoader.load(styled);
        SpriteSource face = sheet.sprites().stream().filter(s -> s.template().contains("class=\"skin\"")).findFirst()
                .orElseThrow();
        assertThat(face.template()).contains(".skin{fill:#f2c9a0}");
    }

    @Test
    void layerNamesMayComeFromIds() throws Exception {
        // Illustrator-style: no inkscape:label, names in ids with '_' for spaces.
        Path ids = TestSheets.blockyWithSvg(tmp, s -> s.replaceAll("inkscape:label=\"([^\"]*)\"",
                "id=\"$1\"").replace("id=\"Left Eye\"", "id=\"Left_Eye\"").replace("id=\"W-Oo\"", "id=\"W_Oo\""));
        assertThat(Files.readString(ids.resolve("character.svg"))).doesNotContain("inkscape:label");
        Rig rig = CharacterSheetLoader.load(ids).rig();
        assertThat(rig.findAll(PartKind.EYE)).hasSize(6);
        assertThat(rig.findAll(PartKind.MOUTH_SHAPE)).extracting(RigNode.Part::key).contains("w oo");
    }

    @Test
    void pivotPositionsIncludeGroupTransforms() throws Exception {
        Path moved = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Head\">",
                "inkscape:label=\"Head\" transform=\"translate(10,-20)\">"));
        CharacterSheet sheet = CharacterSheetLoader.load(moved);
        assertThat(sheet.rig().find(PartKind.HEAD).orElseThrow().pivot()).isEqualTo(new CanvasPoint(510, 605));
    }

    // ---- failures

    @Test
    void missingCharacterJsonNamesTheFile() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> CharacterSheetLoader.load(empty)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.json").hasMessageContaining("not found");
    }

    @Test
    void missingFolderIsReported() {
        assertThatThrownBy(() -> CharacterSheetLoader.load(tmp.resolve("nowhere")))
                .isInstanceOf(CharacterSheetException.class).hasMessageContaining("nowhere");
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path bad = TestSheets.blockyWithJson(tmp, "{ \"name\": \"Blocky\", \"art\": ");
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.json").hasMessageContaining("malformed JSON");
    }

    @Test
    void missingArtNamesTheFile() throws IOException {
        Path bad = TestSheets.blockyWithJson(tmp, "{ \"name\": \"Blocky\", \"art\": \"nope.svg\" }");
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("nope.svg").hasMessageContaining("not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../character.svg", "sub/../../character.svg", "/etc/passwd"})
    void artPathsThatLeaveTheFolderAreRefused(String art) throws IOException {
        Path bad = TestSheets.blockyWithJson(tmp, "{ \"name\": \"Blocky\", \"art\": \"" + art + "\" }");
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.json").hasMessageContaining(art);
    }

    @Test
    void malformedSvgGivesLineAndColumn() throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replaceFirst("</g>", "</q>"));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.svg").hasMessageContaining("line ").hasMessageContaining("column ");
    }

    @Test
    void aSheetWithoutFrontalIsRefused() throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Frontal\"", "inkscape:label=\"Front\""));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.svg").hasMessageContaining("Frontal");
    }

    @Test
    void aSheetWithoutHeadIsRefused() throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Head\"", "inkscape:label=\"Noggin\""));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("'Head'");
    }

    @Test
    void aMouthWithoutNeutralIsRefused() throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Neutral\"", "inkscape:label=\"Resting\""));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("Neutral");
    }

    @Test
    void aFrontalWithoutEyesIsRefused() throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("inkscape:label=\"Right Eye\"", "inkscape:label=\"Eye R\""));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("Right Eye");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 1200", "0 0 1000 -5", "0 0 1e9 1e9", "0 0 1000 1", "0 0 NaN 100", "0 0 1000"})
    void absurdCanvasesAreRefused(String viewBox) throws IOException {
        Path bad = TestSheets.blockyWithSvg(tmp, s -> s.replace("viewBox=\"0 0 1000 1200\"", "viewBox=\"" + viewBox + "\""));
        assertThatThrownBy(() -> CharacterSheetLoader.load(bad)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.svg")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("viewBox", "canvas"));
    }

    @Test
    void artOver32MegabytesIsRefused() throws IOException {
        Path big = TestSheets.copyOfBlocky(tmp);
        try (RandomAccessFile f = new RandomAccessFile(big.resolve("character.svg").toFile(), "rw")) {
            f.setLength(CharacterSheetLoader.MAX_ART_BYTES + 1);
        }
        assertThatThrownBy(() -> CharacterSheetLoader.load(big)).isInstanceOf(CharacterSheetException.class)
                .hasMessageContaining("character.svg").hasMessageContaining("limit");
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path sheet = TestSheets.blockyWithSvg(tmp, s -> s
                .replace("<svg ", "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<svg ")
                .replace("<defs>", "<text x=\"10\" y=\"20\">&xxe;</text><defs>"));
        CharacterSheet loaded;
        try {
            loaded = CharacterSheetLoader.load(sheet);
        } catch (CharacterSheetException refused) {
            return; // refusing the file is as good as ignoring the entity
        }
        for (SpriteSource s : loaded.sprites()) assertThat(s.template()).doesNotContain("TOP-SECRET");
    }
}
