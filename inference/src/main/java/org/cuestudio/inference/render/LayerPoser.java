package org.cuestudio.inference.render;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cuestudio.core.perform.ArkitBlendshape;
import org.cuestudio.core.perform.Channel;
import org.cuestudio.core.perform.HandPose;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.inference.sheet.CanvasPoint;
import org.cuestudio.inference.sheet.CanvasRect;
import org.cuestudio.inference.sheet.LayerSide;
import org.cuestudio.inference.sheet.PartKind;
import org.cuestudio.inference.sheet.Rig;
import org.cuestudio.inference.sheet.RigNode;
import org.cuestudio.inference.sheet.RigNode.Art;
import org.cuestudio.inference.sheet.RigNode.Part;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link PerformanceFrame} into the list of sprites to draw for one rig, each with its transform: it is
 * the whole "what does this frame look like" of the layered renderer, in plain Java so that it can be tested
 * without an engine. It is stateless per frame (no smoothing across frames), so segments render independently.
 *
 * <p>Conventions (see docs/decisions/0004-renderer-layers-on-djl.md): angles follow {@link Channel}, in screen
 * space; positive rotation is clockwise on screen. {@code LEFT_*} channels move the sheet's "Left" arm, the one
 * on the viewer's left. ARKit blendshapes are anatomical: {@code eyeBlinkLeft} closes the character's own left eye,
 * which is the sheet's "Right Eye" (on the viewer's right); the same holds for brows. Shoulder: 0 hangs, positive
 * swings the arm up and away from the body. Elbow: positive turns the forearm the same way as a positive
 * shoulder, so that a raised arm bends up toward the head (shoulder 100, elbow 40 is a wave).
 */
final class LayerPoser {
    /** Head views: beyond this |yaw| the side view starts to fade in. */
    static final double VIEW_FADE_START = 8;
    /** Head views: beyond this |yaw| only the side view shows. */
    static final double VIEW_FADE_END = 16;
    /** Quarter to profile cross-fade, when a sheet has both. */
    static final double PROFILE_FADE_START = 50;
    static final double PROFILE_FADE_END = 65;
    /** The yaw a quarter view is drawn at. */
    static final double QUARTER_YAW = 30;
    static final double PROFILE_YAW = 90;
    /** Horizontal feature shift per unit of sin(yaw) relative to the view, as a fraction of the view's width. */
    static final double PARALLAX = 0.12;
    /** Vertical feature shift per unit of sin(pitch), as a fraction of the view's height. */
    static final double PITCH_SHIFT = 0.10;
    /** Vertical squash of the feature layout per unit of |sin(pitch)|. */
    static final double PITCH_SQUASH = 0.08;
    /** Pupil travel at 30 degrees of eye yaw/pitch, as a fraction of the eyeball's half width/height. */
    static final double GAZE_TRAVEL = 0.35;
    static final double GAZE_LIMIT_DEG = 40;
    /** Brow travel, as a fraction of the view's height. */
    static final double BROW_TRAVEL = 0.04;
    static final double BROW_DOWN_SLANT_DEG = 10;
    static final double BROW_INNER_UP_SLANT_DEG = 6;
    static final double BROW_OUTER_UP_SLANT_DEG = 3;
    /** Blink weights above this show the Blink layer. */
    static final double BLINK_CLOSED = 0.5;
    /** Blink weights above this squash the open eye. */
    static final double BLINK_SQUINT = 0.25;
    static final double JAW_STRETCH = 0.15;
    static final double BREATH_STRETCH = 0.015;
    static final double FORWARD_SCALE = 0.04;
    static final double NOSE_DEPTH = 1.4;
    static final double MOUTH_DEPTH = 1.15;

    private final Rig rig;
    private final CanvasPoint bodyPivot;

    LayerPoser(Rig rig) {
        this.rig = rig;
        Optional<Part> body = rig.find(PartKind.BODY);
        CanvasRect vb = rig.viewBox();
        this.bodyPivot = body.map(Part::pivot).orElse(new CanvasPoint(vb.centerX(), vb.y1()));
    }

