package org.cuestudio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cuestudio.core.assets.AssetFiles;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionPresetsReaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedPresetsAreMixedFeelingsOfTheBasicEmotions() throws Exception {
        List<EmotionPreset> presets = EmotionPresetsReader.read(AssetFiles.find(EmotionPresetsReader.ASSETS_PATH));
        assertThat(presets).hasSizeGreaterThanOrEqualTo(8);
        assertThat(presets).extracting(EmotionPreset::id).contains("smug", "bittersweet", "nervous");
        EmotionPreset bittersweet = presets.stream().filter(p -> p.id().equals("bittersweet")).findFirst().orElseThrow();
        assertThat(bittersweet.emotion()).isEqualTo(Emotion.JOY);
        assertThat(bittersweet.blend()).containsEntry(Emotion.SADNESS, 0.6);
        assertThat(presets).allSatisfy(p -> assertThat(p.blend()).isNotEmpty());
    }

    @Test
    void mistakesAreReportedWithLineColumnAndHint() throws Exception {
        Path f = dir.resolve("presets.json");
        Files.writeString(f, """
                {"type": "EmotionPresets.1", "presets": [
                  {"id": "smug", "label": "Smug", "emotion": "contempt", "blend": {"joy": 1.4}},
                  {"id": "odd", "label": "Odd", "emotion": "glee", "blend": {"contempt": 0.2}},
                  {"id": "smug", "label": "Again", "emotion": "joy", "blend": {"joy": 0.5}}
                ]}
                """);
        assertThatThrownBy(() -> EmotionPresetsReader.read(f)).isInstanceOfSatisfying(ProjectFormatException.class,
                e -> {
                    assertThat(e.problems()).extracting(Problem::line).containsExactlyInAnyOrder(2, 3, 4);
                    assertThat(e.getMessage()).contains("blend weights are numbers above 0 up to 1")
                            .contains("\"glee\" is not an emotion").contains("\"joy\" cannot be blended in");
                });
    }
}
