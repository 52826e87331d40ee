package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.inference.sheet.CanvasRect;
import org.cuestudio.inference.sheet.CharacterSheetLoader;
import org.cuestudio.inference.sheet.Portrait;
import org.cuestudio.inference.sheet.TestPortraits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portrait mesh and its source-coordinate field, without an engine. */
class PortraitMeshTest {
    static Portrait portrait;
    static PortraitMesh mesh;

    @BeforeAll
    static void load() throws Exception {
        portrait = CharacterSheetLoader.load(TestPortraits.facey()).portrait();
        mesh = new PortraitMesh(portrait);
    }

    @Test
    void theNeutralFrameLeavesEveryVertexWhereItIs() {
        double[] posed = mesh.pose(PerformanceFrame.neutral());
        double[] sx = mesh.sourceX(), sy = mesh.sourceY();
        int[] tris = mesh.triangles();
        boolean[] drawn = new boolean[mesh.size()];
        for (int v : tris) drawn[v] = true;
        for (int v = 0; v < mesh.size(); v++) {
            if (sy[v] > portrait.height()) continue; // mouth interior vertices take their lip vertex's place
            assertThat(posed[2 * v]).as("x of vertex %d", v).isEqualTo(sx[v]);
            assertThat(posed[2 * v + 1]).as("y of vertex %d", v).isEqualTo(sy[v]);
        }
        assertThat(tris.length).isGreaterThan(100 * 3);
    }

    @Test
    void theNeutralFieldIsTheIdentity() {
        // At one output pixel per picture pixel, every pixel of the picture's box samples its own centre.
        Placement p = new Placement(480, 320, new CanvasRect(0, 0, 240, 320), 1.0, 120, 0);
        float[] field = PortraitWarper.field(mesh, mesh.pose(PerformanceFrame.neutral()), p, 120, 0, 240, 320);
        double aw = mesh.augmentedWidth(), ah = mesh.augmentedHeight();
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 240; x++) {
                int o = (y * 240 + x) * 2;
                assertThat((double) field[o]).as("gx at %d,%d", x, y).isCloseTo(2 * (x + 0.5) / aw - 1, within(1e-5));
                assertThat((double) field[o + 1]).as("gy at %d,%d", x, y).isCloseTo(2 * (y + 0.5) / ah - 1, within(1e-5));
            }
        }
    }

    @Test
    void aBlinkClosesTheUpperLidOntoTheLowerAndTheJawOpensTheMouth() {
        PerformanceFrame blink = new FrameBuilder().blink(1).build();
        // Sample the field along the left eye's vertical through the iris: with the eye shut, no pixel shows the
        // inside of the eye, which lies between the lid landmarks (y 131 and 148 there) and the band's margins.
        Placement p = new Placement(480, 320, new CanvasRect(0, 0, 240, 320), 1.0, 120, 0);
        float[] field = PortraitWarper.field(mesh, mesh.pose(blink), p, 120, 0, 240, 320);
        double ah = mesh.augmentedHeight();
        int x = TestPortraits.EYES[0][0];
        for (int y = 133; y <= 146; y++) {
            double srcY = (field[(y * 240 + x) * 2 + 1] + 1) * ah / 2;
            assertThat(srcY <= 131 || srcY > 148 + 0.05 * 17).as("row %d shows picture row %.1f", y, srcY)
                    .isTrue();
        }
        PerformanceFrame aa = new FrameBuilder().mouth(MouthShape.D).set(ArkitBlendshape.jawOpen, 0.8).build();
        float[] open = PortraitWarper.field(mesh, mesh.pose(aa), p, 120, 0, 240, 320);
        int[] c = TestPortraits.LIP_LINE;
        double srcY = (open[((c[1] + 5) * 240 + c[0]) * 2 + 1] + 1) * ah / 2;
        assertThat(srcY).as("below the lip line the open mouth shows the interior below the picture")
                .isGreaterThan(portrait.height());
    }

    @Test
    void headTurnsMoveTheNoseMoreThanTheOutlineAndKeepTheBorder() {
        double[] posed = mesh.pose(new FrameBuilder().set(Channel.HEAD_YAW, 20).build());
        double[] sx = mesh.sourceX(), sy = mesh.sourceY();
        double noseShift = Double.NaN, outlineShift = Double.NaN;
        for (int v = 0; v < mesh.size(); v++) {
            double dx = posed[2 * v] - sx[v];
            if (sx[v] == 120 && sy[v] == 175) noseShift = dx;
            if (sx[v] == 190 && sy[v] == 150) outlineShift = dx;
            boolean border = sx[v] == 0 || sy[v] == 0 || sx[v] == 240 || sy[v] == 320;
            if (border) assertThat(dx).as("border vertex %d", v).isZero();
        }
        assertThat(noseShift).isGreaterThan(5);
        assertThat(outlineShift).isGreaterThan(0).isLessThan(noseShift / 2);
    }

    @Test
    void nonFiniteAndOutOfRangeChannelsGiveFinitePositions() {
        float[] v = PerformanceFrame.neutral().toArray();
        java.util.Arrays.fill(v, Float.NaN);
        v[Channel.HEAD_YAW.index()] = Float.POSITIVE_INFINITY;
        v[Channel.HEAD_ROLL.index()] = -1e9f;
        v[ArkitBlendshape.jawOpen.ordinal()] = 40f;
        v[ArkitBlendshape.eyeBlinkLeft.ordinal()] = -3f;
        for (double p : mesh.pose(PerformanceFrame.of(v))) assertThat(Double.isFinite(p)).isTrue();
    }

    @Test
    void theCylinderMapIsMonotonic() {
        for (double yaw : new double[] {-20, -10, 10, 20}) {
            double prev = -Double.MAX_VALUE;
            for (double u = -1.2; u <= 1.2; u += 0.01) {
                double m = PortraitMesh.cylinder(u, 1, yaw);
                assertThat(m).as("yaw %s at %s", yaw, u).isGreaterThanOrEqualTo(prev);
                prev = m;
            }
        }
    }
}
