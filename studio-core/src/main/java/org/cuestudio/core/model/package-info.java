@org.jspecify.annotations.NullMarked
package org.cuestudio.core.model;
