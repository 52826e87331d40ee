package org.cuestudio.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.format.cache.CacheBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        StudioSettings s = StudioSettings.load(dir.resolve("none/settings.json"));
        assertThat(s.recentProjects()).isEmpty();
        assertThat(s.theme()).isEqualTo(StudioSettings.Theme.DARK);
        assertThat(s.device()).isEqualTo(StudioSettings.Device.AUTO);
        assertThat(s.cacheBytes()).isEqualTo(CacheBudget.DEFAULT_MAX_BYTES);
        assertThat(s.problem()).isEmpty();
    }

    @Test
    void settingsSurviveASaveAndALoad() {
        Path file = dir.resolve("cfg/settings.json");
        StudioSettings s = StudioSettings.load(file);
        s.opened(dir.resolve("a"));
        s.opened(dir.resolve("b"));
        s.opened(dir.resolve("a")); // again: moves to the front, not listed twice
        s.setTheme(StudioSettings.Theme.LIGHT);
        s.setDevice(StudioSettings.Device.CPU);
        s.setCacheBytes(CacheBudget.parse("3G"));
        assertThat(s.save()).isEmpty();
        StudioSettings again = StudioSettings.load(file);
        assertThat(again.recentProjects()).containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(again.theme()).isEqualTo(StudioSettings.Theme.LIGHT);
        assertThat(again.device()).isEqualTo(StudioSettings.Device.CPU);
        assertThat(again.cacheBytes()).isEqualTo(3L << 30);
    }

    @Test
    void theRecentListKeepsTheLastTen() {
        StudioSettings s = StudioSettings.inMemory();
        for (int i = 0; i < 14; i++) s.opened(dir.resolve("p" + i));
        assertThat(s.recentProjects()).hasSize(StudioSettings.MAX_RECENT).first().isEqualTo(dir.resolve("p13"));
        s.forget(dir.resolve("p13"));
        assertThat(s.recentProjects()).first().isEqualTo(dir.resolve("p12"));
        assertThat(s.save()).isEmpty(); // in memory: nothing to write, nothing fails
    }

    @Test
    void aDamagedFileGivesTheDefaultsAndSaysWhy() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"purple\"}");
        StudioSettings s = StudioSettings.load(file);
        assertThat(s.theme()).isEqualTo(StudioSettings.Theme.DARK);
        assertThat(s.problem()).get().asString().contains(file.toString()).contains("defaults");
        Files.writeString(file, "not json");
        assertThat(StudioSettings.load(file).problem()).isPresent();
    }

    @Test
    void aTooSmallCacheIsRefused() {
        assertThatThrownBy(() -> StudioSettings.inMemory().setCacheBytes(1 << 20)).hasMessageContaining("64M");
    }

    @Test
    void aFailedSaveIsAMessageNotAnException() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        StudioSettings s = StudioSettings.load(blocker.resolve("settings.json"));
        assertThat(s.save()).get().asString().contains("Could not save the settings");
    }
}
