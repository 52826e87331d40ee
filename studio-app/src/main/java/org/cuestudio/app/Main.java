package org.cuestudio.app;

import org.cuestudio.app.cli.CueCommand;

/** Entry point of {@code ./cue}: the command line, which opens the studio window when given no sub-command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        quietLibraries();
        System.exit(CueCommand.commandLine().execute(args));
    }

    /** Native libraries log chatty INFO lines at start; users only want to see problems. */
    static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        // On machines without an NVIDIA driver DJL warns that "the driver is insufficient"; the CPU is used anyway.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }
}
