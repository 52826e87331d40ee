package org.cuestudio.inference.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cuestudio.core.render.RenderBackend;

/** The {@link NeuralRenderBackend} passes the backend conformance kit with the fixture model. */
class NeuralRenderBackendConformanceTest extends RenderBackendConformanceTest {
    @Override
    protected RenderBackend newBackend() {
        return new NeuralRenderBackend();
    }

    @Override
    protected Path sheet() {
        return NeuralFixtures.fixture();
    }

    @Override
    protected void assertReleased(RenderBackend closed) {
        // The root NDManager (with the reference pictures), every loaded module and the worker are gone.
        assertThat(((NeuralRenderBackend) closed).released()).isTrue();
    }
}
