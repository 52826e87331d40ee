/** The application: composition root, command line and the JavaFX studio window. */
@org.jspecify.annotations.NullMarked
package org.cuestudio.app;
