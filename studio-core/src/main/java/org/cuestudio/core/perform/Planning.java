package org.cuestudio.core.perform;

import static org.cuestudio.core.perform.Smoothing.clamp;
import static org.cuestudio.core.perform.Smoothing.follow;
import static org.cuestudio.core.perform.Smoothing.noise;
import static org.cuestudio.core.perform.Smoothing.smoothstep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.MouthTrack;
import org.cuestudio.core.audio.Prosody;
import org.cuestudio.core.model.AnimatorMouth;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;

/**
 * One planning run for one character of a shot: per-channel signals over all frames, filled behaviour by
 * behaviour (emotion, idle, speech, gaze and listening, gestures, reactions, holds, blinks, mouth), then packed
 * into frames. The gesture and listening behaviours live in {@link GesturePlanner} and {@link Listening}.
 */
final class Planning {
    private static final double REST_SHOULDER = 5;
    private static final double REST_ELBOW = 8;
    /** Accents weaker than this get no nod. */
    private static final double NOD_MIN_STRENGTH = 0.35;
    /** The shortest time between two nods, in seconds. */
    private static final double NOD_GAP = 0.45;
    /** How much earlier a nod's lobe is centred than its accent, to make up for the head's smoothing. */
    static final double NOD_LEAD = 0.08;
    /** How long a breath in before a phrase takes, in seconds. */
    private static final double BREATH_IN = 0.4;
    /** How long after another character starts speaking this one turns to them (plus its reaction delay). */
    private static final double TURN_TO_SPEAKER = 0.25;

    final Shot shot;
    final List<Performer> cast;
    final int who;
    final Performer me;
    final Personality p;
    final AudioFeatures audio;
    final GestureLibrary library;
    final long seed;
    final FrameRate rate;
    final int n;
    final double fps;
    /** The character's reaction delay, seconds. */
    final double delay;
    final double[][] shapes;
    final double[][] ch;
    final double[] energy;
    final double[] blinkFactor;
    /** Idle-motion pace per frame (1 normal), from tempo marks. */
    final double[] tempo;
    /** Seconds of idle motion by each frame: the shot's clock run at the tempo. */
    final double[] clock;
    final List<Behaviour> behaviours = new ArrayList<>();
    private final List<Integer> gazeShiftBlinks = new ArrayList<>();

    Planning(Shot shot, List<Performer> cast, int who, GestureLibrary library, long seed) {
        this.shot = shot;
        this.cast = List.copyOf(cast);
        this.who = who;
        this.me = cast.get(who);
        this.p = me.character().personality();
        this.audio = me.voice();
        this.library = library;
        this.seed = seed;
        this.rate = shot.frameRate();
        this.n = audio.frameCount();
        this.fps = rate.fps();
        this.delay = Ticks.toSeconds(me.character().reactionDelay());
        this.shapes = new double[PerformanceFrame.BLENDSHAPES][n];
        this.ch = new double[Channel.values().length][n];
        this.energy = new double[n];
        this.blinkFactor = new double[n];
        this.tempo = new double[n];
        this.clock = new double[n];
    }

    double time(int f) {
        return Ticks.toSeconds(rate.frameToTicks(f));
    }

    double[] c(Channel channel) {
        return ch[channel.ordinal()];
    }

    double[] s(ArkitBlendshape b) {
        return shapes[b.ordinal()];
    }

    long subSeed(String what) {
        return seed * 0x9E3779B97F4A7C15L ^ what.hashCode() * 0xC2B2AE3D27D4EB4FL;
    }

    Performance run() {
        for (Performer other : cast) {
            AudioFeatures v = other.voice();
            if (v.frameRate().numerator() != rate.numerator() || v.frameRate().denominator() != rate.denominator()) {
                throw new IllegalArgumentException("the voice of " + other.character().id() + " is analysed at "
                        + v.frameRate() + " fps but the shot is at " + rate);
            }
            if (v.frameCount() != n) {
                throw new IllegalArgumentException("the voices of a shot's characters must cover the same frames ("
                        + other.character().id() + ": " + v.frameCount() + ", " + me.character().id() + ": " + n + ")");
            }
        }
        emotions();
        tempo();
        idle();
        speech();
        gaze();
        Listening.perform(this);
        GesturePlanner.perform(this);
        reactions();
        smooth();
        holds();
        blinks();
        mouth();
        List<PerformanceFrame> frames = new ArrayList<>(n);
        float[] v = new float[PerformanceFrame.SIZE];
        for (int f = 0; f < n; f++) {
            for (int b = 0; b < shapes.length; b++) v[b] = (float) clamp(shapes[b][f], 0, 1);
            for (Channel k : Channel.values()) v[k.index()] = (float) ch[k.ordinal()][f];
            frames.add(PerformanceFrame.of(v));
        }
        behaviours.sort(Comparator.comparingLong(Behaviour::apex).thenComparing(Behaviour::kind));
        return new Performance(rate, frames, behaviours);
    }

