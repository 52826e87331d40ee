package org.cuestudio.app.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.jspecify.annotations.Nullable;

/**
 * Renders preview frames on one worker thread with "latest request wins": a request made while another is being
 * rendered replaces any request still waiting, so scrubbing never builds a queue and the frame shown catches up
 * with the playhead as soon as the worker is free. Results are handed to the JavaFX executor; the caller never
 * waits.
 */
final class PreviewRenderer {
    /** One frame to render; {@code epoch} lets the receiver ignore frames of a project or shot it has left. */
    record Request(long epoch, List<Performance> performances, Scene scene, RenderSettings settings, int frame) {}

    /** Receives a finished frame (or why it failed) on the JavaFX executor. */
    interface Callback {
        void done(Request request, @Nullable RgbaImage image, @Nullable Throwable error);
    }

    /** The renderer behind the worker. */
    @FunctionalInterface
    interface FrameSource {
        RgbaImage render(List<Performance> performances, Scene scene, RenderSettings settings, int frame);
    }

    private record Pending(Request request, Callback callback) {}

    private final FrameSource source;
    private final Executor worker;
    private final Executor fx;
    private final AtomicReference<@Nullable Pending> pending = new AtomicReference<>();

    PreviewRenderer(FrameSource source, Executor worker, Executor fx) {
        this.source = source;
        this.worker = worker;
        this.fx = fx;
    }

    void request(Request request, Callback callback) {
        if (pending.getAndSet(new Pending(request, callback)) == null) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException shutDown) {
                pending.set(null);
            }
        }
    }

    private void drain() {
        Pending p = pending.getAndSet(null);
        if (p == null) return;
        Request r = p.request();
        RgbaImage image = null;
        Throwable error = null;
        try {
            image = source.render(r.performances(), r.scene(), r.settings(), r.frame());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            error = e;
        }
        RgbaImage img = image;
        Throwable err = error;
        fx.execute(() -> p.callback().done(r, img, err));
    }
}
