package org.cuestudio.app.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The threads the studio window uses: a pool for slow work (loading, saving, takes), one worker for preview frames
 * (so previews never queue behind a take), and the JavaFX thread for everything that touches the view model.
 * Tests use {@link #synchronous()}, where all three run on the calling thread.
 */
public record UiExecutors(Executor background, Executor preview, Executor fx, Runnable shutdown) {

    /** Daemon threads for the work and {@link Platform#runLater} for the JavaFX thread. */
    public static UiExecutors javafx() {
        ExecutorService bg = Executors.newCachedThreadPool(daemons("cue-studio-work"));
        ExecutorService pv = Executors.newSingleThreadExecutor(daemons("cue-studio-preview"));
        return new UiExecutors(bg, pv, Platform::runLater, () -> {
            bg.shutdownNow();
            pv.shutdownNow();
        });
    }

    /** Everything runs at once on the caller's thread: for view-model tests without a toolkit. */
    public static UiExecutors synchronous() {
        return new UiExecutors(Runnable::run, Runnable::run, Runnable::run, () -> { });
    }

    /**
     * Runs {@code work} on the JavaFX thread and waits up to 30 s for its result, for tools and tests that drive
     * the window from another thread.
     */
    public static <T> T callOnFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // Below the JavaFX thread, so rendering never makes the window stutter on a small machine.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }
}
