package org.cuestudio.core.audio;

import java.util.List;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.jspecify.annotations.Nullable;

/**
 * Audio-to-mouth-shape analysis (lip-sync): turns dialogue into the nine Rhubarb / Preston Blair mouth shapes.
 * Implemented by a learned model in the inference module, found through {@link LipSyncProvider}. An instance
 * may hold native resources and is not thread-safe; close it when done.
 */
public interface LipSync extends AutoCloseable {
    /**
     * Mouth cues covering the whole clip, contiguous, with no two neighbours of the same shape.
     *
     * @param dialog the spoken text, one sentence per line, or null when unknown (it may improve the result)
     */
    List<MouthCue> analyse(AudioClip clip, @Nullable String dialog);

    /** The mouth on every video frame, for the performance planner (see {@link #track}). */
    default MouthTrack perFrame(AudioClip clip, @Nullable String dialog, FrameRate rate) {
        return track(analyse(clip, dialog), rate, (int) rate.framesCovering(clip.durationTicks()));
    }

    /** The shapes of {@link #track}. */
    static MouthShape[] sample(List<MouthCue> cues, FrameRate rate, int frames) {
        return track(cues, rate, frames).shapes();
    }

    /**
     * One shape per video frame: the shape that covers most of the frame; then every closed mouth (A) of at least
     * 20 ms that no frame shows is given to the frame that holds most of it, so that no p/b/m closure falls
     * between two frames at 24-30 fps. Frames past the last cue rest (X). Each frame's mouth is the one of the cue
     * that gave it its shape.
     */
    static MouthTrack track(List<MouthCue> cues, FrameRate rate, int frames) {
        MouthCue rest = new MouthCue(0, 1, MouthShape.X);
        MouthCue[] out = new MouthCue[frames];
        int j = 0;
        for (int f = 0; f < frames; f++) {
            long from = rate.frameToTicks(f), to = rate.frameToTicks(f + 1);
            while (j < cues.size() && cues.get(j).endTicks() <= from) j++;
            MouthCue best = rest;
            long bestLength = 0;
            for (int k = j; k < cues.size() && cues.get(k).startTicks() < to; k++) {
                MouthCue c = cues.get(k);
                long length = Math.min(to, c.endTicks()) - Math.max(from, c.startTicks());
                if (length > bestLength) {
                    bestLength = length;
                    best = c;
                }
            }
            out[f] = best;
        }
        for (MouthCue c : cues) {
            if (c.shape() != MouthShape.A || c.endTicks() - c.startTicks() < Ticks.ofMillis(20)) continue;
            int first = (int) Math.max(0, rate.ticksToFrame(c.startTicks()));
            int last = (int) Math.min(frames - 1, rate.ticksToFrame(c.endTicks() - 1));
            int bestFrame = -1;
            long bestLength = 0;
            boolean shown = false;
            for (int f = first; f <= last; f++) {
                if (out[f].shape() == MouthShape.A) shown = true;
                long length = Math.min(rate.frameToTicks(f + 1), c.endTicks()) - Math.max(rate.frameToTicks(f), c.startTicks());
                if (length > bestLength) {
                    bestLength = length;
                    bestFrame = f;
                }
            }
            if (!shown && bestFrame >= 0) out[bestFrame] = c;
        }
        MouthShape[] shapes = new MouthShape[frames];
        org.cuestudio.core.model.AnimatorMouth[] mouths = new org.cuestudio.core.model.AnimatorMouth[frames];
        for (int f = 0; f < frames; f++) {
            shapes[f] = out[f].shape();
            mouths[f] = out[f].mouth();
        }
        return new MouthTrack(shapes, mouths);
    }

    /** Cue boundaries as seconds, for formats that count in seconds. */
    static double seconds(long ticks) {
        return Ticks.toSeconds(ticks);
    }

    @Override
    void close();
}
