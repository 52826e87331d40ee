package org.cuestudio.core.perform;

import static org.cuestudio.core.perform.Smoothing.clamp;
import static org.cuestudio.core.perform.Smoothing.smoothstep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.Prosody;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.time.Ticks;

/**
 * Gestures: the directed gesture cues, each scheduled into preparation, stroke, hold and retraction (its stroke
 * moved onto the nearest stressed syllable when the cue asks), plus automatic beat-like gestures on the
 * character's own stressed syllables at a rate set by its personality's gesture rate. Then every scheduled gesture
 * poses the arms and moves head, body and face as its library entry says.
 */
final class GesturePlanner {
    /** How far the stroke may move to reach a stressed syllable, seconds. */
    static final double SNAP_WINDOW = 0.5;
    /** Stressed syllables weaker than this do not attract strokes. */
    static final double SNAP_MIN_STRENGTH = 0.3;
    /**
     * How much earlier the unsmoothed stroke ends than the syllable, so that the arm, which follows its target
     * with the planner's smoothing, arrives on it.
     */
    static final double STROKE_LEAD = 0.06;
    /** The gestures the planner makes by itself, with their weights. */
    static final List<String> AUTO = List.of("beat", "beat", "beat", "open-palms", "open-palms", "offer");
    /** Accents weaker than this get no automatic gesture. */
    static final double AUTO_MIN_STRENGTH = 0.45;
    /** Seconds kept free around directed gestures and between automatic ones. */
    static final double AUTO_GAP = 0.6;

    private GesturePlanner() {}

    /** A gesture placed in time (seconds from the shot's start). */
    record Scheduled(GestureSpec spec, double start, double prep, double stroke, double hold, double retract,
            double intensity, Side side, boolean automatic) {
        double apex() {
            return start + prep + stroke;
        }

        double end() {
            return apex() + hold + retract;
        }

        /** 0..1: how far into its pose the gesture is at time t. */
        double weight(double t) {
            double u = t - start;
            if (u <= 0 || t >= end()) return 0;
            if (u < prep) return 0.55 * smoothstep(u / prep);
            u -= prep;
            if (u < stroke) return 0.55 + 0.45 * smoothstep(u / stroke);
            u -= stroke;
            if (u < hold) return 1;
            return 1 - smoothstep((u - hold) / retract);
        }
    }

    static void perform(Planning pl) {
        List<Scheduled> all = new ArrayList<>();
        for (Cue cue : pl.cues(CueLane.GESTURE)) all.add(schedule(pl, (GestureCue) cue));
        all.addAll(automatic(pl, all));
        all.sort(Comparator.comparingDouble(Scheduled::start));
        for (Scheduled g : all) {
            pl.behaviours.add(Behaviour.of(g.automatic() ? Behaviour.Kind.AUTO_GESTURE : Behaviour.Kind.GESTURE,
                    g.spec().label(), g.start(), g.apex(), g.end()));
        }
        apply(pl, all);
    }

    /** Fits a directed cue's phases into its range and, when asked, moves its stroke onto a stressed syllable. */
    static Scheduled schedule(Planning pl, GestureCue cue) {
        GestureSpec spec = pl.library.require(cue.gesture());
        double start = Ticks.toSeconds(cue.range().start());
        double dur = Ticks.toSeconds(cue.range().duration());
        double k = Math.min(1, dur / spec.minimumSeconds());
        double prep = spec.preparation() * k, stroke = spec.stroke() * k, retract = spec.retraction() * k;
        double end = start + dur;
        double apex = start + prep + stroke;
        if (cue.snap()) {
            Double accent = nearestAccent(pl, apex);
            if (accent != null && accent - STROKE_LEAD - stroke - prep >= 0) apex = accent - STROKE_LEAD;
        }
        double hold = Math.max(0, end - retract - apex);
        return new Scheduled(spec, apex - stroke - prep, prep, stroke, hold, retract, cue.intensity(), cue.side(), false);
    }

