package org.cuestudio.format;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small shared checks for tests that build documents. */
final class FuzzTestSupport {
    private FuzzTestSupport() {}

    /** Whether the reader refuses the document (with its own error type; anything else is thrown on). */
    static boolean refused(String json) {
        try {
            ProjectJson.read(Path.of("t.json"), json.getBytes(StandardCharsets.UTF_8));
            return false;
        } catch (ProjectFormatException e) {
            return true;
        }
    }
}
