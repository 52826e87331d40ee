package org.cuestudio.core.audio;

import java.util.ServiceLoader;

/** Service-loaded factory of the {@link LipSync} model (the learned one lives in the inference module). */
public interface LipSyncProvider {
    /** Loads the model; each call gives a new, independent instance. */
    LipSync create();

    /** The provider on the class path, or an exception that says it is missing. */
    static LipSyncProvider load() {
        return ServiceLoader.load(LipSyncProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no lip-sync model found: the inference module is missing from the class path"));
    }
}
