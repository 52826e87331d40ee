package org.cuestudio.inference.lipsync;

import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.LipSyncProvider;

/** Offers the trained {@link LipSyncModel} to the studio through {@link java.util.ServiceLoader}. */
public final class DjlLipSyncProvider implements LipSyncProvider {
    @Override
    public LipSync create() {
        return LipSyncModel.loadDefault();
    }
}
