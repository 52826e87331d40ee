package org.cuestudio.core.curves;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.time.FrameRate;

/**
 * Writes a performance in the CSV layout that Epic's Live Link Face app records, so that tools which import
 * those takes (Unreal's Live Link Face importer, Blender and Maya add-ons, MetaHuman pipelines) read our curves.
 *
 * <p>One row per video frame: {@code Timecode} ({@code HH:MM:SS:FF.sss}, frames counted at the shot's rate),
 * {@code BlendShapeCount} (always 61), the 52 ARKit blendshapes in the app's column order, then head and eye
 * rotations. Blendshapes are anatomical, as ARKit defines them. Rotations are converted from the planner's
 * screen-space degrees: positive yaw turns the head toward the character's own left, positive pitch lowers the
 * chin, positive roll tilts the head toward the character's own right shoulder, in the units chosen (by default
 * Epic's normalised range, degrees / 180). The derivation is in {@code docs/curves.md}.
 */
public final class LiveLinkFaceCsv {
    /** Value of the {@code BlendShapeCount} column: 52 blendshapes and 9 rotations. */
    public static final int BLEND_SHAPE_COUNT = 61;

    /**
     * The header, exactly as Live Link Face writes it. The app's order is ARKit's except that {@code JawRight}
     * comes before {@code JawLeft} and {@code MouthRight} before {@code MouthLeft}.
     */
    public static final List<String> HEADER = List.of("Timecode", "BlendShapeCount",
            "EyeBlinkLeft", "EyeLookDownLeft", "EyeLookInLeft", "EyeLookOutLeft", "EyeLookUpLeft", "EyeSquintLeft",
            "EyeWideLeft", "EyeBlinkRight", "EyeLookDownRight", "EyeLookInRight", "EyeLookOutRight", "EyeLookUpRight",
            "EyeSquintRight", "EyeWideRight", "JawForward", "JawRight", "JawLeft", "JawOpen", "MouthClose",
            "MouthFunnel", "MouthPucker", "MouthRight", "MouthLeft", "MouthSmileLeft", "MouthSmileRight",
            "MouthFrownLeft", "MouthFrownRight", "MouthDimpleLeft", "MouthDimpleRight", "MouthStretchLeft",
            "MouthStretchRight", "MouthRollLower", "MouthRollUpper", "MouthShrugLower", "MouthShrugUpper",
            "MouthPressLeft", "MouthPressRight", "MouthLowerDownLeft", "MouthLowerDownRight", "MouthUpperUpLeft",
            "MouthUpperUpRight", "BrowDownLeft", "BrowDownRight", "BrowInnerUp", "BrowOuterUpLeft", "BrowOuterUpRight",
            "CheekPuff", "CheekSquintLeft", "CheekSquintRight", "NoseSneerLeft", "NoseSneerRight", "TongueOut",
            "HeadYaw", "HeadPitch", "HeadRoll", "LeftEyeYaw", "LeftEyePitch", "LeftEyeRoll", "RightEyeYaw",
            "RightEyePitch", "RightEyeRoll");

    /** Blendshape for each blendshape column (columns 2 to 53), resolved by name. */
    private static final ArkitBlendshape[] COLUMN_SHAPES = resolveColumns();

    /** How the rotation columns are written. */
    public enum RotationUnits {
        /** Degrees / 180, so -180..180 degrees maps to -1..1: what Unreal's ARKit face support sends (the default). */
        NORMALISED(1 / 180d),
        /** Radians, for importers that read the rotation columns as radians. */
        RADIANS(StrictMath.PI / 180),
        /** Degrees. */
        DEGREES(1);

        private final double perDegree;

        RotationUnits(double perDegree) {
            this.perDegree = perDegree;
        }

        /** The lower-case name used on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code normalised} (or {@code normalized}), {@code radians} or {@code degrees}. */
        public static RotationUnits parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "normalised", "normalized" -> NORMALISED;
                case "radians", "rad" -> RADIANS;
                case "degrees", "deg" -> DEGREES;
                default -> throw new IllegalArgumentException("unknown rotation units '" + text
                        + "': use normalised, radians or degrees");
            };
        }
    }

    private LiveLinkFaceCsv() {}

    /** Writes the header and one row per frame, each line ending in {@code \n}. */
    public static void write(Performance performance, RotationUnits units, Appendable out) throws IOException {
        out.append(String.join(",", HEADER)).append('\n');
        StringBuilder row = new StringBuilder(1024);
        List<PerformanceFrame> frames = performance.frames();
        for (int f = 0; f < frames.size(); f++) {
            row.setLength(0);
            appendRow(row, f, frames.get(f), performance.frameRate(), units);
            out.append(row);
        }
    }

    /** The whole file as a string (for small performances and tests). */
    public static String toString(Performance performance, RotationUnits units) {
        StringBuilder sb = new StringBuilder();
        try {
            write(performance, units, sb);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder row, long frame, PerformanceFrame pf, FrameRate rate,
            RotationUnits units) {
        row.append(timecode(frame, rate)).append(',').append(BLEND_SHAPE_COUNT);
        for (ArkitBlendshape b : COLUMN_SHAPES) Decimals.append(row.append(','), pf.get(b));
        double k = units.perDegree;
        double headYaw = pf.get(Channel.HEAD_YAW) * k;
        double headPitch = -pf.get(Channel.HEAD_PITCH) * k;
        double headRoll = -pf.get(Channel.HEAD_ROLL) * k;
        double eyeYaw = pf.get(Channel.EYE_YAW) * k;
        double eyePitch = -pf.get(Channel.EYE_PITCH) * k;
        // The planner moves both eyes together and never rolls them.
        for (double v : new double[] {headYaw, headPitch, headRoll, eyeYaw, eyePitch, 0, eyeYaw, eyePitch, 0}) {
            Decimals.append(row.append(','), v);
        }
        row.append('\n');
    }

    /**
     * The {@code Timecode} of a frame: {@code HH:MM:SS:FF} counted from zero at the shot's first frame, with
     * {@code FF} at the nominal (rounded-up) frame rate, non-drop, then the sub-frame after the point, which is
     * always {@code .000} because every row is a whole frame.
     */
    public static String timecode(long frame, FrameRate rate) {
        if (frame < 0) throw new IllegalArgumentException("negative frame " + frame);
        long nominal = (rate.numerator() + rate.denominator() - 1L) / rate.denominator();
        long seconds = frame / nominal;
        long ff = frame % nominal;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d.000", seconds / 3600, seconds / 60 % 60, seconds % 60, ff);
    }

    private static ArkitBlendshape[] resolveColumns() {
        ArkitBlendshape[] out = new ArkitBlendshape[ArkitBlendshape.values().length];
        for (int i = 0; i < out.length; i++) {
            String column = HEADER.get(2 + i);
            out[i] = ArkitBlendshape.valueOf(java.lang.Character.toLowerCase(column.charAt(0)) + column.substring(1));
        }
        return out;
    }
}
