package org.cuestudio.inference.lipsync;

import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.live.LiveLipSyncProvider;

/** Offers {@link StreamingLipSync} (the trained model run incrementally) to live mode through {@link java.util.ServiceLoader}. */
public final class DjlLiveLipSyncProvider implements LiveLipSyncProvider {
    private static @org.jspecify.annotations.Nullable StreamingLipSync model;

    @Override
    public LiveLipSync create(int lookAheadFrames, int lagFrames) {
        return model().session(lookAheadFrames, lagFrames);
    }

    private static synchronized StreamingLipSync model() {
        if (model == null) model = StreamingLipSync.loadDefault();
        return model;
    }
}
