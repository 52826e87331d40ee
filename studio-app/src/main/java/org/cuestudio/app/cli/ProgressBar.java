package org.cuestudio.app.cli;

import java.io.PrintWriter;
import org.cuestudio.core.task.ProgressListener;

/** A one-line text progress bar on standard error, redrawn at most every 200 ms. */
final class ProgressBar implements ProgressListener {
    private final PrintWriter out;
    private final boolean interactive = System.console() != null;
    private long lastDraw;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void progress(long done, long total, String message) {
        long now = System.currentTimeMillis();
        if (!interactive || now - lastDraw < 200 && done < total) return;
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + message + "   ");
        out.flush();
    }

    void done() {
        if (interactive) {
            out.print("\r" + " ".repeat(80) + "\r");
            out.flush();
        }
    }
}
