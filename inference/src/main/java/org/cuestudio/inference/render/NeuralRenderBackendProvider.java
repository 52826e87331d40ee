package org.cuestudio.inference.render;

import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;

/**
 * Service-loaded factory of the {@link NeuralRenderBackend}, ranked below the layered renderer: it is used when the
 * user selects it with {@code -D}{@value RenderBackendProvider#PROPERTY}{@code =}{@value NeuralRenderBackend#ID}.
 */
public final class NeuralRenderBackendProvider implements RenderBackendProvider {
    @Override
    public String id() {
        return NeuralRenderBackend.ID;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public RenderBackend create() {
        return new NeuralRenderBackend();
    }
}
