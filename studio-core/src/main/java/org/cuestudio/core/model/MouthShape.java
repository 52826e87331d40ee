package org.cuestudio.core.model;

/**
 * The nine Preston Blair / Rhubarb mouth shapes. A: closed (M, B, P); B: slightly open, clenched teeth (most
 * consonants); C: open (EH, AE); D: wide open (AA); E: slightly rounded (AO, ER); F: puckered (UW, OW, W);
 * G: upper teeth on lower lip (F, V); H: tongue raised (L); X: rest (silence).
 */
public enum MouthShape {
    A, B, C, D, E, F, G, H, X
}