    List<Cue> cues(CueLane lane) {
        return me.tracks().get(lane.ordinal()).cues();
    }

    /** Whether another character of the shot is speaking at frame f. */
    boolean otherSpeaks(int f) {
        for (int i = 0; i < cast.size(); i++) if (i != who && cast.get(i).voice().speech()[f]) return true;
        return false;
    }

    /** Where character {@code index} of the cast has its head. */
    FramePoint head(int index) {
        return Staging.head(index, cast.size());
    }

    /** The cast index of a character id, or an exception that names the shot's cast. */
    int castIndex(String characterId, Cue cue) {
        for (int i = 0; i < cast.size(); i++) if (cast.get(i).character().id().equals(characterId)) return i;
        throw new IllegalArgumentException("gaze cue '" + cue.id() + "' looks at character '" + characterId
                + "', who is not in shot '" + shot.id() + "'; the shot has "
                + cast.stream().map(c -> c.character().id()).toList());
    }

    /** Emotion cues blend into the face and set posture, blink rate and energy. */
    void emotions() {
        double expressive = 0.55 + 0.9 * p.expressiveness();
        double[] pitch = new double[n], roll = new double[n], yaw = new double[n], forward = new double[n];
        for (int f = 0; f < n; f++) {
            energy[f] = 1;
            blinkFactor[f] = 1;
        }
        for (Cue cue : cues(CueLane.EMOTION)) {
            EmotionCue e = (EmotionCue) cue;
            double start = Ticks.toSeconds(e.range().start());
            double end = Ticks.toSeconds(e.range().endExclusive());
            double in = Math.max(1e-3, Ticks.toSeconds(e.easeIn()));
            double out = Math.max(1e-3, Ticks.toSeconds(e.easeOut()));
            // A mixed feeling is its emotions added at their weights, each as if it were a cue of its own.
            for (var part : e.mix().entrySet()) {
                float[] face = EmotionMap.face(part.getKey());
                EmotionMap.Posture post = EmotionMap.posture(part.getKey());
                double weight = e.intensity() * part.getValue();
                for (int f = firstFrame(start); f < n; f++) {
                    double t = time(f);
                    if (t >= end) break;
                    double w = weight * smoothstep((t - start) / in) * smoothstep((end - t) / out);
                    for (int b = 0; b < face.length; b++) shapes[b][f] += face[b] * w * expressive;
                    pitch[f] += post.headPitch() * w;
                    roll[f] += post.headRoll() * w;
                    yaw[f] += post.headYaw() * w;
                    forward[f] += post.bodyForward() * w;
                    energy[f] += (post.energy() - 1) * w;
                    blinkFactor[f] += (post.blinkRateFactor() - 1) * w;
                }
            }
        }
        add(c(Channel.HEAD_PITCH), pitch);
        add(c(Channel.HEAD_ROLL), roll);
        add(c(Channel.HEAD_YAW), yaw);
        add(c(Channel.BODY_FORWARD), forward);
    }

    /**
     * Tempo marks set the pace of idle motion: strength 0.5 is the normal pace, 0 half of it, 1 twice it, easing
     * in and out over 0.3 s. The idle clock runs at that pace.
     */
    private void tempo() {
        java.util.Arrays.fill(tempo, 1);
        for (Cue cue : cues(CueLane.TIMING)) {
            TimingCue tc = (TimingCue) cue;
            if (tc.kind() != TimingCue.Kind.TEMPO) continue;
            double start = Ticks.toSeconds(tc.range().start());
            double end = Ticks.toSeconds(tc.range().endExclusive());
            double ease = Math.min(0.3, (end - start) / 2);
            double factor = StrictMath.pow(2, 2 * tc.strength() - 1);
            for (int f = firstFrame(start); f < n; f++) {
                double t = time(f);
                if (t >= end) break;
                double w = smoothstep((t - start) / ease) * smoothstep((end - t) / ease);
                tempo[f] *= 1 + (factor - 1) * w;
            }
        }
        double t = 0;
        for (int f = 0; f < n; f++) {
            clock[f] = t;
            t += tempo[f] / fps;
        }
    }

