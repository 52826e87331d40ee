package org.cuestudio.inference.sheet;

/** Which side of the picture a layer is drawn on, as the viewer sees it (the sheet convention). */
public enum LayerSide {
    NONE, LEFT, RIGHT
}
