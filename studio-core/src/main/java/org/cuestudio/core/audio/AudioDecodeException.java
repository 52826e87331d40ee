package org.cuestudio.core.audio;

import java.nio.file.Path;

/** An audio file that cannot be read: the message names the file and the reason. */
public class AudioDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioDecodeException(Path file, String reason, Throwable cause) {
        super("cannot decode audio " + file + ": " + reason, cause);
    }

    public AudioDecodeException(Path file, String reason) {
        super("cannot decode audio " + file + ": " + reason);
    }
}
