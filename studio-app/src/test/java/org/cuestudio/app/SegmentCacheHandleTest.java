package org.cuestudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.format.cache.SqliteSegmentCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCacheHandleTest {
    @TempDir
    Path dir;

    @Test
    void aCacheThatCannotBeOpenedMeansRenderingWithoutOne() throws IOException {
        Path blocked = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");

        try (StudioServices.SegmentCacheHandle handle = StudioServices.SegmentCacheHandle.open(blocked)) {
            assertThat(handle.store()).isSameAs(SegmentStore.NONE);
        }
    }

    @Test
    void aUsableCacheIsTheProjectsSegmentCache() {
        try (StudioServices.SegmentCacheHandle handle = StudioServices.SegmentCacheHandle.open(dir.resolve("cache"))) {
            assertThat(handle.store()).isInstanceOf(SqliteSegmentCache.class);
        }
    }
}
