package org.cuestudio.core.task;

/** Thrown out of long work when its {@link CancellationToken} was cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
