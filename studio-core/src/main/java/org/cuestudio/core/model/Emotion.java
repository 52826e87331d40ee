package org.cuestudio.core.model;

import java.util.Locale;

/** The basic emotions a director can ask for (Ekman's six plus contempt and neutral). */
public enum Emotion {
    NEUTRAL, JOY, SADNESS, ANGER, FEAR, SURPRISE, DISGUST, CONTEMPT;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
