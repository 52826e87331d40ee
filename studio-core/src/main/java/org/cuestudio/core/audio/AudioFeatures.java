package org.cuestudio.core.audio;

import java.util.ArrayList;
import java.util.List;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;
import org.cuestudio.core.time.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Per-video-frame features of a dialogue recording that drive the performance: loudness normalised to 0..1
 * (1 = the recording's loud speech), whether the frame is speech, optionally the mouth shapes from lip-sync and
 * the prosody (pitch, voicing, pauses, phrases, accents). Computed once per audio file.
 *
 * @param mouth the lip-sync track, or null (the planner then picks the mouth from loudness)
 * @param prosody pitch, pauses, phrases and accents, or null (the planner then places nods from loudness rises
 *     and breathes on its own rhythm only)
 */
public record AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech,
        @Nullable MouthTrack mouth, @Nullable Prosody prosody) {
    public AudioFeatures {
        if (loudness.length != speech.length) throw new IllegalArgumentException("feature lengths differ");
        if (mouth != null && mouth.frameCount() != loudness.length) {
            throw new IllegalArgumentException("mouth-shape track length differs");
        }
        if (prosody != null && prosody.frameCount() != loudness.length) {
            throw new IllegalArgumentException("prosody track length differs");
        }
    }

    /** Features without prosody, with or without a lip-sync track. */
    public AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech,
            @Nullable MouthTrack mouth) {
        this(frameRate, durationTicks, loudness, speech, mouth, null);
    }

    /** Features without a lip-sync track or prosody (the planner then picks the mouth from loudness). */
    public AudioFeatures(FrameRate frameRate, long durationTicks, float[] loudness, boolean[] speech) {
        this(frameRate, durationTicks, loudness, speech, null, null);
    }

    /** The same features with a per-video-frame mouth track from lip-sync ({@link LipSync#perFrame}). */
    public AudioFeatures withMouth(MouthTrack track) {
        return new AudioFeatures(frameRate, durationTicks, loudness, speech, track, prosody);
    }

    /** The same features with another prosody (or none). */
    public AudioFeatures withProsody(@Nullable Prosody p) {
        return new AudioFeatures(frameRate, durationTicks, loudness, speech, mouth, p);
    }

    public int frameCount() {
        return loudness.length;
    }

    /**
     * The same voice heard only within {@code ranges} (a speaker's turns in a shared recording): outside them every
     * frame is silent, the mouth at rest, and the prosody keeps only the phrases and accents inside them.
     */
    public AudioFeatures only(List<TimeRange> ranges) {
        boolean[] keep = new boolean[frameCount()];
        for (TimeRange r : ranges) {
            for (int f = 0; f < keep.length; f++) keep[f] |= r.contains(frameRate.frameToTicks(f));
        }
        return masked(keep);
    }

    /** The same voice silent within {@code ranges} (where other speakers of a shared recording talk). */
    public AudioFeatures except(List<TimeRange> ranges) {
        boolean[] keep = new boolean[frameCount()];
        java.util.Arrays.fill(keep, true);
        for (TimeRange r : ranges) {
            for (int f = 0; f < keep.length; f++) keep[f] &= !r.contains(frameRate.frameToTicks(f));
        }
        return masked(keep);
    }

    private AudioFeatures masked(boolean[] keep) {
        int n = frameCount();
        float[] loud = loudness.clone();
        boolean[] sp = speech.clone();
        for (int f = 0; f < n; f++) {
            if (keep[f]) continue;
            loud[f] = 0;
            sp[f] = false;
        }
        return new AudioFeatures(frameRate, durationTicks, loud, sp, mouth == null ? null : mouth.masked(keep), prosody == null ? null : maskedProsody(keep));
    }

    private Prosody maskedProsody(boolean[] keep) {
        Prosody p = java.util.Objects.requireNonNull(prosody);
        float[] hz = p.pitchHz().clone(), semi = p.semitones().clone();
        boolean[] voiced = p.voiced().clone();
        List<TimeRange> silent = new ArrayList<>();
        int from = -1;
        for (int f = 0; f <= keep.length; f++) {
            boolean out = f < keep.length && !keep[f];
            if (out) {
                hz[f] = 0;
                semi[f] = 0;
                voiced[f] = false;
                if (from < 0) from = f;
            } else if (from >= 0) {
                silent.add(TimeRange.between(frameRate.frameToTicks(from), Math.min(durationTicks,
                        frameRate.frameToTicks(f))));
                from = -1;
            }
        }
        java.util.function.LongPredicate kept = t -> {
            int f = (int) Math.min(keep.length - 1, Math.max(0, frameRate.ticksToFrame(t)));
            return keep.length > 0 && keep[f];
        };
        List<TimeRange> phrases = new ArrayList<>();
        for (TimeRange ph : p.phrases()) {
            // A phrase cut by a turn change keeps its part(s) inside the turns.
            long s = -1;
            for (long f = frameRate.ticksToFrame(ph.start()); f < keep.length; f++) {
                long t = Math.max(ph.start(), frameRate.frameToTicks(f));
                if (t >= ph.endExclusive()) break;
                boolean in = keep[(int) f];
                if (in && s < 0) s = t;
                if (!in && s >= 0) {
                    phrases.add(TimeRange.between(s, t));
                    s = -1;
                }
            }
            if (s >= 0) phrases.add(TimeRange.between(s, ph.endExclusive()));
        }
        List<TimeRange> pauses = new ArrayList<>(p.pauses().stream().filter(r -> kept.test(r.start())).toList());
        silent.stream().filter(r -> r.duration() >= Ticks.ofMillis(Prosody.MIN_PAUSE_MS)).forEach(pauses::add);
        pauses.sort(java.util.Comparator.comparingLong(TimeRange::start));
        List<Prosody.Accent> accents = p.accents().stream().filter(a -> kept.test(a.ticks())).toList();
        return new Prosody(hz, semi, voiced, p.medianHz(), pauses, phrases, accents);
    }

    /**
     * The same features over exactly {@code frames} video frames: cut, or padded with silence (a partner's own
     * recording that is shorter or longer than the shot's).
     */
    public AudioFeatures fitted(int frames) {
        int n = frameCount();
        if (frames == n) return this;
        long duration = frameRate.frameToTicks(frames);
        float[] loud = java.util.Arrays.copyOf(loudness, frames);
        boolean[] sp = java.util.Arrays.copyOf(speech, frames);
        Prosody fp = null;
        if (prosody != null) {
            Prosody p = prosody;
            java.util.function.Predicate<TimeRange> inside = r -> r.start() < duration;
            fp = new Prosody(java.util.Arrays.copyOf(p.pitchHz(), frames), java.util.Arrays.copyOf(p.semitones(), frames),
                    java.util.Arrays.copyOf(p.voiced(), frames), p.medianHz(),
                    p.pauses().stream().filter(inside).toList(), p.phrases().stream().filter(inside).toList(),
                    p.accents().stream().filter(a -> a.ticks() < duration).toList());
        }
        return new AudioFeatures(frameRate, duration, loud, sp, mouth == null ? null : mouth.fitted(frames), fp);
    }

    /**
     * Analyses a clip: loudness is the RMS per frame window in dB, mapped so the 95th percentile reaches 1; the
     * prosody comes from {@link ProsodyAnalysis}.
     */
    public static AudioFeatures analyse(AudioClip clip, FrameRate rate) {
        long duration = clip.durationTicks();
        int frames = (int) rate.framesCovering(duration);
        float[] db = new float[frames];
        float[] s = clip.samples();
        for (int f = 0; f < frames; f++) {
            int from = (int) Math.min(s.length, Math.round(Ticks.toSeconds(rate.frameToTicks(f)) * clip.sampleRate()));
            int to = (int) Math.min(s.length, Math.round(Ticks.toSeconds(rate.frameToTicks(f + 1)) * clip.sampleRate()));
            double sum = 0;
            for (int i = from; i < to; i++) sum += s[i] * (double) s[i];
            double rms = to > from ? Math.sqrt(sum / (to - from)) : 0;
            db[f] = (float) (20 * Math.log10(rms + 1e-9));
        }
        float[] sorted = db.clone();
        java.util.Arrays.sort(sorted);
        float top = frames == 0 ? 0 : sorted[(int) Math.min(frames - 1, Math.floor(frames * 0.95))];
        float floor = top - 40f; // 40 dB of range below loud speech
        float[] loud = new float[frames];
        boolean[] speech = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            loud[f] = (float) Math.max(0, Math.min(1, (db[f] - floor) / (top - floor)));
            speech[f] = db[f] > top - 28f && db[f] > -55f;
        }
        return new AudioFeatures(rate, duration, loud, speech, null, ProsodyAnalysis.analyse(clip, rate, frames));
    }
}
