package org.cuestudio.core.render;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where rendered segments are kept by the hash of their inputs. Disposable: a lost or damaged entry is a
 * miss, never an error that loses work.
 *
 * <p>A store may evict segments to stay within a size budget. Work that reads a run of segments (playback, an
 * export) {@linkplain #pin pins} their keys first, so that eviction cannot take a segment away between the moment
 * the work planned to read it and the moment it does.
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

    /**
     * The frames stored under a key, or empty when the store does not have them (or has them damaged). Never
     * throws for a storage fault.
     */
    Optional<List<RgbaImage>> get(String key);

    /**
     * Stores a segment's frames under its key. Never throws for a storage fault (a full disk, a deleted folder):
     * the store logs it and the segment is simply not kept, so a render goes on.
     *
     * @throws IllegalArgumentException if the frames are not all the same size
     */
    void put(String key, List<RgbaImage> frames);

    /**
     * Protects segments from eviction until the returned lease is closed. Keys need not be stored yet: a segment
     * put later under a pinned key is protected too. Pins nest: a key stays pinned while any lease on it is open.
     * The default keeps nothing pinned, for stores that never evict.
     */
    default Lease pin(Collection<String> keys) {
        return Lease.NONE;
    }

    /** A hold on pinned segments; closing it (once or more) lets eviction have them again. */
    interface Lease extends AutoCloseable {
        /** A lease that holds nothing. */
        Lease NONE = () -> { };

        @Override
        void close();
    }
}
