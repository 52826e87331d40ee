package org.cuestudio.core.render;

import java.util.List;

/**
 * What a character sheet folder offers the renderer, for {@code cue sheet check}: the parts it provides, the
 * warnings about missing optional parts (and what the renderer draws instead), and the errors that make it
 * unusable.
 *
 * @param name     the sheet's display name, or the folder name when it could not be read
 * @param provides one line per part the sheet provides (views, eyes, mouths, arms, hand poses, pivots)
 * @param warnings one line per missing optional part, saying what is used instead
 * @param errors   one line per problem that stops the sheet from loading; empty when it is usable
 */
public record SheetReport(String name, List<String> provides, List<String> warnings, List<String> errors) {
    public SheetReport {
        provides = List.copyOf(provides);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Whether the sheet loads and renders (warnings allowed). */
    public boolean usable() {
        return errors.isEmpty();
    }
}
