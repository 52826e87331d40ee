package org.cuestudio.inference.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.SheetReport;
import org.cuestudio.inference.sheet.RigNode.Part;

/**
 * Reports what a layered sheet (SVG or OpenRaster) offers the layer renderer and what it draws in place of what is missing, for
 * {@code cue sheet check}. The fallbacks described here are the ones {@code LayerPoser} applies (ADR 0004).
 */
public final class SheetChecker {
    /**
     * The mouth shapes the performance asks for (docs/character-sheets.md), by key, with the names artists use:
     * Character Animator's fourteen. {@link #REFINING} are the ones that only refine a shape (lip-sync picks
     * {@code Ee} over {@code S} for the B of "bee"); without them the shape's own mouth is shown.
     */
    private static final Map<String, String> MOUTHS = new LinkedHashMap<>();
    private static final List<String> REFINING = List.of("Ee", "R", "Uh");
    private static final List<String> HAND_POSES = List.of("relaxed", "open", "point", "fist", "wave");

    static {
        for (org.cuestudio.core.model.AnimatorMouth m : org.cuestudio.core.model.AnimatorMouth.values()) {
            MOUTHS.put(SvgSheetParser.normalise(m.layerName().replace('-', ' ')), m.layerName());
        }
    }

    private SheetChecker() {
    }

    /** Loads the sheet folder and reports on it; a sheet that does not load gives a report with its error. */
    public static SheetReport check(Path folder) {
        CharacterSheet sheet;
        try {
            sheet = CharacterSheetLoader.load(folder);
        } catch (CharacterSheetException | RuntimeException e) {
            return new SheetReport(String.valueOf(folder.getFileName()), List.of(), List.of(),
                    List.of(String.valueOf(e.getMessage())));
        }
        return check(sheet);
    }

    /** Reports on a loaded sheet. */
    public static SheetReport check(CharacterSheet sheet) {
        if (sheet.portrait() != null) return checkPortrait(sheet, sheet.portrait());
        List<String> provides = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Rig rig = sheet.rig();
        CanvasRect vb = rig.viewBox();
        provides.add("canvas " + num(vb.width()) + " x " + num(vb.height()) + " units, " + sheet.sprites().size()
                + " sprites");
        if (sheet.sprites().stream().anyMatch(SpriteSource::isRaster)) rasterNote(vb, provides, warnings);
        rig.find(PartKind.HEAD).ifPresent(head -> checkHead(head, provides, warnings));
        Optional<Part> body = rig.find(PartKind.BODY);
        if (body.isPresent()) {
            provides.add("`Body`" + pivotNote(body.get(), warnings, "leans and breathes"));
        } else {
            warnings.add("no `Body`: lean and breathing are not drawn");
        }
        for (LayerSide side : List.of(LayerSide.LEFT, LayerSide.RIGHT)) checkArm(rig, side, provides, warnings);
        return new SheetReport(sheet.name(), provides, warnings, List.of());
    }

    /** What a single portrait animates: it is warped as a whole, so the report is about its landmarks. */
    private static SheetReport checkPortrait(CharacterSheet sheet, Portrait p) {
        List<String> provides = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PortraitLandmarks l = p.landmarks();
        provides.add("single portrait " + p.width() + " x " + p.height() + " pixels, animated by mesh warping");
        provides.add("eyes (corners and lids): blinks, squints and wide eyes; the lid skin above each eye closes over it");
        provides.add("brows (" + l.leftBrow().size() + " + " + l.rightBrow().size() + " points): raised, lowered and "
                + "drawn together by the brow blendshapes");
        provides.add("nose (" + (l.nose().bridge() != null ? "bridge, " : "") + "tip and wings): moves with its depth "
                + "when the head turns");
        provides.add("mouth (corners, lips, lip line): smile, frown, pucker, the lip-sync shapes and the jaw, with a "
                + "synthesised mouth interior (cavity, upper teeth, tongue)");
        provides.add("face outline (" + l.faceOutline().size() + " points): head turn within about +-"
                + Math.round(PortraitLimits.TURN_DEG) + " degrees, nod and tilt");
        if (l.neck() != null) {
            provides.add("neck: the body leans and breathes below the head");
        } else {
            warnings.add("no neck landmarks: no body sway (lean and breathing are not drawn); the head tilts about a "
                    + "point below the chin");
        }
        if (l.nose().bridge() == null) {
            warnings.add("no nose bridge: only the tip and wings of the nose move with its depth");
        }
        warnings.add("a single portrait has one view: head turns past about " + Math.round(PortraitLimits.TURN_DEG)
                + " degrees stay at " + Math.round(PortraitLimits.TURN_DEG) + " degrees");
        warnings.add("no pupils: the eyes keep the picture's gaze (eye yaw and pitch move nothing)");
        warnings.add("no arms: gestures are not drawn");
        return new SheetReport(sheet.name(), provides, warnings, List.of());
    }