    /** The sprites to draw for a frame, back to front. */
    List<DrawOp> pose(PerformanceFrame f) {
        Frame fr = new Frame(f);
        List<DrawOp> out = new ArrayList<>();
        walk(rig.nodes(), fr.global, 1f, null, fr, out);
        return out;
    }

    /** The per-frame transforms every part needs, computed once. */
    private final class Frame {
        final PerformanceFrame f;
        final AffineTransform global;
        final AffineTransform bodyLocal;

        Frame(PerformanceFrame f) {
            this.f = f;
            double forward = clamp(f.get(Channel.BODY_FORWARD), -1, 1);
            global = about(bodyPivot, AffineTransform.getScaleInstance(1 + FORWARD_SCALE * forward, 1 + FORWARD_SCALE * forward));
            AffineTransform lean = AffineTransform.getRotateInstance(Math.toRadians(finite(f.get(Channel.BODY_LEAN))));
            lean.scale(1, 1 + BREATH_STRETCH * clamp(f.get(Channel.BREATH), 0, 1));
            bodyLocal = about(bodyPivot, lean);
        }

        double get(Channel c) {
            return finite(f.get(c));
        }

        double get(ArkitBlendshape b) {
            return clamp(f.get(b), 0, 1);
        }
    }

    private void walk(List<RigNode> nodes, AffineTransform t, float opacity, @Nullable Part view, Frame fr, List<DrawOp> out) {
        for (RigNode n : nodes) {
            switch (n) {
                case Art a -> out.add(new DrawOp(a.sprite(), t, opacity));
                case Part p -> part(p, t, opacity, view, fr, out);
            }
        }
    }

    private void part(Part p, AffineTransform t, float opacity, @Nullable Part view, Frame fr, List<DrawOp> out) {
        switch (p.kind()) {
            case BODY -> walk(p.children(), concat(fr.global, fr.bodyLocal), opacity, view, fr, out);
            case UPPER_ARM -> walk(p.children(), concat(t, rotation(p, armAngle(p.side(), Channel.LEFT_SHOULDER,
                    Channel.RIGHT_SHOULDER, fr))), opacity, view, fr, out);
            case FOREARM -> walk(p.children(), concat(t, rotation(p, armAngle(p.side(), Channel.LEFT_ELBOW,
                    Channel.RIGHT_ELBOW, fr))), opacity, view, fr, out);
            case HAND -> hand(p, concat(t, rotation(p, armAngle(p.side(), Channel.LEFT_WRIST, Channel.RIGHT_WRIST, fr))),
                    opacity, view, fr, out);
            case HEAD -> head(p, opacity, fr, out);
            case EYEBROW -> walk(p.children(), concat(t, features(view, 1, fr), brow(p, view, fr)), opacity, view, fr, out);
            case EYE -> eye(p, concat(t, features(view, 1, fr)), opacity, fr, out);
            case MOUTH -> mouth(p, concat(t, features(view, MOUTH_DEPTH, fr)), opacity, view, fr, out);
            case NOSE -> walk(p.children(), concat(t, features(view, NOSE_DEPTH, fr)), opacity, view, fr, out);
            default -> walk(p.children(), t, opacity, view, fr, out);
        }
    }

    // ---- arms

    private static double armAngle(LayerSide side, Channel left, Channel right, Frame fr) {
        return side == LayerSide.RIGHT ? -fr.get(right) : fr.get(left);
    }

    private void hand(Part hand, AffineTransform t, float opacity, @Nullable Part view, Frame fr, List<DrawOp> out) {
        HandPose pose = enumAt(HandPose.values(), fr.f.get(hand.side() == LayerSide.RIGHT ? Channel.RIGHT_HAND_POSE
                : Channel.LEFT_HAND_POSE), HandPose.RELAXED);
        Part shown = hand.child(PartKind.HAND_POSE, pose.name().toLowerCase(Locale.ROOT))
                .or(() -> hand.child(PartKind.HAND_POSE, "relaxed"))
                .or(() -> hand.child(PartKind.HAND_POSE))
                .orElse(null);
        for (RigNode n : hand.children()) {
            if (n instanceof Part p && p.kind() == PartKind.HAND_POSE) {
                if (p == shown) walk(p.children(), t, opacity, view, fr, out);
            } else {
                walk(List.of(n), t, opacity, view, fr, out);
            }
        }
    }

