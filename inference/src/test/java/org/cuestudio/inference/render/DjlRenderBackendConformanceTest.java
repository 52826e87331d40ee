package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.inference.sheet.TestSheets;

/** The {@link DjlRenderBackend} passes the backend conformance kit on the "blocky" test sheet. */
class DjlRenderBackendConformanceTest extends RenderBackendConformanceTest {
    @Override
    protected RenderBackend newBackend() {
        return new DjlRenderBackend();
    }

    @Override
    protected Path sheet() {
        return TestSheets.blocky();
    }

    @Override
    protected void assertReleased(RenderBackend closed) {
        // The root NDManager (and with it every tensor), the kernel and the atlases are gone, the worker stopped.
        assertThat(((DjlRenderBackend) closed).released()).isTrue();
    }
}
