package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.PerformanceFrame;
import org.junit.jupiter.api.Test;

/** docs/model-contract.md's control table is the one {@link ModelContract} generates from the enums. */
class ModelContractDocTest {
    static final Path DOC = Path.of("..", "docs", "model-contract.md");

    @Test
    void theDocumentsControlTableMatchesThePerformanceFrame() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).as("regenerate with: java ... org.cuestudio.inference.render.ModelContract docs/model-contract.md")
                .isEqualTo(ModelContract.withTable(doc));
    }

    @Test
    void theTableHasOneRowPerColumnInVectorOrder() {
        String[] rows = ModelContract.controlTable().split("\n");
        assertThat(rows).hasSize(2 + PerformanceFrame.SIZE);
        assertThat(rows[2]).startsWith("| 0 | `" + ArkitBlendshape.values()[0].name() + "`");
        assertThat(rows[2 + ArkitBlendshape.jawOpen.ordinal()]).startsWith("| 17 | `jawOpen`");
        assertThat(rows[2 + Channel.HEAD_YAW.index()]).startsWith("| 52 | `HEAD_YAW`");
        assertThat(rows[rows.length - 1]).startsWith("| " + (PerformanceFrame.SIZE - 1) + " | `MOUTH_PREVIOUS_WEIGHT`");
    }

    @Test
    void channelsAreOnlyEverAppended() {
        // Models written against the 70-column vector keep their columns: new channels come after MOUTH_SHAPE.
        assertThat(Channel.MOUTH_SHAPE.index()).isEqualTo(69);
        assertThat(Channel.ANIMATOR_MOUTH.index()).isEqualTo(70);
        assertThat(Channel.MOUTH_PREVIOUS.index()).isEqualTo(71);
        assertThat(Channel.MOUTH_PREVIOUS_WEIGHT.index()).isEqualTo(72);
        assertThat(PerformanceFrame.SIZE).isEqualTo(73);
    }
}
