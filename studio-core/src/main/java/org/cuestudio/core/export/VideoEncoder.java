package org.cuestudio.core.export;

import java.io.IOException;
import java.nio.file.Path;
import org.cuestudio.core.render.RgbaImage;

/** Writes rendered frames and the shot's audio to a video file. */
public interface VideoEncoder {
    /** Opens a writer; the file appears complete only after {@link Writer#close()}. */
    Writer open(Path output, VideoSpec spec) throws IOException;

    /** One file being written, frame by frame, in order. */
    interface Writer extends AutoCloseable {
        void write(RgbaImage frame) throws IOException;

        /** Finishes the file: pads or trims audio to the video length and writes the trailer. */
        @Override
        void close() throws IOException;

        /** Stops after a failure or a cancel: releases the encoder and leaves no file under the output name. */
        void abort();
    }
}
