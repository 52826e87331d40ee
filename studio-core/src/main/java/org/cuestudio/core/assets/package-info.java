/** Where the files Cue Studio ships (gesture library, models, samples) are found at run time. */
@NullMarked
package org.cuestudio.core.assets;

import org.jspecify.annotations.NullMarked;
