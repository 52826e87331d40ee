package org.cuestudio.inference.lipsync;

import java.util.Arrays;
import java.util.List;
import org.cuestudio.core.model.AnimatorMouth;

/**
 * Phone timeline to Character Animator mouths: the ground truth the mouth head of the lip-sync model is trained on
 * (docs/character-sheets.md, "Mouth shapes from the performance"). Vowels by their lip posture: AA AE Aa; AH and
 * the schwa Uh; IY IH EH EY Y Ee; AO Oh; UW UH W W-Oo; ER R R; diphthongs in two halves (AY Aa-Ee, AW Aa-W-Oo,
 * OW Oh-W-Oo, OY Oh-Ee). Consonants: M B P M; F V F; L L; S Z SH ZH CH JH S; the others (T D N TH DH K G NG HH) D.
 * Labels are per centisecond frame, class {@link #REST} where no phone sounds.
 */
public final class AnimatorMouthRules {
    /** The model's classes: the eleven visemes in {@link AnimatorMouth} order, then rest. */
    public static final List<AnimatorMouth> VISEMES = Arrays.stream(AnimatorMouth.values())
            .filter(AnimatorMouth::isViseme).toList();
    public static final int CLASSES = VISEMES.size() + 1;
    public static final int REST = VISEMES.size();

    private AnimatorMouthRules() {}

    /** The mouth(s) of a phone: one, or two for a diphthong (first half, second half). */
    static AnimatorMouth[] of(String phone) {
        return switch (phone) {
            case "AA", "AE" -> one(AnimatorMouth.AA);
            case "AH", "Schwa" -> one(AnimatorMouth.UH);
            case "IY", "IH", "EH", "EY", "Y" -> one(AnimatorMouth.EE);
            case "AO" -> one(AnimatorMouth.OH);
            case "UW", "UH", "W" -> one(AnimatorMouth.W_OO);
            case "ER", "R" -> one(AnimatorMouth.R);
            case "AY" -> new AnimatorMouth[] {AnimatorMouth.AA, AnimatorMouth.EE};
            case "AW" -> new AnimatorMouth[] {AnimatorMouth.AA, AnimatorMouth.W_OO};
            case "OW" -> new AnimatorMouth[] {AnimatorMouth.OH, AnimatorMouth.W_OO};
            case "OY" -> new AnimatorMouth[] {AnimatorMouth.OH, AnimatorMouth.EE};
            case "M", "B", "P" -> one(AnimatorMouth.M);
            case "F", "V" -> one(AnimatorMouth.F);
            case "L" -> one(AnimatorMouth.L);
            case "S", "Z", "SH", "ZH", "CH", "JH" -> one(AnimatorMouth.S);
            case "T", "D", "N", "TH", "DH", "K", "G", "NG", "HH" -> one(AnimatorMouth.D);
            default -> throw new IllegalArgumentException("unknown phone " + phone);
        };
    }

    private static AnimatorMouth[] one(AnimatorMouth m) {
        return new AnimatorMouth[] {m};
    }

    /** Class index of a viseme (see {@link #VISEMES}). */
    public static int classOf(AnimatorMouth m) {
        int i = VISEMES.indexOf(m);
        if (i < 0) throw new IllegalArgumentException(m + " is not a viseme");
        return i;
    }

    /** Per-centisecond class labels for phones sorted by start; frames with no phone are {@link #REST}. */
    public static int[] frameLabels(List<MouthShapeRules.Phone> phones, int frames) {
        int[] out = new int[frames];
        Arrays.fill(out, REST);
        for (MouthShapeRules.Phone p : phones) {
            AnimatorMouth[] m = of(p.name());
            int mid = m.length == 1 ? p.end() : p.start() + (int) ((p.end() - p.start()) * 0.6);
            for (int f = Math.max(0, p.start()); f < Math.min(frames, p.end()); f++) {
                out[f] = classOf(f < mid ? m[0] : m[m.length - 1]);
            }
        }
        return out;
    }
}
