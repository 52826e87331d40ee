/**
 * The project's disposable render cache: rendered segments kept by the hash of their inputs, under
 * {@code cache/} in the project bundle.
 */
@org.jspecify.annotations.NullMarked
package org.cuestudio.format.cache;
