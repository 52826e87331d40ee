package org.cuestudio.inference.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.render.SheetReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetCheckerTest {
    @TempDir
    Path tmp;

    @Test
    void blockyProvidesEverythingAndHasNoErrors() {
        SheetReport r = SheetChecker.check(TestSheets.blocky());
        assertThat(r.usable()).isTrue();
        assertThat(r.name()).isEqualTo("Blocky");
        assertThat(String.join("\n", r.provides())).contains("`Head`", "`Frontal`", "Left Eye", "Mouth (",
                "`Left Arm`", "hand poses");
        // Blocky has quarters but no profiles; everything else is there, pivots included.
        assertThat(r.warnings()).containsExactly(
                "no `Left Profile` view: head turns to the left past 50 degrees will reuse `Left Quarter`",
                "no `Right Profile` view: head turns to the right past 50 degrees will reuse `Right Quarter`");
    }

    @Test
    void aSheetWithoutAQuarterOrProfileStaysFrontal() throws Exception {
        Path sheet = TestSheets.blockyWithSvg(tmp, svg -> svg.replace("inkscape:label=\"Left Quarter\"",
                "inkscape:label=\"Old Art\""));
        SheetReport r = SheetChecker.check(sheet);
        assertThat(r.usable()).isTrue();
        assertThat(r.warnings()).contains("no `Left Quarter` or `Left Profile` view: the head stays `Frontal` when it "
                + "turns to the left");
    }

    @Test
    void missingMouthsFallBackToNeutral() throws Exception {
        Path sheet = TestSheets.blockyWithSvg(tmp, svg -> svg.replace("inkscape:label=\"W-Oo\"", "inkscape:label=\"Spare\""));
        SheetReport r = SheetChecker.check(sheet);
        assertThat(r.warnings()).anyMatch(w -> w.contains("no mouth `W-Oo`") && w.contains("`Neutral` is shown instead"));
    }

    @Test
    void missingRefiningMouthsSayTheShapesOwnMouthIsShown() throws Exception {
        Path sheet = TestSheets.blockyWithSvg(tmp, svg -> svg.replace("inkscape:label=\"Ee\"", "inkscape:label=\"Spare\"")
                .replace("inkscape:label=\"R\"", "inkscape:label=\"Spare\""));
        SheetReport r = SheetChecker.check(sheet);
        assertThat(r.warnings()).anyMatch(w -> w.contains("no mouth `Ee`, `R`") && w.contains("underlying shape"))
                .noneMatch(w -> w.contains("`Ee`") && w.contains("`Neutral` is shown instead"));
    }

    @Test
    void aBrokenFileIsAnErrorThatNamesIt() throws Exception {
        Path sheet = TestSheets.copyOfBlocky(tmp);
        Files.writeString(sheet.resolve("character.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><g");
        SheetReport r = SheetChecker.check(sheet);
        assertThat(r.usable()).isFalse();
        assertThat(r.errors()).singleElement().asString().contains("character.svg");
    }
}