    /**
     * Breathing (faster with the character's energy, deeper with the emotion's), weight shifts and small idle head
     * motion (larger with energy), at the tempo's pace.
     */
    private void idle() {
        double baseEnergy = 0.6 + 0.8 * p.energy();
        double phase = new SplittableRandom(subSeed("breath")).nextDouble() * 2 * StrictMath.PI;
        double[] breath = c(Channel.BREATH);
        double period = 4.4 / (0.75 + 0.25 * baseEnergy);
        for (int f = 0; f < n; f++) {
            phase += 2 * StrictMath.PI * tempo[f] / (period * fps);
            // An emotion's energy deepens the breath rather than quickening it: a quicker rhythm would shift the
            // phase of every later breath, so one edited cue would change (and re-render) the rest of the shot.
            double depth = clamp(0.8 + 0.5 * (energy[f] - 1), 0.5, 1);
            breath[f] = 0.5 + 0.5 * depth * StrictMath.sin(phase);
        }
        breathIns(breath);
        double[] sway = noise(clock, 0.12, subSeed("sway"));
        double[] hy = noise(clock, 0.25, subSeed("idle-yaw"));
        double[] hp = noise(clock, 0.3, subSeed("idle-pitch"));
        double[] hr = noise(clock, 0.2, subSeed("idle-roll"));
        for (int f = 0; f < n; f++) {
            double k = baseEnergy * energy[f];
            c(Channel.BODY_LEAN)[f] += 1.6 * sway[f] * k;
            c(Channel.BODY_TURN)[f] += 2.0 * sway[f] * k;
            c(Channel.HEAD_YAW)[f] += 2.2 * hy[f] * k;
            c(Channel.HEAD_PITCH)[f] += 1.3 * hp[f] * k + 0.8 * (breath[f] - 0.5);
            c(Channel.HEAD_ROLL)[f] += 1.6 * hr[f] * k;
        }
    }

    /** Head motion that follows the voice: amplitude from loudness, nods and brow raises on accents. */
    private void speech() {
        double k = 0.6 + 0.8 * p.energy();
        double[] loud = smoothedLoudness(0.08);
        double[] envelope = smoothedLoudness(0.3);
        double[] wiggleP = noise(n, fps, 2.0, subSeed("speech-pitch"));
        double[] wiggleY = noise(n, fps, 0.8, subSeed("speech-yaw"));
        double[] nod = new double[n];
        double[] brow = new double[n];
        Prosody prosody = audio.prosody();
        if (prosody != null) {
            accentNods(prosody, k, nod, brow);
        } else {
            // No prosody: accents where the loudness rises steeply.
            double lastAccent = -10;
            int look = Math.max(1, (int) Math.round(0.12 * fps));
            for (int f = look; f < n; f++) {
                double rise = loud[f] - loud[f - look];
                double t = time(f);
                if (audio.speech()[f] && rise > 0.3 && t - lastAccent > 0.45) {
                    lastAccent = t;
                    double strength = clamp(rise * 1.6, 0.4, 1);
                    pulse(nod, f, 0.4, -3.2 * strength * k);
                    if (rise > 0.45) pulse(brow, f, 0.5, 0.35 * strength);
                }
            }
        }
        for (int f = 0; f < n; f++) {
            double e = energy[f] * k * envelope[f];
            c(Channel.HEAD_PITCH)[f] += 2.2 * wiggleP[f] * e + nod[f];
            c(Channel.HEAD_YAW)[f] += 3.5 * wiggleY[f] * e;
            s(ArkitBlendshape.browInnerUp)[f] += brow[f];
            s(ArkitBlendshape.browOuterUpLeft)[f] += brow[f] * 0.8;
            s(ArkitBlendshape.browOuterUpRight)[f] += brow[f] * 0.8;
        }
    }

    /**
     * Nods (and, on strong accents, brow raises) on the accents of at least {@value #NOD_MIN_STRENGTH}
     * strength, at least {@value #NOD_GAP} s apart (the stronger of two closer ones wins), each a sine lobe
     * of 0.4 s whose lowest point, after the head's smoothing, falls on the accent.
     */
    private void accentNods(Prosody prosody, double k, double[] nod, double[] brow) {
        List<Prosody.Accent> chosen = new ArrayList<>();
        for (Prosody.Accent a : prosody.accents()) {
            if (a.strength() < NOD_MIN_STRENGTH) continue;
            Prosody.Accent last = chosen.isEmpty() ? null : chosen.get(chosen.size() - 1);
            if (last != null && Ticks.toSeconds(a.ticks() - last.ticks()) < NOD_GAP) {
                if (a.strength() > last.strength()) chosen.set(chosen.size() - 1, a);
                continue;
            }
            chosen.add(a);
        }
        for (Prosody.Accent a : chosen) {
            double t = Ticks.toSeconds(a.ticks());
            double s = a.strength();
            pulseAt(nod, t - NOD_LEAD - 0.2, 0.4, -3.2 * s * k);
            behaviours.add(Behaviour.of(Behaviour.Kind.SPEECH_NOD, "nod on accent", t - NOD_LEAD - 0.2, t,
                    t - NOD_LEAD + 0.2));
            if (s > 0.7) pulseAt(brow, t - 0.25, 0.5, 0.35 * s);
        }
    }

