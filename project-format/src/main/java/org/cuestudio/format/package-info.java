/** Project files on disk: JSON reading and writing with versioned type tags, validation, atomic saves. */
@org.jspecify.annotations.NullMarked
package org.cuestudio.format;
