package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.inference.sheet.CharacterSheet;
import org.cuestudio.inference.sheet.CharacterSheetLoader;
import org.cuestudio.inference.sheet.LayerSide;
import org.cuestudio.inference.sheet.PartKind;
import org.cuestudio.inference.sheet.RigNode;
import org.cuestudio.inference.sheet.TestSheets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerPoserTest {
    private static CharacterSheet sheet;
    private static LayerPoser poser;

    @BeforeAll
    static void load() throws CharacterSheetException {
        sheet = CharacterSheetLoader.load(TestSheets.blocky());
        poser = new LayerPoser(sheet.rig());
    }

    @ParameterizedTest
    @CsvSource({"A, m", "B, s", "C, d", "D, aa", "E, oh", "F, w oo", "G, f", "H, l", "X, neutral"})
    void mouthShapesFollowTheSheetTable(MouthShape shape, String sheetMouth) {
        assertThat(LayerPoser.mouthKey(new FrameBuilder().mouth(shape).build())).isEqualTo(sheetMouth);
    }

    @Test
    void restingMouthSmilesWhenTheSmileDominates() {
        PerformanceFrame f = new FrameBuilder().set(ArkitBlendshape.mouthSmileLeft, 0.5)
                .set(ArkitBlendshape.mouthSmileRight, 0.4).build();
        assertThat(LayerPoser.mouthKey(f)).isEqualTo("smile");
    }

    @Test
    void restingMouthIsSurprisedWithOpenJawAndRaisedBrows() {
        PerformanceFrame f = new FrameBuilder().set(ArkitBlendshape.jawOpen, 0.5).set(ArkitBlendshape.browInnerUp, 0.6).build();
        assertThat(LayerPoser.mouthKey(f)).isEqualTo("surprised");
    }

    @Test
    void spokenMouthShapesIgnoreTheSmile() {
        PerformanceFrame f = new FrameBuilder().mouth(MouthShape.D).set(ArkitBlendshape.mouthSmileLeft, 1)
                .set(ArkitBlendshape.mouthSmileRight, 1).build();
        assertThat(LayerPoser.mouthKey(f)).isEqualTo("aa");
    }

    @Test
    void exactlyOneMouthShapeIsDrawn() {
        Set<Integer> mouthSprites = spritesOf(PartKind.MOUTH_SHAPE, 0);
        List<Integer> drawn = sprites(new FrameBuilder().mouth(MouthShape.D).build());
        assertThat(drawn.stream().filter(mouthSprites::contains)).hasSize(1);
        assertThat(drawn).contains(spriteOfMouth("aa"));
    }

    @Test
    void theRefiningCharacterAnimatorMouthIsDrawnWhereTheSheetHasIt() {
        PerformanceFrame ee = new FrameBuilder().mouth(MouthShape.B)
                .set(Channel.ANIMATOR_MOUTH, org.cuestudio.core.model.AnimatorMouth.EE.ordinal()).build();
        assertThat(sprites(ee)).contains(spriteOfMouth("ee")).doesNotContain(spriteOfMouth("s"));
        PerformanceFrame r = new FrameBuilder().mouth(MouthShape.E)
                .set(Channel.ANIMATOR_MOUTH, org.cuestudio.core.model.AnimatorMouth.R.ordinal()).build();
        assertThat(sprites(r)).contains(spriteOfMouth("r"));
        PerformanceFrame wOo = new FrameBuilder().mouth(MouthShape.F)
                .set(Channel.ANIMATOR_MOUTH, org.cuestudio.core.model.AnimatorMouth.W_OO.ordinal()).build();
        assertThat(LayerPoser.refinedMouthKey(wOo)).contains("w oo");
        // at rest the face chooses (Smile, Surprised, Neutral), whatever the channel says
        PerformanceFrame rest = new FrameBuilder().mouth(MouthShape.X)
                .set(Channel.ANIMATOR_MOUTH, org.cuestudio.core.model.AnimatorMouth.EE.ordinal()).build();
        assertThat(LayerPoser.refinedMouthKey(rest)).isEmpty();
    }

    @Test
    void aSheetWithoutTheRefiningMouthShowsTheShapesOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var copy = org.cuestudio.inference.sheet.TestSheets.blockyWithSvg(dir,
                svg -> svg.replaceAll("<g inkscape:groupmode=\"layer\" inkscape:label=\"Ee\"[^>]*>.*?</g>", ""));
        CharacterSheet noEe = CharacterSheetLoader.load(copy);
        LayerPoser p = new LayerPoser(noEe.rig());
        PerformanceFrame ee = new FrameBuilder().mouth(MouthShape.B)
                .set(Channel.ANIMATOR_MOUTH, org.cuestudio.core.model.AnimatorMouth.EE.ordinal()).build();
        int s = firstArt(noEe.rig().find(PartKind.MOUTH).orElseThrow().child(PartKind.MOUTH_SHAPE, "s").orElseThrow());
        assertThat(p.pose(ee).stream().map(DrawOp::sprite).toList()).contains(s);
    }

    @Test
    void onTheFrameOfAChangeThePreviousMouthIsDrawnUnderTheNewAtHalf() {
        List<DrawOp> ops = poser.pose(new FrameBuilder().mouth(MouthShape.D).mouthFrom(MouthShape.A, 0.5).build());
        int before = spriteOfMouth("m");
        int now = spriteOfMouth("aa");
        Set<Integer> mouthSprites = spritesOf(PartKind.MOUTH_SHAPE, 0);
        List<DrawOp> mouths = ops.stream().filter(o -> mouthSprites.contains(o.sprite())).toList();
        assertThat(mouths).extracting(DrawOp::sprite).containsExactly(before, now);
        assertThat(mouths).extracting(DrawOp::opacity).containsExactly(1f, 0.5f);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.0, 0.5", "0.25, 0.5, 0.75", "0.1, 0.2, 0.9", "0.0, 0.0, 1.0"})
    void thePreviousMouthFadesOutAndTheNewComesToFullOpacity(double weight, float previous, float current) {
        List<DrawOp> ops = poser.pose(new FrameBuilder().mouth(MouthShape.F).mouthFrom(MouthShape.C, weight).build());
        Set<Integer> mouthSprites = spritesOf(PartKind.MOUTH_SHAPE, 0);
        List<DrawOp> mouths = ops.stream().filter(o -> mouthSprites.contains(o.sprite())).toList();
        if (previous == 0) {
            assertThat(mouths).extracting(DrawOp::sprite).containsExactly(spriteOfMouth("w oo"));
            assertThat(mouths.get(0).opacity()).isEqualTo(1f);
            return;
        }
        assertThat(mouths).extracting(DrawOp::sprite).containsExactly(spriteOfMouth("d"), spriteOfMouth("w oo"));
        assertThat(mouths.get(0).opacity()).isCloseTo(previous, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(mouths.get(1).opacity()).isCloseTo(current, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aCrossFadeBetweenShapesThatLookTheSameDrawsOneMouth() {
        // The previous shape is the one shown: nothing to blend.
        List<DrawOp> ops = poser.pose(new FrameBuilder().mouth(MouthShape.D).mouthFrom(MouthShape.D, 0.5).build());
        Set<Integer> mouthSprites = spritesOf(PartKind.MOUTH_SHAPE, 0);
        assertThat(ops.stream().filter(o -> mouthSprites.contains(o.sprite()))).singleElement()
                .satisfies(o -> assertThat(o.opacity()).isEqualTo(1f));
    }

    @Test
    void outOfRangeCrossFadeWeightsAreClamped() {
        assertThat(LayerPoser.previousWeight(new FrameBuilder().mouthFrom(MouthShape.A, 7).build())).isEqualTo(0.5);
        assertThat(LayerPoser.previousWeight(new FrameBuilder().mouthFrom(MouthShape.A, -1).build())).isZero();
        assertThat(LayerPoser.previousWeight(new FrameBuilder().mouthFrom(MouthShape.A, Double.NaN).build())).isZero();
        // A frame from before the channels existed (zeros) draws no cross-fade.
        assertThat(LayerPoser.previousWeight(PerformanceFrame.neutral())).isZero();
    }

    @Test
    void blinkShowsTheBlinkLayerInsteadOfEyeballAndPupil() {
        List<Integer> open = sprites(PerformanceFrame.neutral());
        List<Integer> closed = sprites(new FrameBuilder().blink(1).build());
        Set<Integer> blinks = spritesOf(PartKind.BLINK, 0);
        Set<Integer> pupils = spritesOf(PartKind.PUPIL, 0);
        assertThat(open).doesNotContainAnyElementsOf(blinks).containsAll(pupils);
        assertThat(closed).containsAll(blinks).doesNotContainAnyElementsOf(pupils);
    }

    @Test
    void blendshapeSidesAreTheCharactersOwn() {
        // eyeBlinkLeft closes the character's left eye, which the sheet draws on the viewer's right.
        List<Integer> wink = sprites(new FrameBuilder().set(ArkitBlendshape.eyeBlinkLeft, 1).build());
        RigNode.Part frontal = sheet.rig().find(PartKind.HEAD_VIEW).orElseThrow();
        int rightBlink = firstArt(frontal.child(PartKind.EYE, LayerSide.RIGHT).orElseThrow().child(PartKind.BLINK).orElseThrow());
        int leftBlink = firstArt(frontal.child(PartKind.EYE, LayerSide.LEFT).orElseThrow().child(PartKind.BLINK).orElseThrow());
        assertThat(wink).contains(rightBlink).doesNotContain(leftBlink);
    }

    @Test
    void pupilsAreClippedByTheirEyeball() {
        Set<Integer> pupils = spritesOf(PartKind.PUPIL, 0);
        Set<Integer> eyeballs = spritesOf(PartKind.EYEBALL, 0);
        List<DrawOp> ops = poser.pose(new FrameBuilder().gaze(40, 0).build());
        List<DrawOp> pupilOps = ops.stream().filter(o -> pupils.contains(o.sprite())).toList();
        assertThat(pupilOps).hasSize(2).allSatisfy(o -> assertThat(eyeballs).contains(o.clipSprite()));
    }

    @Test
    void gazeMovesPupilsTowardTheViewersSide() {
        int pupil = spritesOf(PartKind.PUPIL, 0).iterator().next();
        double right = opOf(new FrameBuilder().gaze(30, 0).build(), pupil).transform().getTranslateX();
        double left = opOf(new FrameBuilder().gaze(-30, 0).build(), pupil).transform().getTranslateX();
        // 0.35 of the eyeball's half width (44) at 30 degrees
        assertThat(right).isCloseTo(0.35 * 44, org.assertj.core.data.Offset.offset(3.0));
        assertThat(left).isCloseTo(-0.35 * 44, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void frontalViewBelowTheFadeAndQuarterViewBeyondIt() {
        RigNode.Part head = sheet.rig().find(PartKind.HEAD).orElseThrow();
        assertThat(viewKeys(head, 0)).containsExactly("frontal");
        assertThat(viewKeys(head, 7.9)).containsExactly("frontal");
        assertThat(viewKeys(head, 25)).containsExactly("right quarter");
        assertThat(viewKeys(head, -25)).containsExactly("left quarter");
        // in the fade the incoming view is drawn over the outgoing one
        assertThat(viewKeys(head, 12)).containsExactly("frontal", "right quarter");
    }

    @Test
    void crossFadeNeverLeavesTheHeadSeeThrough() {
        RigNode.Part head = sheet.rig().find(PartKind.HEAD).orElseThrow();
        for (double yaw = 8; yaw <= 16; yaw += 0.5) {
            var views = LayerPoser.views(head, yaw);
            // the view drawn first (behind) is opaque until the one in front is
            assertThat(views.get(0).opacity() == 1f || views.get(views.size() - 1).opacity() == 1f).isTrue();
        }
    }

    @Test
    void aSheetWithoutQuarterViewsKeepsTheFrontalView() throws Exception {
        CharacterSheet frontalOnly = CharacterSheetLoader.load(TestSheets.blockyWithSvg(
                java.nio.file.Files.createTempDirectory("poser"),
                s -> s.replace("Right Quarter", "Spare One").replace("Left Quarter", "Spare Two")));
        RigNode.Part head = frontalOnly.rig().find(PartKind.HEAD).orElseThrow();
        assertThat(viewKeys(head, 40)).containsExactly("frontal");
    }

    @Test
    void raisingTheShoulderSwingsTheArmOutAndUp() {
        int leftHand = firstArt(handPose(LayerSide.LEFT, "relaxed"));
        int rightHand = firstArt(handPose(LayerSide.RIGHT, "relaxed"));
        Point2D restL = centre(PerformanceFrame.neutral(), leftHand);
        Point2D raisedL = centre(new FrameBuilder().set(Channel.LEFT_SHOULDER, 90).build(), leftHand);
        Point2D restR = centre(PerformanceFrame.neutral(), rightHand);
        Point2D raisedR = centre(new FrameBuilder().set(Channel.RIGHT_SHOULDER, 90).build(), rightHand);
        assertThat(raisedL.getX()).isLessThan(restL.getX() - 100);
        assertThat(raisedL.getY()).isLessThan(restL.getY() - 100);
        assertThat(raisedR.getX()).isGreaterThan(restR.getX() + 100);
        assertThat(raisedR.getY()).isLessThan(restR.getY() - 100);
    }

    @Test
    void aRaisedArmBendsUpAtTheElbow() {
        int hand = firstArt(handPose(LayerSide.LEFT, "wave"));
        PerformanceFrame straight = new FrameBuilder().set(Channel.LEFT_SHOULDER, 100).leftHand(HandPose.WAVE).build();
        PerformanceFrame bent = new FrameBuilder().set(Channel.LEFT_SHOULDER, 100).set(Channel.LEFT_ELBOW, 40)
                .leftHand(HandPose.WAVE).build();
        assertThat(centre(bent, hand).getY()).isLessThan(centre(straight, hand).getY() - 50);
    }

    @Test
    void theHandPoseShownIsTheFramesAndUnknownPosesFallBackToRelaxed() {
        int wave = firstArt(handPose(LayerSide.LEFT, "wave"));
        int relaxed = firstArt(handPose(LayerSide.LEFT, "relaxed"));
        assertThat(sprites(new FrameBuilder().leftHand(HandPose.WAVE).build())).contains(wave).doesNotContain(relaxed);
        assertThat(sprites(new FrameBuilder().set(Channel.LEFT_HAND_POSE, 42).build())).contains(relaxed);
    }

    @Test
    void theHeadFollowsTheBodyLeanButStaysUpright() {
        int face = firstArt(sheet.rig().find(PartKind.HEAD_VIEW).orElseThrow());
        DrawOp lean = opOf(new FrameBuilder().set(Channel.BODY_LEAN, 10).build(), face);
        // clockwise about the hips moves the neck to the viewer's right
        assertThat(lean.transform().getTranslateX()).isGreaterThan(50);
        assertThat(lean.transform().getShearX()).isZero();
    }

    @Test
    void headRollTurnsTheHeadAboutItsPivot() {
        int face = firstArt(sheet.rig().find(PartKind.HEAD_VIEW).orElseThrow());
        var t = opOf(new FrameBuilder().set(Channel.HEAD_ROLL, 8).build(), face).transform();
        Point2D pivot = t.transform(new Point2D.Double(500, 625), null);
        assertThat(pivot.getX()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pivot.getY()).isCloseTo(625, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Math.toDegrees(Math.atan2(t.getShearY(), t.getScaleX()))).isCloseTo(8, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void looksDownMovesFeaturesDown() {
        int brow = firstArt(sheet.rig().findAll(PartKind.EYEBROW).get(0));
        double down = opOf(new FrameBuilder().set(Channel.HEAD_PITCH, -20).build(), brow).transform().getTranslateY();
        double up = opOf(new FrameBuilder().set(Channel.HEAD_PITCH, 20).build(), brow).transform().getTranslateY();
        assertThat(down).isGreaterThan(up + 10);
    }

    @Test
    void browsRiseWithBrowInnerUpAndDropWithBrowDown() {
        int brow = firstArt(sheet.rig().findAll(PartKind.EYEBROW).get(0));
        double rest = centre(PerformanceFrame.neutral(), brow).getY();
        double raised = centre(new FrameBuilder().set(ArkitBlendshape.browInnerUp, 1).build(), brow).getY();
        double lowered = centre(new FrameBuilder().set(ArkitBlendshape.browDownLeft, 1)
                .set(ArkitBlendshape.browDownRight, 1).build(), brow).getY();
        assertThat(raised).isLessThan(rest - 10);
        assertThat(lowered).isGreaterThan(rest + 10);
    }

    @Test
    void nonsenseValuesDoNotBreakPosing() {
        float[] v = new float[PerformanceFrame.SIZE];
        java.util.Arrays.fill(v, Float.NaN);
        assertThat(poser.pose(PerformanceFrame.of(v))).isNotEmpty();
        java.util.Arrays.fill(v, 1e9f);
        assertThat(poser.pose(PerformanceFrame.of(v))).isNotEmpty();
    }

    // ---- helpers

    private static List<String> viewKeys(RigNode.Part head, double yaw) {
        return LayerPoser.views(head, yaw).stream().map(w -> w.view().key()).toList();
    }

    private static List<Integer> sprites(PerformanceFrame f) {
        return poser.pose(f).stream().map(DrawOp::sprite).toList();
    }

    private static DrawOp opOf(PerformanceFrame f, int sprite) {
        return poser.pose(f).stream().filter(o -> o.sprite() == sprite).findFirst().orElseThrow();
    }

    private static Point2D centre(PerformanceFrame f, int sprite) {
        var b = sheet.sprite(sprite).bounds();
        return opOf(f, sprite).transform().transform(new Point2D.Double(b.centerX(), b.centerY()), null);
    }

    /** Sprites of every part of a kind in the frontal view (index 0 of the head views). */
    private static Set<Integer> spritesOf(PartKind kind, int view) {
        RigNode.Part v = sheet.rig().findAll(PartKind.HEAD_VIEW).get(view);
        return collect(v.children(), kind, false);
    }

    private static Set<Integer> collect(List<RigNode> nodes, PartKind kind, boolean inside) {
        Set<Integer> out = new java.util.HashSet<>();
        for (RigNode n : nodes) {
            if (n instanceof RigNode.Art a && inside) out.add(a.sprite());
            if (n instanceof RigNode.Part p) out.addAll(collect(p.children(), kind, inside || p.kind() == kind));
        }
        return out.stream().collect(Collectors.toSet());
    }

    private static int spriteOfMouth(String key) {
        return firstArt(sheet.rig().find(PartKind.MOUTH).orElseThrow().child(PartKind.MOUTH_SHAPE, key).orElseThrow());
    }

    private static RigNode.Part handPose(LayerSide side, String key) {
        return sheet.rig().findAll(PartKind.HAND).stream().filter(h -> h.side() == side).findFirst().orElseThrow()
                .child(PartKind.HAND_POSE, key).orElseThrow();
    }

    private static int firstArt(RigNode.Part p) {
        return p.children().stream().filter(n -> n instanceof RigNode.Art).map(n -> ((RigNode.Art) n).sprite())
                .findFirst().orElseThrow();
    }
}