    /** A sine lobe over {@code seconds} from time {@code start} (which may fall between frames). */
    void pulseAt(double[] into, double start, double seconds, double amplitude) {
        for (int f = firstFrame(Math.max(0, start)); f < n; f++) {
            double u = (time(f) - start) / seconds;
            if (u >= 1) break;
            if (u > 0) into[f] += amplitude * StrictMath.sin(StrictMath.PI * u);
        }
    }

    /**
     * Before each phrase that follows a pause, a breath in: the breath rises linearly from where it is to 1
     * over the {@value #BREATH_IN} s before the phrase, then eases back into the idle rhythm over 0.8 s.
     */
    private void breathIns(double[] breath) {
        Prosody prosody = audio.prosody();
        if (prosody == null) return;
        List<org.cuestudio.core.time.TimeRange> phrases = prosody.phrases();
        for (int i = 0; i < phrases.size(); i++) {
            if (!prosody.followsPause(i)) continue;
            double start = Ticks.toSeconds(phrases.get(i).start());
            double from = start - BREATH_IN;
            int f0 = firstFrame(Math.max(0, from));
            if (f0 >= n) break;
            double b0 = breath[f0];
            for (int f = f0; f < n; f++) {
                double t = time(f);
                if (t < start) {
                    breath[f] = b0 + (1 - b0) * clamp((t - from) / BREATH_IN, 0, 1);
                } else {
                    double w = smoothstep((t - start) / 0.8);
                    if (w >= 1) break;
                    breath[f] = 1 + (breath[f] - 1) * w;
                }
            }
        }
    }

    /** A bump that rises and falls over {@code seconds} starting at frame {@code f} (a sine lobe). */
    private void pulse(double[] into, int f, double seconds, double amplitude) {
        int len = Math.max(2, (int) Math.round(seconds * fps));
        for (int i = 0; i < len && f + i < n; i++) into[f + i] += amplitude * StrictMath.sin(StrictMath.PI * i / len);
    }

