package org.cuestudio.app.ui;

/** A line for the window's status bar: what happened, and how much attention it needs. */
public record StatusMessage(Severity severity, String text) {
    /** How a status line is shown: plain, highlighted as good news, or as a problem. */
    public enum Severity {
        INFO, SUCCESS, WARNING, ERROR
    }

    public static final StatusMessage EMPTY = new StatusMessage(Severity.INFO, "");

    public static StatusMessage info(String text) {
        return new StatusMessage(Severity.INFO, text);
    }

    public static StatusMessage success(String text) {
        return new StatusMessage(Severity.SUCCESS, text);
    }

    public static StatusMessage warning(String text) {
        return new StatusMessage(Severity.WARNING, text);
    }

    public static StatusMessage error(String text) {
        return new StatusMessage(Severity.ERROR, text);
    }
}