    /** The time of the stressed syllable nearest {@code t} within {@link #SNAP_WINDOW}, or null. */
    private static Double nearestAccent(Planning pl, double t) {
        Prosody prosody = pl.audio.prosody();
        if (prosody == null) return null;
        Double best = null;
        for (Prosody.Accent a : prosody.accents()) {
            if (a.strength() < SNAP_MIN_STRENGTH) continue;
            double at = Ticks.toSeconds(a.ticks());
            if (Math.abs(at - t) <= SNAP_WINDOW && (best == null || Math.abs(at - t) < Math.abs(best - t))) best = at;
        }
        return best;
    }

    /**
     * Automatic gestures on the character's own stressed syllables, away from directed gestures: each strong enough
     * accent gets one with a probability that grows with the gesture rate (none at 0), at most one per
     * {@value #AUTO_GAP} s of free time; which gesture, its hand, strength and hold come from the seed.
     */
    static List<Scheduled> automatic(Planning pl, List<Scheduled> directed) {
        Prosody prosody = pl.audio.prosody();
        List<Scheduled> out = new ArrayList<>();
        if (prosody == null || pl.p.gestureRate() <= 0) return out;
        List<GestureSpec> choices = new ArrayList<>();
        for (String id : AUTO) pl.library.find(id).ifPresent(choices::add);
        if (choices.isEmpty()) return out;
        SplittableRandom r = new SplittableRandom(pl.subSeed("auto-gestures"));
        double chance = clamp(0.08 + 0.7 * pl.p.gestureRate() * (0.6 + 0.8 * pl.p.energy()), 0, 0.9);
        double free = 0;
        for (Prosody.Accent a : prosody.accents()) {
            double draw = r.nextDouble();
            GestureSpec spec = choices.get(r.nextInt(choices.size()));
            double hold = 0.1 + 0.4 * r.nextDouble();
            double intensity = 0.35 + 0.3 * r.nextDouble();
            Side side = r.nextDouble() < 0.6 ? Side.RIGHT : r.nextBoolean() ? Side.LEFT : Side.BOTH;
            // Beside another character, one-handed gestures use the hand toward them, which stays in the frame.
            if (pl.cast.size() > 1 && side != Side.BOTH) side = inner(pl);
            if (a.strength() < AUTO_MIN_STRENGTH || draw >= chance) continue;
            double apex = Ticks.toSeconds(a.ticks()) - STROKE_LEAD;
            double start = apex - spec.stroke() - spec.preparation();
            double end = apex + hold + spec.retraction();
            if (start < free || start < 0 || end > pl.n / pl.fps) continue;
            boolean clash = directed.stream().anyMatch(d -> start < d.end() + AUTO_GAP && d.start() < end + AUTO_GAP);
            if (clash) continue;
            out.add(new Scheduled(spec, start, spec.preparation(), spec.stroke(), hold, spec.retraction(), intensity,
                    side, true));
            free = end + AUTO_GAP;
        }
        return out;
    }

