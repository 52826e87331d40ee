package org.cuestudio.app.ui;

import javafx.scene.Node;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The toolbar's icons as small vector paths on a 16 px grid, coloured by CSS ({@code .icon}). */
final class Icons {
    static final String OPEN = "M1 3.5A1.5 1.5 0 0 1 2.5 2H6l1.5 1.5h6A1.5 1.5 0 0 1 15 5v7.5a1.5 1.5 0 0 1-1.5 1.5h-11"
            + "A1.5 1.5 0 0 1 1 12.5z";
    static final String SAVE = "M2 1h9.5L15 4.5V15H1V1zM4 2.5V6h7V2.5zM4 9v4.5h8V9z";
    static final String UNDO = "M5 1.5L.5 6 5 10.5V7.5h5a2.75 2.75 0 0 1 0 5.5H7V15h3a4.75 4.75 0 0 0 0-9.5H5z";
    static final String REDO = "M11 1.5L15.5 6 11 10.5V7.5H6a2.75 2.75 0 0 0 0 5.5h3V15H6a4.75 4.75 0 0 1 0-9.5h5z";
    static final String PLAY = "M4 2.2v11.6a.6.6 0 0 0 .9.5l9.3-5.8a.6.6 0 0 0 0-1L4.9 1.7a.6.6 0 0 0-.9.5z";
    static final String PAUSE = "M3 2h3.5v12H3zM9.5 2H13v12H9.5z";
    static final String TO_START = "M2 2h2v12H2zM14 2.5v11L5.5 8z";
    static final String STEP_BACK = "M11.5 2.5v11L4 8z";
    static final String STEP_FORWARD = "M4.5 2.5v11L12 8z";
    static final String RENDER = "M1 4.5A1.5 1.5 0 0 1 2.5 3h7A1.5 1.5 0 0 1 11 4.5v7A1.5 1.5 0 0 1 9.5 13h-7A1.5 1.5 0 0 1 1 "
            + "11.5zM12 6.5l3-2v7l-3-2z";
    static final String WARNING = "M8 1l7.5 13.5h-15zM7 6v4.5h2V6zM7 11.5v2h2v-2z";
    static final String INFO = "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM7 7v5h2V7zM7 4v2h2V4z";
    static final String CHECK = "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM4.5 8l-1 1 3 3 6-6-1-1-5 5z";

    private Icons() {}

    static Node of(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFillRule(FillRule.EVEN_ODD);
        p.getStyleClass().add("icon");
        return p;
    }

    /** A flat icon button with a tooltip that never takes the keyboard focus (Space keeps playing). */
    static javafx.scene.control.Button button(String icon, String tooltip, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(null, of(icon));
        b.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