    /**
     * Raster art is resampled, not redrawn: say at which output sizes it is enlarged (softer). The canvas is drawn
     * {@link Framing#scale()} frame heights tall, so a medium shot of a 1200-pixel canvas enlarges it above 1200p.
     */
    private static void rasterNote(CanvasRect vb, List<String> provides, List<String> warnings) {
        double art = vb.height();
        provides.add("raster art (layered PNG or PSD layers), " + num(vb.width()) + " x " + num(art) + " pixels: not vector; it is "
                + "resampled to the output size (area-averaged when shrunk, bilinear when enlarged)");
        List<String> enlarged = new ArrayList<>();
        for (int frame : new int[] {720, 1080, 2160}) {
            List<String> framings = new ArrayList<>();
            for (Framing f : Framing.values()) {
                long drawn = Math.round(frame * f.scale());
                if (drawn > art) framings.add(f.id() + " (" + drawn + " px tall)");
            }
            if (!framings.isEmpty()) enlarged.add(frame + "p " + String.join(", ", framings));
        }
        if (!enlarged.isEmpty()) {
            warnings.add("raster art is " + num(art) + " pixels tall, smaller than the output in " + String.join("; ",
                    enlarged) + ": there it is enlarged and looks softer than vector art would (paint the sheet "
                    + "larger, or use SVG, for crisp finals)");
        }
    }

    private static void checkHead(Part head, List<String> provides, List<String> warnings) {
        List<String> views = new ArrayList<>();
        for (RigNode n : head.children()) {
            if (n instanceof Part p && p.kind() == PartKind.HEAD_VIEW) views.add(p.label());
        }
        provides.add("`Head`" + pivotNote(head, warnings, "turns") + " with views " + String.join(", ", quoted(views)));
        for (String side : List.of("Left", "Right")) {
            String s = side.toLowerCase(java.util.Locale.ROOT);
            boolean quarter = head.child(PartKind.HEAD_VIEW, s + " quarter").isPresent();
            boolean profile = head.child(PartKind.HEAD_VIEW, s + " profile").isPresent();
            if (quarter && !profile) {
                warnings.add("no `" + side + " Profile` view: head turns to the " + s + " past 50 degrees will reuse `"
                        + side + " Quarter`");
            } else if (!quarter && profile) {
                warnings.add("no `" + side + " Quarter` view: head turns to the " + s + " cross-fade from `Frontal` "
                        + "straight to `" + side + " Profile`");
            } else if (!quarter) {
                warnings.add("no `" + side + " Quarter` or `" + side + " Profile` view: the head stays `Frontal` when "
                        + "it turns to the " + s);
            }
        }
        for (RigNode n : head.children()) {
            if (n instanceof Part view && view.kind() == PartKind.HEAD_VIEW) checkView(view, provides, warnings);
        }
    }

    private static void checkView(Part view, List<String> provides, List<String> warnings) {
        String where = "`" + view.label() + "`";
        List<String> parts = new ArrayList<>();
        for (LayerSide side : List.of(LayerSide.LEFT, LayerSide.RIGHT)) {
            String s = side == LayerSide.LEFT ? "Left" : "Right";
            Optional<Part> brow = find(view, PartKind.EYEBROW, side);
            if (brow.isPresent()) parts.add(s + " Eyebrow");
            else warnings.add(where + ": no `" + s + " Eyebrow`: the brow blendshapes move nothing on that side");
            Optional<Part> eye = find(view, PartKind.EYE, side);
            if (eye.isEmpty()) {
                warnings.add(where + ": no `" + s + " Eye`: that eye neither blinks nor follows the gaze");
                continue;
            }
            parts.add(s + " Eye");
            if (eye.get().child(PartKind.EYEBALL).isEmpty()) {
                warnings.add(where + ": `" + s + " Eye` has no `" + s + " Eyeball`: the pupil is not clipped");
            }
            if (eye.get().child(PartKind.PUPIL).isEmpty()) {
                warnings.add(where + ": `" + s + " Eye` has no `" + s + " Pupil`: the eye does not follow the gaze");
            }
            if (eye.get().child(PartKind.BLINK).isEmpty()) {
                warnings.add(where + ": `" + s + " Eye` has no `" + s + " Blink`: blinks only squash the open eye");
            }
        }
        if (find(view, PartKind.NOSE, LayerSide.NONE).isPresent()) parts.add("Nose");
        Optional<Part> mouth = find(view, PartKind.MOUTH, LayerSide.NONE);
        if (mouth.isEmpty()) {
            warnings.add(where + ": no `Mouth`: the character does not speak in this view");
        } else {
            List<String> shapes = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (RigNode n : mouth.get().children()) {
                if (n instanceof Part p && p.kind() == PartKind.MOUTH_SHAPE) shapes.add(p.label());
            }
            MOUTHS.forEach((key, name) -> {
                if (mouth.get().child(PartKind.MOUTH_SHAPE, key).isEmpty()) missing.add(name);
            });
            parts.add("Mouth (" + String.join(", ", shapes) + ")");
            List<String> refining = missing.stream().filter(REFINING::contains).toList();
            missing.removeAll(refining);
            if (!refining.isEmpty()) {
                warnings.add(where + ": no mouth " + String.join(", ", quoted(refining)) + ": speech shows the mouth of "
                        + "the underlying shape instead (`S` or `D` for `Ee`, `Oh` or `S` for `R`, `D` or `Aa` for `Uh`)");
            }
            if (!missing.isEmpty()) {
                boolean neutral = mouth.get().child(PartKind.MOUTH_SHAPE, "neutral").isPresent();
                warnings.add(where + ": no mouth " + String.join(", ", quoted(missing)) + ": "
                        + (neutral ? "`Neutral` is shown instead" : "the first shape is shown instead"));
            }
        }
        provides.add(where + ": " + String.join(", ", parts));
    }