    // ---- head

    private void head(Part head, float opacity, Frame fr, List<DrawOp> out) {
        CanvasPoint p = head.pivot();
        Point2D moved = fr.bodyLocal.transform(new Point2D.Double(p.x(), p.y()), null);
        AffineTransform local = AffineTransform.getTranslateInstance(moved.getX() - p.x(), moved.getY() - p.y());
        local.concatenate(rotation(head, fr.get(Channel.HEAD_ROLL)));
        AffineTransform t = concat(fr.global, local);
        List<ViewWeight> views = views(head, fr.get(Channel.HEAD_YAW));
        for (RigNode n : head.children()) {
            if (n instanceof Part v && v.kind() == PartKind.HEAD_VIEW) {
                for (ViewWeight w : views) {
                    if (w.view == v) walk(v.children(), t, opacity * w.opacity, v, fr, out);
                }
            } else {
                walk(List.of(n), t, opacity, null, fr, out);
            }
        }
    }

    /** A head view and the opacity it is drawn with. */
    record ViewWeight(Part view, float opacity) {
    }

    /**
     * The head views to draw for a yaw and their opacities. During a cross-fade the incoming view is drawn over the
     * outgoing one: the incoming fades in over the first half, then the outgoing fades out behind it, so the
     * picture changes continuously and the head never turns see-through.
     */
    static List<ViewWeight> views(Part head, double yaw) {
        Part frontal = head.child(PartKind.HEAD_VIEW, "frontal").or(() -> head.child(PartKind.HEAD_VIEW)).orElse(null);
        if (frontal == null) return List.of();
        String side = yaw > 0 ? "right" : "left";
        Part quarter = head.child(PartKind.HEAD_VIEW, side + " quarter").orElse(null);
        Part profile = head.child(PartKind.HEAD_VIEW, side + " profile").orElse(null);
        double a = Math.abs(yaw);
        if (quarter != null && profile != null && a > PROFILE_FADE_START) {
            return fade(quarter, profile, (a - PROFILE_FADE_START) / (PROFILE_FADE_END - PROFILE_FADE_START));
        }
        Part next = quarter != null ? quarter : profile;
        if (next == null) return List.of(new ViewWeight(frontal, 1f));
        return fade(frontal, next, (a - VIEW_FADE_START) / (VIEW_FADE_END - VIEW_FADE_START));
    }

    private static List<ViewWeight> fade(Part from, Part to, double t) {
        if (t <= 0) return List.of(new ViewWeight(from, 1f));
        if (t >= 1) return List.of(new ViewWeight(to, 1f));
        return List.of(new ViewWeight(from, (float) Math.min(1, 2 * (1 - t))), new ViewWeight(to, (float) Math.min(1, 2 * t)));
    }

    private static double nominalYaw(Part view) {
        String k = view.key();
        double sign = k.startsWith("left") ? -1 : 1;
        if (k.endsWith("quarter")) return sign * QUARTER_YAW;
        if (k.endsWith("profile")) return sign * PROFILE_YAW;
        return 0;
    }

    /**
     * How the facial features of a view move with the head: sideways with yaw (more for features nearer the
     * viewer, by {@code depth}), up and down with pitch, their layout squashed a little when the head tips.
     */
    private static AffineTransform features(@Nullable Part view, double depth, Frame fr) {
        if (view == null || view.bounds() == null) return new AffineTransform();
        CanvasRect b = view.bounds();
        double relYaw = clamp(fr.get(Channel.HEAD_YAW) - nominalYaw(view), -30, 30);
        double pitch = Math.toRadians(clamp(fr.get(Channel.HEAD_PITCH), -30, 30));
        double dx = Math.sin(Math.toRadians(relYaw)) * PARALLAX * b.width() * depth;
        double dy = -Math.sin(pitch) * PITCH_SHIFT * b.height();
        AffineTransform t = AffineTransform.getTranslateInstance(dx, dy);
        t.concatenate(about(new CanvasPoint(b.centerX(), b.centerY()),
                AffineTransform.getScaleInstance(1, 1 - PITCH_SQUASH * Math.abs(Math.sin(pitch)))));
        return t;
    }

