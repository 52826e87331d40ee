package org.cuestudio.app.ui;

import java.util.Locale;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueLane;
import org.cuestudio.core.model.Emotion;
import org.cuestudio.core.model.EmotionCue;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.GestureCue;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.MouthShapeCue;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.model.Side;
import org.cuestudio.core.model.TimingCue;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;

/** Makes the cues the timeline adds: sensible defaults per lane and ids that are new in their shot. */
public final class NewCues {
    /** Length of a cue added by a double-click. */
    public static final long DEFAULT_LENGTH = Ticks.ofMillis(1500);
    /** Length of an added mouth correction: two frames at 25 fps, about one closed-lips consonant. */
    public static final long MOUTH_LENGTH = Ticks.ofMillis(80);
    /** Ease in and out of an added emotion. */
    public static final long EMOTION_EASE = Ticks.ofMillis(300);

    private NewCues() {}

    /** The default cue of a lane: joy at 80 %, a nod, a look to the left, a hold, closed lips. */
    public static Cue defaultFor(Shot shot, CueLane lane, long start) {
        TimeRange r = new TimeRange(start, DEFAULT_LENGTH);
        String id = freshId(shot, lane);
        return switch (lane) {
            case EMOTION -> emotion(id, r, Emotion.JOY);
            case GESTURE -> gesture(id, r, "nod");
            case GAZE -> new GazeCue(id, r, GazeTarget.LEFT);
            case TIMING -> new TimingCue(id, r, TimingCue.Kind.HOLD, 1.0);
            case MOUTH -> new MouthShapeCue(id, new TimeRange(start, MOUTH_LENGTH), MouthShape.A);
        };
    }

    static EmotionCue emotion(String id, TimeRange r, Emotion e) {
        return new EmotionCue(id, r, e, 0.8, EMOTION_EASE, EMOTION_EASE);
    }

    static GestureCue gesture(String id, TimeRange r, String gesture) {
        return new GestureCue(id, r, gesture, 0.8, Side.BOTH, true);
    }

    /** A cue id not yet used in the shot: the lane's name and the first free number ("gesture-3"). */
    public static String freshId(Shot shot, CueLane lane) {
        String prefix = lane.name().toLowerCase(Locale.ROOT) + "-";
        for (int n = 1;; n++) {
            String id = prefix + n;
            if (shot.cue(id).isEmpty()) return id;
        }
    }
}
