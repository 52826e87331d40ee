package org.cuestudio.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Shot;

/**
 * Checks what parsing cannot: that the files a project refers to exist inside its folder and that references
 * between its parts resolve.
 */
public final class ProjectValidator {
    private ProjectValidator() {}

    /** Every problem found (empty when the project can be rendered). */
    public static List<Problem> validate(LoadedProject lp) {
        List<Problem> out = new ArrayList<>();
        Path file = lp.file();
        for (Character c : lp.project().characters()) {
            checkPath(lp, c.sheet(), "character '" + c.id() + "' sheet", true, out);
        }
        if (lp.project().shots().isEmpty()) out.add(new Problem(file, 0, 0, "the project has no shots"));
        for (Shot s : lp.project().shots()) {
            checkPath(lp, s.audio(), "shot '" + s.id() + "' audio", false, out);
            if (lp.project().character(s.characterId()).isEmpty()) {
                out.add(new Problem(file, 0, 0, "shot '" + s.id() + "' is performed by character '" + s.characterId()
                        + "', which the project does not have"));
            }
        }
        return out;
    }

    private static void checkPath(LoadedProject lp, String rel, String what, boolean folder, List<Problem> out) {
        try {
            Path p = lp.resolve(rel);
            if (!Files.exists(p)) out.add(new Problem(lp.file(), 0, 0, what + " '" + rel + "' does not exist (looked for " + p + ")"));
            else if (folder && !Files.isDirectory(p)) out.add(new Problem(lp.file(), 0, 0, what + " '" + rel + "' is not a folder"));
            else if (!folder && !Files.isRegularFile(p)) out.add(new Problem(lp.file(), 0, 0, what + " '" + rel + "' is not a file"));
        } catch (IllegalArgumentException e) {
            out.add(new Problem(lp.file(), 0, 0, what + ": " + e.getMessage()));
        }
    }
}