    /** Poses the arms (the strongest gesture on each arm wins), and adds head, body, face and oscillations. */
    private static void apply(Planning pl, List<Scheduled> all) {
        int n = pl.n;
        double amp = 0.7 + 0.6 * pl.p.expressiveness();
        // Per arm (0 = viewer's left = the character's right arm, 1 = viewer's right): weight and pose.
        double[][] weight = new double[2][n], shoulder = new double[2][n], elbow = new double[2][n],
                wrist = new double[2][n];
        int[][] hand = new int[2][n];
        for (Scheduled g : all) {
            GestureSpec spec = g.spec();
            boolean[] arms = arms(spec, g.side());
            GestureSpec.Oscillation osc = spec.oscillation();
            for (int f = pl.firstFrame(g.start()); f < n; f++) {
                double t = pl.time(f);
                if (t >= g.end()) break;
                double w = g.weight(t);
                double env = w * g.intensity() * amp * clamp(pl.energy[f], 0.4, 1.6);
                double wave = osc == null ? 0 : oscillation(osc, g, t);
                pl.c(Channel.HEAD_PITCH)[f] += (spec.head().a() + (osc != null && osc.target() == GestureSpec.Target.HEAD_PITCH ? wave : 0)) * env;
                pl.c(Channel.HEAD_YAW)[f] += (spec.head().b() + (osc != null && osc.target() == GestureSpec.Target.HEAD_YAW ? wave : 0)) * env;
                pl.c(Channel.HEAD_ROLL)[f] += (spec.head().c() + (osc != null && osc.target() == GestureSpec.Target.HEAD_ROLL ? wave : 0)) * env;
                pl.c(Channel.BODY_FORWARD)[f] += spec.body().a() * env;
                pl.c(Channel.BODY_LEAN)[f] += spec.body().b() * env;
                pl.c(Channel.BODY_TURN)[f] += spec.body().c() * env;
                for (var e : spec.face().entrySet()) pl.s(e.getKey())[f] += e.getValue() * Math.min(1, env);
                if (spec.arm() == null) continue;
                GestureSpec.ArmPose pose = spec.arm();
                double armW = Math.min(1, w * (0.6 + 0.4 * g.intensity()));
                for (int a = 0; a < 2; a++) {
                    if (!arms[a] || armW <= weight[a][f]) continue;
                    weight[a][f] = armW;
                    double scale = g.intensity() * amp;
                    shoulder[a][f] = pose.shoulder() + (osc != null && osc.target() == GestureSpec.Target.SHOULDER ? wave * scale : 0);
                    elbow[a][f] = pose.elbow() + (osc != null && osc.target() == GestureSpec.Target.ELBOW ? wave * scale : 0);
                    wrist[a][f] = pose.wrist() + (osc != null && osc.target() == GestureSpec.Target.WRIST ? wave * scale : 0);
                    hand[a][f] = pose.hand().ordinal();
                }
            }
        }
        double[] breath = pl.c(Channel.BREATH);
        Channel[][] channels = {
            {Channel.LEFT_SHOULDER, Channel.LEFT_ELBOW, Channel.LEFT_WRIST, Channel.LEFT_HAND_POSE},
            {Channel.RIGHT_SHOULDER, Channel.RIGHT_ELBOW, Channel.RIGHT_WRIST, Channel.RIGHT_HAND_POSE}};
        for (int f = 0; f < n; f++) {
            double restS = Planning.restShoulder() + 1.5 * breath[f];
            for (int a = 0; a < 2; a++) {
                double w = weight[a][f];
                pl.c(channels[a][0])[f] = restS + (shoulder[a][f] - restS) * w;
                pl.c(channels[a][1])[f] = Planning.restElbow() + (elbow[a][f] - Planning.restElbow()) * w;
                pl.c(channels[a][2])[f] = wrist[a][f] * w;
                // The hand takes the gesture's shape once the arm is on its way.
                pl.c(channels[a][3])[f] = w > 0.3 ? hand[a][f] : HandPose.RELAXED.ordinal();
            }
        }
    }

    /** The character's hand toward the middle of the frame (its left hand when it stands on the left). */
    static Side inner(Planning pl) {
        return pl.head(pl.who).x() < 0 ? Side.LEFT : Side.RIGHT;
    }

    /** Which arms (viewer's left, viewer's right) a gesture moves; the character's right arm is on the viewer's left. */
    static boolean[] arms(GestureSpec spec, Side side) {
        return switch (spec.arms()) {
            case NONE -> new boolean[] {false, false};
            case BOTH -> new boolean[] {true, true};
            case ONE -> new boolean[] {side != Side.LEFT, side != Side.RIGHT};
        };
    }

    /** The oscillation's value at t: a sine from the apex, faded in over a tenth of a second, for its cycles. */
    static double oscillation(GestureSpec.Oscillation o, Scheduled g, double t) {
        double u = t - g.apex();
        if (u <= 0) return 0;
        if (o.cycles() > 0 && u * o.hertz() >= o.cycles()) return 0;
        return o.amplitude() * smoothstep(u / 0.1) * StrictMath.sin(2 * StrictMath.PI * o.hertz() * u);
    }
}