    /**
     * Gaze: the eyes jump to each target (a saccade lasts 21 ms + 2.2 ms per degree, so at video rates a large one
     * spreads over a few frames), fixations drift with seeded micro-saccades, the head follows large shifts slowly,
     * and large shifts trigger a blink. Without a gaze cue a character alone looks at the camera; in a shot with
     * others it looks at the one who spoke last (turning to a new speaker after its reaction delay), so it listens
     * attentively and speaks to its partner.
     */
    private void gaze() {
        double[] wantYaw = new double[n], wantPitch = new double[n];
        List<Cue> gazes = cues(CueLane.GAZE);
        int[] partner = partnerToFace();
        SplittableRandom think = new SplittableRandom(subSeed("thinking"));
        Cue thinkingCue = null;
        double thinkSide = -1, nextGlance = 0, glanceEnd = -1;
        for (int f = 0; f < n; f++) {
            long tick = rate.frameToTicks(f);
            GazeCue cue = null;
            for (Cue c : gazes) if (c.range().contains(tick)) cue = (GazeCue) c;
            GazeTarget target = cue == null ? (partner[f] < 0 ? GazeTarget.CAMERA : GazeTarget.CHARACTER) : cue.target();
            double t = time(f);
            switch (target) {
                case POINT -> {
                    wantYaw[f] = Staging.yawTo(head(who), cue.point());
                    wantPitch[f] = Staging.pitchTo(head(who), cue.point());
                }
                case CHARACTER -> {
                    int other = cue == null ? partner[f] : castIndex(cue.character(), cue);
                    wantYaw[f] = other == who ? 0 : Staging.yawTo(head(who), head(other));
                    wantPitch[f] = other == who ? 0 : Staging.pitchTo(head(who), head(other));
                }
                case THINKING -> {
                    // Eyes up and to one side, a side per cue, with short glances back every 2.5-4 s.
                    if (cue != thinkingCue) {
                        thinkingCue = cue;
                        thinkSide = think.nextBoolean() ? -1 : 1;
                        nextGlance = t + 2.5 + 1.5 * think.nextDouble();
                        glanceEnd = -1;
                    }
                    if (t >= nextGlance) {
                        glanceEnd = t + 0.5;
                        nextGlance = t + 2.5 + 1.5 * think.nextDouble();
                        thinkSide = think.nextDouble() < 0.3 ? -thinkSide : thinkSide;
                    }
                    boolean glancing = t < glanceEnd;
                    wantYaw[f] = glancing ? 0 : thinkSide * Math.abs(target.yawDegrees());
                    wantPitch[f] = glancing ? 0 : target.pitchDegrees();
                }
                default -> {
                    wantYaw[f] = target.yawDegrees();
                    wantPitch[f] = target.pitchDegrees();
                }
            }
        }
        // Micro-saccades: small fixation changes every 0.4-2 s, fewer and smaller with a steady gaze.
        SplittableRandom r = new SplittableRandom(subSeed("fixation"));
        double steady = p.gazeSteadiness();
        double amp = 2.2 * (1.2 - steady);
        double offY = 0, offP = 0;
        double next = 0;
        double[] eyeYaw = new double[n], eyePitch = new double[n];
        for (int f = 0; f < n; f++) {
            double t = clock[f];
            if (t >= next) {
                offY = (r.nextDouble() * 2 - 1) * amp;
                offP = (r.nextDouble() * 2 - 1) * amp * 0.6;
                next = t + (0.4 + r.nextDouble() * 1.6) * (0.6 + steady);
            }
            eyeYaw[f] = wantYaw[f] + offY;
            eyePitch[f] = wantPitch[f] + offP;
        }
        double[] headYaw = new double[n], headPitch = new double[n];
        for (int f = 0; f < n; f++) {
            double follow = Math.abs(wantYaw[f]) > 12 ? 0.5 : 0.2;
            headYaw[f] = wantYaw[f] * follow;
            headPitch[f] = wantPitch[f] * 0.35;
        }
        follow(headYaw, fps, 0.45);
        follow(headPitch, fps, 0.45);
        // Saccades on the main sequence: a large jump spreads over as many frames as it takes.
        double[] smoothYaw = eyeYaw.clone(), smoothPitch = eyePitch.clone();
        Smoothing.saccades(smoothYaw, smoothPitch, fps);
        for (int f = 1; f < n; f++) {
            double jump = StrictMath.hypot(eyeYaw[f] - eyeYaw[f - 1], eyePitch[f] - eyePitch[f - 1]);
            if (jump > 20) gazeShiftBlinks.add(f);
        }
        add(c(Channel.HEAD_YAW), headYaw);
        add(c(Channel.HEAD_PITCH), headPitch);
        for (int f = 0; f < n; f++) {
            // Eyes in the head: world direction minus where the head points.
            c(Channel.EYE_YAW)[f] = clamp(smoothYaw[f] - headYaw[f], -35, 35);
            c(Channel.EYE_PITCH)[f] = clamp(smoothPitch[f] - headPitch[f], -25, 25);
            double yawN = c(Channel.EYE_YAW)[f] / 35, pitchN = c(Channel.EYE_PITCH)[f] / 25;
            // ARKit eye-look shapes so curve exports carry the gaze too (viewer's right = character's left).
            s(ArkitBlendshape.eyeLookOutLeft)[f] = Math.max(0, yawN);
            s(ArkitBlendshape.eyeLookInRight)[f] = Math.max(0, yawN);
            s(ArkitBlendshape.eyeLookInLeft)[f] = Math.max(0, -yawN);
            s(ArkitBlendshape.eyeLookOutRight)[f] = Math.max(0, -yawN);
            s(ArkitBlendshape.eyeLookUpLeft)[f] = s(ArkitBlendshape.eyeLookUpRight)[f] = Math.max(0, pitchN);
            s(ArkitBlendshape.eyeLookDownLeft)[f] += Math.max(0, -pitchN);
            s(ArkitBlendshape.eyeLookDownRight)[f] += Math.max(0, -pitchN);
        }
    }

    /**
     * Per frame, the cast index of the partner this character faces when no gaze cue says otherwise: the one who
     * spoke last (turned to {@value #TURN_TO_SPEAKER} s plus the reaction delay after they start), at first the
     * nearest partner; -1 for a character alone.
     */
    int[] partnerToFace() {
        int[] out = new int[n];
        if (cast.size() == 1) {
            java.util.Arrays.fill(out, -1);
            return out;
        }
        int facing = who == 0 ? 1 : who - 1;
        int lag = (int) Math.round((TURN_TO_SPEAKER + delay) * fps);
        for (int f = 0; f < n; f++) {
            int g = f - lag;
            if (g >= 0) {
                for (int i = 0; i < cast.size(); i++) {
                    boolean[] sp = cast.get(i).voice().speech();
                    if (i != who && sp[g] && (g == 0 || !sp[g - 1])) facing = i;
                }
            }
            out[f] = facing;
        }
        return out;
    }

