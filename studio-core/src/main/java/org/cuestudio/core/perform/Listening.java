package org.cuestudio.core.perform;

import java.util.SplittableRandom;

/**
 * Listening, in a shot with other characters: while another character speaks and this one does not, it leans in a
 * little and tilts its head toward the speaker; at the speaker's pauses (a silence of at least
 * {@value #MIN_PAUSE} s between two stretches of their speech) it gives a back-channel nod, after its reaction
 * delay, with a chance that grows with its expressiveness. (Its gaze turns to the speaker in
 * {@link Planning}'s gaze.)
 */
final class Listening {
    /** The shortest pause of the speaker that invites a back-channel nod, seconds. */
    static final double MIN_PAUSE = 0.25;
    /** The shortest time between two back-channel nods, seconds. */
    static final double NOD_GAP = 1.2;
    /** How long after the pause starts (before the reaction delay) the nod's lowest point comes, seconds. */
    static final double NOD_AFTER = 0.3;

    private Listening() {}

    static void perform(Planning pl) {
        if (pl.cast.size() < 2) return;
        int n = pl.n;
        boolean[] mine = pl.audio.speech();
        double[] attentive = new double[n];
        double[] roll = new double[n];
        int[] facing = pl.partnerToFace();
        for (int f = 0; f < n; f++) {
            if (mine[f] || !pl.otherSpeaks(f)) continue;
            attentive[f] = 1;
            if (facing[f] >= 0) roll[f] = Math.signum(pl.head(facing[f]).x() - pl.head(pl.who).x());
        }
        Smoothing.follow(attentive, pl.fps, 0.6);
        Smoothing.follow(roll, pl.fps, 0.6);
        for (int f = 0; f < n; f++) {
            pl.c(Channel.BODY_FORWARD)[f] += 0.12 * attentive[f];
            pl.c(Channel.HEAD_ROLL)[f] += 2.5 * roll[f] * attentive[f];
        }
        backChannel(pl);
    }

    /** Nods at the other speakers' pauses while this character is silent. */
    private static void backChannel(Planning pl) {
        SplittableRandom r = new SplittableRandom(pl.subSeed("back-channel"));
        double chance = 0.45 + 0.4 * pl.p.expressiveness();
        double k = 0.6 + 0.8 * pl.p.energy();
        double[] nod = new double[pl.n];
        double last = -10;
        int minGap = (int) Math.ceil(MIN_PAUSE * pl.fps);
        for (int i = 0; i < pl.cast.size(); i++) {
            if (i == pl.who) continue;
            boolean[] sp = pl.cast.get(i).voice().speech();
            int f = 0;
            while (f < pl.n) {
                // A pause: a run of silence between two stretches of this speaker's speech.
                if (sp[f] || f == 0 || !sp[f - 1]) {
                    f++;
                    continue;
                }
                int end = f;
                while (end < pl.n && !sp[end]) end++;
                int pauseStart = f;
                f = end;
                if (end >= pl.n || end - pauseStart < minGap) continue;
                double draw = r.nextDouble();
                double jitter = 0.2 * r.nextDouble();
                double strength = 0.7 + 0.3 * r.nextDouble();
                double apex = pl.time(pauseStart) + NOD_AFTER + jitter + pl.delay;
                if (draw >= chance || apex - last < NOD_GAP) continue;
                if (speaksNear(pl.audio.speech(), pl.firstFrame(apex - 0.5), pl.firstFrame(apex + 0.5))) continue;
                last = apex;
                double start = apex - Planning.NOD_LEAD - 0.22;
                pl.pulseAt(nod, start, 0.45, -3.4 * strength * k);
                pl.behaviours.add(Behaviour.of(Behaviour.Kind.BACKCHANNEL_NOD, "back-channel nod", start, apex,
                        start + 0.45));
            }
        }
        for (int f = 0; f < pl.n; f++) pl.c(Channel.HEAD_PITCH)[f] += nod[f];
    }

    private static boolean speaksNear(boolean[] speech, int from, int to) {
        for (int f = Math.max(0, from); f < Math.min(speech.length, to); f++) if (speech[f]) return true;
        return false;
    }
}