    // ---- brows, eyes, mouth

    private static AffineTransform brow(Part brow, @Nullable Part view, Frame fr) {
        boolean left = brow.side() == LayerSide.LEFT;
        // Anatomical blendshapes: the character's right brow is the one on the viewer's left.
        double outerUp = fr.get(left ? ArkitBlendshape.browOuterUpRight : ArkitBlendshape.browOuterUpLeft);
        double down = fr.get(left ? ArkitBlendshape.browDownRight : ArkitBlendshape.browDownLeft);
        double innerUp = fr.get(ArkitBlendshape.browInnerUp);
        double raise = Math.max(innerUp, outerUp);
        CanvasRect vb = view != null && view.bounds() != null ? view.bounds() : brow.bounds();
        double h = vb != null ? vb.height() : 0;
        double dy = (down - raise) * BROW_TRAVEL * h;
        // Clockwise lowers the inner (right) end of the viewer's-left brow; the other brow mirrors it.
        double slant = down * BROW_DOWN_SLANT_DEG - innerUp * BROW_INNER_UP_SLANT_DEG + outerUp * BROW_OUTER_UP_SLANT_DEG;
        AffineTransform t = AffineTransform.getTranslateInstance(0, dy);
        t.concatenate(rotation(brow, left ? slant : -slant));
        return t;
    }

    private void eye(Part eye, AffineTransform t, float opacity, Frame fr, List<DrawOp> out) {
        boolean left = eye.side() == LayerSide.LEFT;
        double blink = fr.get(left ? ArkitBlendshape.eyeBlinkRight : ArkitBlendshape.eyeBlinkLeft);
        Part ball = eye.child(PartKind.EYEBALL).orElse(null);
        Part blinkLayer = eye.child(PartKind.BLINK).orElse(null);
        boolean closed = blink > BLINK_CLOSED && blinkLayer != null;
        AffineTransform open = new AffineTransform(t);
        if (blink > BLINK_SQUINT && ball != null && ball.bounds() != null) {
            double s = 1 - 0.6 * Math.min(1, (blink - BLINK_SQUINT) / (BLINK_CLOSED - BLINK_SQUINT));
            open.concatenate(about(new CanvasPoint(ball.bounds().centerX(), ball.bounds().centerY()),
                    AffineTransform.getScaleInstance(1, s)));
        }
        int clip = ball == null ? -1 : firstSprite(ball);
        for (RigNode n : eye.children()) {
            if (n instanceof Part p) {
                switch (p.kind()) {
                    case EYEBALL -> {
                        if (!closed) walk(p.children(), open, opacity, null, fr, out);
                    }
                    case PUPIL -> {
                        if (!closed) pupil(p, ball, open, clip, opacity, fr, out);
                    }
                    case BLINK -> {
                        if (closed) walk(p.children(), t, opacity, null, fr, out);
                    }
                    default -> walk(List.of(n), t, opacity, null, fr, out);
                }
            } else {
                walk(List.of(n), t, opacity, null, fr, out);
            }
        }
    }