    /**
     * Reaction marks: anticipation (a small dip), action (head up and back, eyes wide), overshoot and settle,
     * over about two seconds from the cue's start plus the character's
     * reaction delay.
     */
    private void reactions() {
        for (Cue cue : cues(CueLane.TIMING)) {
            TimingCue tc = (TimingCue) cue;
            if (tc.kind() != TimingCue.Kind.REACT) continue;
            double start = Ticks.toSeconds(tc.range().start()) + delay;
            double s = tc.strength() * (0.7 + 0.6 * p.expressiveness());
            for (int f = firstFrame(start); f < n; f++) {
                double tau = time(f) - start;
                if (tau > 2.5) break;
                double r = reactionCurve(tau);
                double up = Math.max(0, r);
                c(Channel.HEAD_PITCH)[f] += 8 * s * r;
                c(Channel.BODY_FORWARD)[f] -= 0.6 * s * r;
                s(ArkitBlendshape.eyeWideLeft)[f] += 0.7 * s * up;
                s(ArkitBlendshape.eyeWideRight)[f] += 0.7 * s * up;
                s(ArkitBlendshape.browInnerUp)[f] += 0.6 * s * up;
                s(ArkitBlendshape.browOuterUpLeft)[f] += 0.6 * s * up;
                s(ArkitBlendshape.browOuterUpRight)[f] += 0.6 * s * up;
                s(ArkitBlendshape.jawOpen)[f] += 0.18 * s * up;
            }
        }
    }

    /** Anticipation to -0.25 by 0.1 s, action to 1.15 by 0.25 s, then a damped settle back to rest. */
    static double reactionCurve(double tau) {
        if (tau < 0) return 0;
        if (tau < 0.1) return -0.25 * smoothstep(tau / 0.1);
        if (tau < 0.25) return -0.25 + 1.4 * smoothstep((tau - 0.1) / 0.15);
        double x = tau - 0.25;
        return 1.15 * StrictMath.exp(-x / 0.55) * StrictMath.cos(2 * StrictMath.PI * x / 2.6);
    }

    /** Continuous channels get a gentle critically damped follow, so no cue edge jumps between frames. */
    private void smooth() {
        follow(c(Channel.HEAD_YAW), fps, 0.2);
        follow(c(Channel.HEAD_PITCH), fps, 0.2);
        follow(c(Channel.HEAD_ROLL), fps, 0.15);
        follow(c(Channel.BODY_LEAN), fps, 0.3);
        follow(c(Channel.BODY_FORWARD), fps, 0.3);
        follow(c(Channel.BODY_TURN), fps, 0.3);
        for (Channel k : new Channel[] {Channel.LEFT_SHOULDER, Channel.LEFT_ELBOW, Channel.RIGHT_SHOULDER,
                Channel.RIGHT_ELBOW, Channel.LEFT_WRIST, Channel.RIGHT_WRIST}) {
            follow(c(k), fps, 0.1);
        }
    }

    /** Holds freeze the body and head at their pose at the hold's start, then ease back over 0.3 s. */
    private void holds() {
        Channel[] frozen = {Channel.HEAD_YAW, Channel.HEAD_PITCH, Channel.HEAD_ROLL, Channel.EYE_YAW,
                Channel.EYE_PITCH, Channel.BODY_LEAN, Channel.BODY_FORWARD, Channel.BODY_TURN, Channel.LEFT_SHOULDER,
                Channel.LEFT_ELBOW, Channel.LEFT_WRIST, Channel.RIGHT_SHOULDER, Channel.RIGHT_ELBOW,
                Channel.RIGHT_WRIST};
        int release = Math.max(1, (int) Math.round(0.3 * fps));
        for (Cue cue : cues(CueLane.TIMING)) {
            TimingCue tc = (TimingCue) cue;
            if (tc.kind() != TimingCue.Kind.HOLD) continue;
            int from = firstFrame(Ticks.toSeconds(tc.range().start()));
            int to = firstFrame(Ticks.toSeconds(tc.range().endExclusive()));
            if (from >= n) continue;
            for (Channel k : frozen) {
                double[] sig = c(k);
                double held = sig[from];
                for (int f = from; f < Math.min(to, n); f++) sig[f] = held + (sig[f] - held) * (1 - tc.strength());
                for (int i = 0; i < release && to + i < n; i++) {
                    double w = smoothstep((i + 1) / (double) release);
                    sig[to + i] = held + (sig[to + i] - held) * (1 - tc.strength() * (1 - w));
                }
            }
        }
    }

    /** The most an emotion can raise the blink rate: candidate blinks come at this many times the nominal rate. */
    static final double MAX_BLINK_FACTOR = 2;

