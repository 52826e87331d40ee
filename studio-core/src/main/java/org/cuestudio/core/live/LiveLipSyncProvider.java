package org.cuestudio.core.live;

import java.util.ServiceLoader;

/** Service-loaded factory of {@link LiveLipSync} streams (the learned model lives in the inference module). */
public interface LiveLipSyncProvider {
    /**
     * A new stream.
     *
     * @param lookAheadFrames how many 10 ms frames of future audio each frame's decision may see
     * @param lagFrames the decoder's fixed decision lag, in 10 ms frames
     */
    LiveLipSync create(int lookAheadFrames, int lagFrames);

    /** The provider on the class path, or an exception that says it is missing. */
    static LiveLipSyncProvider load() {
        return ServiceLoader.load(LiveLipSyncProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no streaming lip-sync found: the inference module is missing from the class path"));
    }
}
