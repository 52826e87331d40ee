package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.inference.sheet.TestPortraits;

/** The {@link DjlRenderBackend} passes the backend conformance kit on a single-portrait sheet ("facey"). */
class PortraitConformanceTest extends RenderBackendConformanceTest {
    @Override
    protected RenderBackend newBackend() {
        return new DjlRenderBackend();
    }

    @Override
    protected Path sheet() {
        return TestPortraits.facey();
    }

    @Override
    protected void assertReleased(RenderBackend closed) {
        // The portrait kernel and its cached pictures go with the root manager.
        assertThat(((DjlRenderBackend) closed).released()).isTrue();
    }
}
