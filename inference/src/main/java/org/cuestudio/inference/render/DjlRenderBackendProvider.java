package org.cuestudio.inference.render;

import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;

/** Service-loaded factory of the {@link DjlRenderBackend}; the engine loads in {@link #create()}, not before. */
public final class DjlRenderBackendProvider implements RenderBackendProvider {
    @Override
    public String id() {
        return DjlRenderBackend.ID;
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public RenderBackend create() {
        return new DjlRenderBackend();
    }
}