    /**
     * Blinks: 10-24 per minute by personality, times the emotion's factor, at least 0.8 s apart, each 100-400 ms
     * (close over 35%, open over 65%), plus a blink on every large gaze shift.
     *
     * <p>Candidate blinks come from a seeded process that depends on the personality alone, at {@value
     * #MAX_BLINK_FACTOR} times the nominal rate; each is kept with probability factor / {@value #MAX_BLINK_FACTOR}
     * by a draw of its own. So an emotion changes which blinks happen while it lasts and nothing after it (a process
     * that drew each gap from the rate of the moment would move every later blink, and a re-render would redo the
     * rest of the shot). Keeping a subset of candidates keeps them 0.8 s apart.
     */
    private void blinks() {
        SplittableRandom r = new SplittableRandom(subSeed("blinks"));
        List<double[]> blinks = new ArrayList<>();
        double duration = n / fps;
        double nominal = 10 + 14 * p.blinkRate();
        double meanGap = candidateGap(nominal * MAX_BLINK_FACTOR);
        double t = r.nextDouble() * 2;
        while (t < duration) {
            int f = Math.min(n - 1, (int) (t * fps));
            double d = 0.1 + 0.1 * r.nextDouble() + 0.2 * StrictMath.pow(r.nextDouble(), 4);
            double keep = r.nextDouble();
            double gap = -StrictMath.log(1 - r.nextDouble()) * meanGap;
            if (keep * MAX_BLINK_FACTOR < clamp(blinkFactor[f], 0.3, MAX_BLINK_FACTOR)) blinks.add(new double[] {t, d});
            t += Math.max(MIN_BLINK_GAP, gap) + d;
        }
        for (int f : gazeShiftBlinks) {
            double at = time(f);
            boolean near = blinks.stream().anyMatch(b -> Math.abs(b[0] - at) < 0.5);
            if (!near) blinks.add(new double[] {at, 0.18});
        }
        double[] left = s(ArkitBlendshape.eyeBlinkLeft), right = s(ArkitBlendshape.eyeBlinkRight);
        for (double[] b : blinks) {
            double start = b[0], d = b[1];
            behaviours.add(Behaviour.of(Behaviour.Kind.BLINK, "blink", start, start + 0.35 * d, start + d));
            for (int f = firstFrame(start); f < n && time(f) < start + d; f++) {
                double tau = time(f) - start;
                double close = tau < 0.35 * d ? smoothstep(tau / (0.35 * d)) : 1 - smoothstep((tau - 0.35 * d) / (0.65 * d));
                // A frame that falls near the middle of a blink shows the eye closed.
                if (Math.abs(tau - 0.35 * d) <= 0.5 / fps) close = 1;
                left[f] = Math.max(left[f], close);
                right[f] = Math.max(right[f], close);
            }
        }
    }

    /** The shortest time from the end of a blink to the start of the next, seconds. */
    private static final double MIN_BLINK_GAP = 0.8;
    /** The mean length of a blink, seconds: 0.1 + 0.1 E[u] + 0.2 E[u^4]. */
    private static final double MEAN_BLINK = 0.19;

    /**
     * The mean of the exponential gap that, with the shortest gap and the blinks' own length, makes candidates come
     * at {@code perMinute} on average: solves 60 / perMinute = gap + m exp(-gap / m) + mean blink for m.
     */
    static double candidateGap(double perMinute) {
        double want = 60 / perMinute - MIN_BLINK_GAP - MEAN_BLINK;
        double lo = 1e-3, hi = 60;
        if (want <= lo * StrictMath.exp(-MIN_BLINK_GAP / lo)) return lo;
        for (int i = 0; i < 60; i++) {
            double m = (lo + hi) / 2;
            if (m * StrictMath.exp(-MIN_BLINK_GAP / m) < want) lo = m;
            else hi = m;
        }
        return (lo + hi) / 2;
    }

