package org.cuestudio.core.render;

import java.util.Comparator;
import java.util.ServiceLoader;

/** Service-loaded factory of a {@link RenderBackend}; the highest-ranked available provider wins. */
public interface RenderBackendProvider {
    String id();

    /** Higher is preferred. */
    int rank();

    /** Builds the backend (lazily: loading native engines happens here, not in the provider). */
    RenderBackend create();

    /** The best backend on the class path, or an exception that says none was found. */
    static RenderBackend createBest() {
        return ServiceLoader.load(RenderBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(RenderBackendProvider::rank))
                .orElseThrow(() -> new IllegalStateException("no render backend found: the inference module is "
                        + "missing from the class path"))
                .create();
    }
}
