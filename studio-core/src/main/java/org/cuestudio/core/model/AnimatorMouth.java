package org.cuestudio.core.model;

/**
 * Adobe Character Animator's fourteen mouths, by which layered sheets name their mouth layers: three expression
 * mouths for when the character is not speaking ({@link #NEUTRAL}, {@link #SMILE}, {@link #SURPRISED}) and eleven
 * visemes. Lip-sync gives every mouth cue one of the nine Rhubarb shapes and, refining it, one of the visemes
 * (e.g. shape B is {@link #EE} in "bee" and {@link #S} in "see"); see docs/character-sheets.md.
 */
public enum AnimatorMouth {
    NEUTRAL("Neutral"), SMILE("Smile"), SURPRISED("Surprised"),
    AA("Aa"), D("D"), EE("Ee"), F("F"), L("L"), M("M"), OH("Oh"), R("R"), S("S"), UH("Uh"), W_OO("W-Oo");

    private final String layerName;

    AnimatorMouth(String layerName) {
        this.layerName = layerName;
    }

    /** The layer name in a Character Animator puppet (and a Cue Studio sheet), e.g. "W-Oo". */
    public String layerName() {
        return layerName;
    }

    /** Whether this is one of the eleven speech mouths (not Neutral, Smile or Surprised). */
    public boolean isViseme() {
        return ordinal() >= AA.ordinal();
    }

    /**
     * The mouth a shape shows when nothing refines it (a director's correction on the mouth lane, or lip-sync
     * without the refining head): A M, B S, C D, D Aa, E Oh, F W-Oo, G F, H L, X Neutral.
     */
    public static AnimatorMouth of(MouthShape shape) {
        return switch (shape) {
            case A -> M;
            case B -> S;
            case C -> D;
            case D -> AA;
            case E -> OH;
            case F -> W_OO;
            case G -> F;
            case H -> L;
            case X -> NEUTRAL;
        };
    }

    /** The mouth with this layer name (case-insensitive; "Ah" is accepted for "Aa"). */
    public static java.util.Optional<AnimatorMouth> byLayerName(String name) {
        String n = name.trim().equalsIgnoreCase("Ah") ? "Aa" : name.trim();
        for (AnimatorMouth m : values()) if (m.layerName.equalsIgnoreCase(n)) return java.util.Optional.of(m);
        return java.util.Optional.empty();
    }
}