    /**
     * Mouth: the director's corrections on the mouth lane win; elsewhere the lip-sync track, or without one the
     * loudness: silence rests (X); in speech, quiet dips close the lips (A), then B, C, D by loudness; each shape
     * holds at least two frames so it does not flicker.
     */
    private void mouth() {
        double[] loud = smoothedLoudness(0.04);
        double[] mouth = c(Channel.MOUTH_SHAPE);
        double[] animator = c(Channel.ANIMATOR_MOUTH);
        boolean[] speech = audio.speech();
        MouthTrack track = audio.mouth();
        MouthShape held = MouthShape.X;
        AnimatorMouth heldMouth = AnimatorMouth.NEUTRAL;
        MouthShape previous = MouthShape.X;
        double changedAt = Double.NEGATIVE_INFINITY;
        double[] prevShape = c(Channel.MOUTH_PREVIOUS);
        double[] prevWeight = c(Channel.MOUTH_PREVIOUS_WEIGHT);
        int heldFor = 99;
        MouthShape[] fixed = new MouthShape[n];
        for (Cue cue : cues(CueLane.MOUTH)) {
            for (int f = firstFrame(Ticks.toSeconds(cue.range().start())); f < n; f++) {
                if (!cue.range().contains(rate.frameToTicks(f))) break;
                fixed[f] = ((MouthShapeCue) cue).shape();
            }
        }
        for (int f = 0; f < n; f++) {
            MouthShape want;
            AnimatorMouth wantMouth = null;
            if (fixed[f] != null) want = fixed[f]; // the director's correction wins
            else if (track != null) { // lip-sync model: already smoothed, timing exact
                want = track.shapes()[f];
                wantMouth = track.mouths()[f];
            }
            else if (!speech[f]) want = MouthShape.X;
            else if (loud[f] < 0.15) want = MouthShape.A;
            else if (loud[f] < 0.35) want = MouthShape.B;
            else if (loud[f] < 0.62) want = MouthShape.C;
            else want = MouthShape.D;
            if (wantMouth == null) wantMouth = AnimatorMouth.of(want);
            if ((want != held || wantMouth != heldMouth) && (track != null || fixed[f] != null || heldFor >= 2)) {
                if (want != held) {
                    previous = held;
                    changedAt = time(f);
                }
                held = want;
                heldMouth = wantMouth;
                heldFor = 0;
            }
            heldFor++;
            mouth[f] = held.ordinal();
            animator[f] = heldMouth.ordinal();
            // The short cross-fade from the previous shape (PerformancePlanner.MOUTH_CROSSFADE_SECONDS): half and half
            // on the frame of the change, then the previous fades out. The jaw and lips follow the same weights.
            double since = time(f) - changedAt;
            double w = since < PerformancePlanner.MOUTH_CROSSFADE_SECONDS
                    ? 0.5 * (1 - since / PerformancePlanner.MOUTH_CROSSFADE_SECONDS) : 0;
            prevShape[f] = previous.ordinal();
            prevWeight[f] = w;
            s(ArkitBlendshape.jawOpen)[f] += (1 - w) * jawFor(held) + w * jawFor(previous);
            s(ArkitBlendshape.mouthClose)[f] += 0.6 * ((1 - w) * is(held, MouthShape.A) + w * is(previous, MouthShape.A));
            s(ArkitBlendshape.mouthPucker)[f] += 0.7 * ((1 - w) * is(held, MouthShape.F) + w * is(previous, MouthShape.F));
            s(ArkitBlendshape.mouthFunnel)[f] += 0.5 * ((1 - w) * is(held, MouthShape.E) + w * is(previous, MouthShape.E));
            // the refining mouth shapes the lips further: spread for Ee, a rounded pout for R, lax for Uh
            switch (heldMouth) {
                case EE -> {
                    s(ArkitBlendshape.mouthStretchLeft)[f] += 0.35;
                    s(ArkitBlendshape.mouthStretchRight)[f] += 0.35;
                }
                case R -> {
                    s(ArkitBlendshape.mouthFunnel)[f] += 0.2;
                    s(ArkitBlendshape.mouthPucker)[f] += 0.25;
                }
                case UH -> s(ArkitBlendshape.jawOpen)[f] += 0.05;
                default -> { }
            }
        }
    }

    /** How far a mouth shape opens the jaw. */
    private static double jawFor(MouthShape shape) {
        return switch (shape) {
            case A, X -> 0;
            case B -> 0.12;
            case C -> 0.35;
            case D -> 0.6;
            case E -> 0.3;
            case F -> 0.15;
            case G -> 0.08;
            case H -> 0.3;
        };
    }

    private static double is(MouthShape shape, MouthShape wanted) {
        return shape == wanted ? 1 : 0;
    }

    private double[] smoothedLoudness(double seconds) {
        double[] loud = new double[n];
        for (int f = 0; f < n; f++) loud[f] = audio.loudness()[f];
        follow(loud, fps, seconds);
        return loud;
    }

    int firstFrame(double seconds) {
        return (int) Math.max(0, Math.min(n, rate.framesCovering(Ticks.ofSeconds(seconds))));
    }

    static void add(double[] into, double[] what) {
        for (int i = 0; i < into.length; i++) into[i] += what[i];
    }

    static double restShoulder() {
        return REST_SHOULDER;
    }

    static double restElbow() {
        return REST_ELBOW;
    }
}
