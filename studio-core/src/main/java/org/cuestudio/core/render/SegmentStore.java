package org.cuestudio.core.render;

import java.util.List;
import java.util.Optional;

/**
 * Where rendered segments are kept by the hash of their inputs. Disposable: a lost or damaged entry is a
 * miss, never an error that loses work.
 */
public interface SegmentStore {
    /** A store that keeps nothing. */
    SegmentStore NONE = new SegmentStore() {
        @Override
        public Optional<List<RgbaImage>> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, List<RgbaImage> frames) { }
    };

    Optional<List<RgbaImage>> get(String key);

    void put(String key, List<RgbaImage> frames);
}
