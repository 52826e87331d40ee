/**
 * Character sheet loading: reads a sheet folder ({@code character.json} and its layered art: SVG, OpenRaster or
 * PSD), finds the named layer groups and pivots of docs/character-sheets.md, splits the art into sprites (standalone
 * SVG documents, or raster layers) and rasterises or resamples them at any scale; or, for a single-portrait sheet,
 * decodes its picture and reads and checks its landmarks ({@link org.cuestudio.inference.sheet.Portrait}). Nothing
 * here depends on DJL; the renderer in {@code org.cuestudio.inference.render} builds on the
 * {@link org.cuestudio.inference.sheet.CharacterSheet} this package produces.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.inference.sheet;
