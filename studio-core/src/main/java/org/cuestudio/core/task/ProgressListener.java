package org.cuestudio.core.task;

/** Receives progress of long work; called from the worker thread, so UIs coalesce before drawing. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    void progress(long done, long total, String message);
}
