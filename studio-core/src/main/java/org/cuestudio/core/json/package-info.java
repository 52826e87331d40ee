/** JSON text for exports, written by hand the same on every machine (studio-core has no JSON library). */
@NullMarked
package org.cuestudio.core.json;

import org.jspecify.annotations.NullMarked;
