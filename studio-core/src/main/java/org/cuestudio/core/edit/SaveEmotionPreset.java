package org.cuestudio.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.core.model.Project;

/**
 * Saves a mixed feeling as a project emotion preset, replacing the preset with the same id if there is one (cues
 * made from the old one keep their copy of its emotions, so nothing on any timeline changes).
 */
public record SaveEmotionPreset(EmotionPreset preset) implements Edit {
    @Override
    public Project apply(Project project) {
        List<EmotionPreset> presets = new ArrayList<>(project.emotionPresets());
        presets.removeIf(p -> p.id().equals(preset.id()));
        presets.add(preset);
        return project.withEmotionPresets(presets);
    }

    @Override
    public List<DirtyRange> dirtied(Project before) {
        return List.of();
    }

    @Override
    public String label() {
        return "Save emotion preset " + preset.label();
    }
}