    private static void pupil(Part pupil, @Nullable Part ball, AffineTransform eyeT, int clip, float opacity, Frame fr,
            List<DrawOp> out) {
        CanvasRect b = ball != null && ball.bounds() != null ? ball.bounds() : pupil.bounds();
        double hw = b == null ? 0 : b.width() / 2;
        double hh = b == null ? 0 : b.height() / 2;
        double yaw = clamp(fr.get(Channel.EYE_YAW), -GAZE_LIMIT_DEG, GAZE_LIMIT_DEG);
        double pitch = clamp(fr.get(Channel.EYE_PITCH), -GAZE_LIMIT_DEG, GAZE_LIMIT_DEG);
        AffineTransform t = new AffineTransform(eyeT);
        t.translate(GAZE_TRAVEL * hw * yaw / 30, -GAZE_TRAVEL * hh * pitch / 30);
        for (RigNode n : pupil.children()) {
            if (n instanceof Art a) {
                out.add(clip >= 0 ? new DrawOp(a.sprite(), t, opacity, clip, eyeT) : new DrawOp(a.sprite(), t, opacity));
            }
        }
    }

    private void mouth(Part mouth, AffineTransform t, float opacity, @Nullable Part view, Frame fr, List<DrawOp> out) {
        // the refining Character Animator mouth (Ee, R, Uh...) where the sheet draws it, else the shape's own
        String wanted = refinedMouthKey(fr.f).filter(k -> mouth.child(PartKind.MOUTH_SHAPE, k).isPresent())
                .orElse(mouthKey(fr.f));
        Part shown = shape(mouth, wanted);
        AffineTransform m = new AffineTransform(t);
        CanvasRect b = mouth.bounds();
        if (b != null) {
            CanvasPoint anchor = mouth.hasPivot() ? mouth.pivot() : new CanvasPoint(b.centerX(), b.y0() + 0.25 * b.height());
            m.concatenate(about(anchor, AffineTransform.getScaleInstance(1, 1 + JAW_STRETCH * fr.get(ArkitBlendshape.jawOpen))));
        }
        // The short cross-fade from the previous shape (the planner's MOUTH_PREVIOUS channels): the previous shape
        // underneath, the new one over it, so that where both are drawn the picture is exactly their mix.
        double w = previousWeight(fr.f);
        String before = w > 0 ? mouthKey(enumAt(MouthShape.values(), fr.f.get(Channel.MOUTH_PREVIOUS), MouthShape.X), fr.f)
                : wanted;
        Part previous = w > 0 ? shape(mouth, before) : null;
        if (previous == shown) previous = null;
        for (RigNode n : mouth.children()) {
            if (n instanceof Part p && p.kind() == PartKind.MOUTH_SHAPE) {
                if (p != shown) continue;
                if (previous != null) {
                    walk(previous.children(), frowned(m, previous, before, fr), opacity * (float) Math.min(1, 2 * w), view,
                            fr, out);
                }
                walk(p.children(), frowned(m, p, wanted, fr), previous != null ? opacity * (float) (1 - w) : opacity, view,
                        fr, out);
            } else {
                walk(List.of(n), t, opacity, view, fr, out);
            }
        }
    }

    /** The sheet's shape for a key, else Neutral, else its first shape. */
    private static @Nullable Part shape(Part mouth, String key) {
        return mouth.child(PartKind.MOUTH_SHAPE, key)
                .or(() -> mouth.child(PartKind.MOUTH_SHAPE, "neutral"))
                .or(() -> mouth.child(PartKind.MOUTH_SHAPE))
                .orElse(null);
    }

    /**
     * A frown bends the resting or closed mouth down: its line is flattened, then turned over, about its middle
     * (sheets draw those mouths as a line or a slight smile; a frown has no mouth of its own among the 14).
     */
    private static AffineTransform frowned(AffineTransform m, Part shape, String key, Frame fr) {
        double turn = frownTurn(fr.f);
        CanvasRect sb = shape.bounds();
        if (turn >= 1 || sb == null || !(key.equals("neutral") || key.equals("m"))) return m;
        AffineTransform t = new AffineTransform(m);
        t.concatenate(about(new CanvasPoint(sb.centerX(), sb.centerY()), AffineTransform.getScaleInstance(1, turn)));
        return t;
    }

