package org.cuestudio.inference.sheet;

/** A point in the sheet's canvas (viewBox) units, such as a pivot. */
public record CanvasPoint(double x, double y) {
}
