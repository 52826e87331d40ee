package org.cuestudio.core.render;

import java.nio.file.Path;

/** Why a background picture cannot be used; the message names the file. */
public final class BackgroundImageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public BackgroundImageException(Path file, String why) {
        super("background image " + file + ": " + why);
        this.file = file;
    }

    public BackgroundImageException(Path file, String why, Throwable cause) {
        super("background image " + file + ": " + why, cause);
        this.file = file;
    }

    /** The picture file. */
    public Path file() {
        return file;
    }
}