    /** How much of the previous mouth shape still shows, 0..0.5 (Channel.MOUTH_PREVIOUS_WEIGHT, clamped). */
    static double previousWeight(PerformanceFrame f) {
        return clamp(f.get(Channel.MOUTH_PREVIOUS_WEIGHT), 0, 0.5);
    }

    /**
     * How the resting mouth's curve is scaled vertically for a frown: 1 (as drawn) until the frown (mouthFrown less
     * mouthSmile) passes 0.1, then down through 0 (a flat line) to -1 (the curve turned over) at 0.6.
     */
    static double frownTurn(PerformanceFrame f) {
        double frown = (f.get(ArkitBlendshape.mouthFrownLeft) + f.get(ArkitBlendshape.mouthFrownRight)) / 2
                - (f.get(ArkitBlendshape.mouthSmileLeft) + f.get(ArkitBlendshape.mouthSmileRight)) / 2;
        double u = Math.max(0, Math.min(1, (frown - 0.1) / 0.5));
        return 1 - 2 * u;
    }

    /**
     * The sheet mouth of the frame's Character Animator mouth when it refines the shape (Ee, R, Uh... while
     * speaking), preferred to {@link #mouthKey} where the sheet draws it.
     */
    static Optional<String> refinedMouthKey(PerformanceFrame f) {
        if (enumAt(MouthShape.values(), f.get(Channel.MOUTH_SHAPE), MouthShape.X) == MouthShape.X) return Optional.empty();
        AnimatorMouth m = enumAt(AnimatorMouth.values(), f.get(Channel.ANIMATOR_MOUTH), AnimatorMouth.NEUTRAL);
        return m.isViseme() ? Optional.of(m.layerName().toLowerCase(Locale.ROOT).replace('-', ' ')) : Optional.empty();
    }

    /** The sheet mouth shape for a frame (docs/character-sheets.md, "Mouth shapes from the performance"). */
    static String mouthKey(PerformanceFrame f) {
        return mouthKey(enumAt(MouthShape.values(), f.get(Channel.MOUTH_SHAPE), MouthShape.X), f);
    }

    /** The sheet mouth shape for a performance mouth; the rest (X) is chosen by the frame's expression. */
    static String mouthKey(MouthShape s, PerformanceFrame f) {
        return switch (s) {
            case A -> "m";
            case B -> "s";
            case C -> "d";
            case D -> "aa";
            case E -> "oh";
            case F -> "w oo";
            case G -> "f";
            case H -> "l";
            case X -> {
                double jaw = f.get(ArkitBlendshape.jawOpen);
                double inner = f.get(ArkitBlendshape.browInnerUp);
                double smile = (f.get(ArkitBlendshape.mouthSmileLeft) + f.get(ArkitBlendshape.mouthSmileRight)) / 2;
                if (jaw > 0.3 && inner > 0.4) yield "surprised";
                if (smile > 0.35) yield "smile";
                yield "neutral";
            }
        };
    }

    // ---- helpers

    private static int firstSprite(Part p) {
        for (RigNode n : p.children()) {
            if (n instanceof Art a) return a.sprite();
        }
        return -1;
    }

    /** Rotation by degrees (positive = clockwise on screen) about a part's pivot. */
    private static AffineTransform rotation(Part p, double degrees) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), p.pivot().x(), p.pivot().y());
    }

    /** {@code t} applied about a point instead of the origin. */
    private static AffineTransform about(CanvasPoint c, AffineTransform t) {
        AffineTransform r = AffineTransform.getTranslateInstance(c.x(), c.y());
        r.concatenate(t);
        r.translate(-c.x(), -c.y());
        return r;
    }

    private static AffineTransform concat(AffineTransform... ts) {
        AffineTransform r = new AffineTransform();
        for (AffineTransform t : ts) r.concatenate(t);
        return r;
    }

    /** The enum constant a channel's ordinal value names; out-of-range values fall back instead of failing a render. */
    private static <E extends Enum<E>> E enumAt(E[] values, double v, E fallback) {
        long i = Math.round(v);
        return Double.isFinite(v) && i >= 0 && i < values.length ? values[(int) i] : fallback;
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
