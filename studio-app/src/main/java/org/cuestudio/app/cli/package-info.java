@org.jspecify.annotations.NullMarked
package org.cuestudio.app.cli;