    private static void checkArm(Rig rig, LayerSide side, List<String> provides, List<String> warnings) {
        String s = side == LayerSide.LEFT ? "Left" : "Right";
        Optional<Part> arm = rig.findAll(PartKind.ARM).stream().filter(a -> a.side() == side).findFirst();
        if (arm.isEmpty()) {
            warnings.add("no `" + s + " Arm`: gestures on the viewer's " + s.toLowerCase(java.util.Locale.ROOT)
                    + " are not drawn");
            return;
        }
        List<String> chain = new ArrayList<>();
        Optional<Part> upper = find(arm.get(), PartKind.UPPER_ARM, LayerSide.NONE);
        Optional<Part> fore = upper.flatMap(u -> find(u, PartKind.FOREARM, LayerSide.NONE));
        Optional<Part> hand = fore.flatMap(f -> find(f, PartKind.HAND, LayerSide.NONE));
        if (upper.isEmpty()) warnings.add("`" + s + " Arm` has no `Upper Arm`: the arm does not move");
        else chain.add("Upper Arm" + pivotNote(upper.get(), warnings, s + " shoulder"));
        if (upper.isPresent() && fore.isEmpty()) warnings.add("`" + s + " Arm` has no `Forearm`: the elbow does not bend");
        fore.ifPresent(f -> chain.add("Forearm" + pivotNote(f, warnings, s + " elbow")));
        if (fore.isPresent() && hand.isEmpty()) warnings.add("`" + s + " Arm` has no `Hand`: the wrist does not turn");
        hand.ifPresent(h -> {
            chain.add("Hand" + pivotNote(h, warnings, s + " wrist"));
            List<String> poses = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String key : HAND_POSES) {
                Optional<Part> pose = h.child(PartKind.HAND_POSE, key);
                if (pose.isPresent()) poses.add(pose.get().label());
                else missing.add(Character.toUpperCase(key.charAt(0)) + key.substring(1));
            }
            chain.add("hand poses " + (poses.isEmpty() ? "none" : String.join(", ", poses)));
            if (!missing.isEmpty()) {
                boolean relaxed = h.child(PartKind.HAND_POSE, "relaxed").isPresent();
                warnings.add("`" + s + " Arm` hand has no pose " + String.join(", ", quoted(missing)) + ": "
                        + (relaxed ? "`Relaxed` is shown instead"
                                : poses.isEmpty() ? "the hand's art is drawn as it is" : "the first pose is shown instead"));
            }
        });
        provides.add("`" + s + " Arm`: " + String.join(", ", chain));
    }

    /** " (pivot drawn)" or, adding a warning, " (no pivot)". */
    private static String pivotNote(Part p, List<String> warnings, String what) {
        if (p.hasPivot()) return " (pivot drawn)";
        warnings.add("no pivot in `" + p.label() + "` (" + what + "): it turns about the centre of its bounds");
        return " (no pivot)";
    }

    /** The first part of a kind and side below a part, looking through unnamed groups and other containers. */
    private static Optional<Part> find(Part in, PartKind kind, LayerSide side) {
        for (RigNode n : in.children()) {
            if (n instanceof Part p) {
                if (p.kind() == kind && (side == LayerSide.NONE || p.side() == side)) return Optional.of(p);
                if (p.kind() != PartKind.HEAD_VIEW && p.kind() != PartKind.ARM) {
                    Optional<Part> inner = find(p, kind, side);
                    if (inner.isPresent()) return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").toList();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
