package org.cuestudio.core.render;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Service-loaded factory of a {@link RenderBackend}; the highest-ranked available provider wins unless the user
 * names one with the system property {@value #PROPERTY} (e.g. {@code CUE_JAVA_OPTS=-Dcue.render.backend=neural-torchscript}).
 */
public interface RenderBackendProvider {
    /** The system property that selects a backend by {@link #id()} instead of by rank. */
    String PROPERTY = "cue.render.backend";

    String id();

    /** Higher is preferred. */
    int rank();

    /** Builds the backend (lazily: loading native engines happens here, not in the provider). */
    RenderBackend create();

    /** Every provider on the class path, highest rank first (ties by id). Creates no backend. */
    static List<RenderBackendProvider> available() {
        return ServiceLoader.load(RenderBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(RenderBackendProvider::rank).reversed()
                        .thenComparing(RenderBackendProvider::id))
                .toList();
    }

    /**
     * The provider {@link #createBest()} uses: the one whose id is {@code chosen} when that is set (not blank),
     * else the highest-ranked one.
     *
     * @throws IllegalStateException if there is none, or none has the chosen id (the message lists the ids found)
     */
    static RenderBackendProvider select(@Nullable String chosen) {
        List<RenderBackendProvider> all = available();
        if (all.isEmpty()) {
            throw new IllegalStateException("no render backend found: the inference module is missing from the "
                    + "class path");
        }
        if (chosen == null || chosen.isBlank()) return all.get(0);
        return all.stream().filter(p -> p.id().equals(chosen.strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no render backend '" + chosen.strip() + "' (-D" + PROPERTY
                        + "); found: " + String.join(", ", all.stream().map(RenderBackendProvider::id).toList())));
    }

    /** The backend the user selected with {@value #PROPERTY}, else the best one on the class path. */
    static RenderBackend createBest() {
        return select(System.getProperty(PROPERTY)).create();
    }
}
