/**
 * Exports of a whole {@link org.cuestudio.core.perform.Performance} as curves for 3D tools and scripts: Live Link
 * Face CSV (ARKit-52 plus head and eye rotation) and Cue Studio's own JSON. Formats and conventions:
 * {@code docs/curves.md}.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.core.curves;
