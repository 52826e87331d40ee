package org.cuestudio.core.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.PerformanceFrame;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.time.FrameRate;
import org.cuestudio.core.time.Ticks;

/**
 * The live engine, without UI: reads an {@link AudioInput}, lip-syncs it as it arrives ({@link LiveLipSync}), and as
 * soon as a video frame's mouth shapes are decided plans that frame with the same {@link PerformancePlanner} and seed
 * as an offline render (the shot's directed cues, the character's personality, the triggers so far) and hands it to
 * a {@link FrameSink} (which renders it). It records the audio and the triggers for {@link LiveTake}.
 *
 * <p>Planning is exact re-planning of the prefix: frame {@code f} is frame {@code f} of the plan of frames
 * {@code 0..f} with the features heard so far. The planner is pure, so the live frames differ from an offline plan
 * of the recording only where the offline path looks ahead: the offline lip-sync's look-ahead, the recording-wide
 * loudness normalisation and prosody (the live features have none), and behaviours the planner places by what
 * follows. The cost grows with the length (the planner does ~2 us per frame: 10 ms at 3 minutes).
 *
 * <p>When frames fall behind (more than one ready at once) only the newest is planned and shown; the others are
 * counted as dropped. Not thread-safe, except {@link #trigger} and {@link #stop}, which any thread may call.
 */
public final class LiveSession {
    /** Receives each frame shown. */
    @FunctionalInterface
    public interface FrameSink {
        /** Shows (renders) frame {@code index}; called on the session's thread. */
        void show(int index, PerformanceFrame frame, MouthShape mouth) throws Exception;
    }

    /** What a finished session did. */
    public record Result(int frames, int shown, int dropped, long droppedSamples, double audioSeconds,
            double wallSeconds, float[] audio, List<Trigger> triggers, List<PerformanceFrame> liveFrames,
            long[] latencyNanos, long[] shownAtNanos, double lipSyncSeconds, double planSeconds, double showSeconds) {
        /** Frames shown per second of wall time. */
        public double fps() {
            return wallSeconds > 0 ? shown / wallSeconds : 0;
        }

        /** A percentile (0-100) of the frame latencies: from the end of a frame's audio to its picture. */
        public double latencyMillis(double percentile) {
            long[] l = Arrays.stream(latencyNanos).filter(v -> v >= 0).sorted().toArray();
            if (l.length == 0) return Double.NaN;
            return l[(int) Math.min(l.length - 1, Math.floor(l.length * percentile / 100))] / 1e6;
        }
    }

    private final Shot shot;
    private final Character character;
    private final PerformancePlanner planner;
    private final LiveLipSync lipSync;
    private final AudioInput input;
    private final LiveClock clock;
    private final long seed;
    private final FrameRate rate;
    private final List<Trigger> triggers = new ArrayList<>();
    private volatile long inputTicks;
    private volatile boolean stopped;

    // audio heard so far (zeros where the input dropped samples, so times stay aligned)
    private float[] audio = new float[LiveLipSync.SAMPLE_RATE * 10];
    private int audioLength;
    private final List<Float> frameDb = new ArrayList<>();

    /**
     * @param shot the directed shot (its cues apply over the live audio; its mouth corrections and partners do not)
     * @param scripted triggers known in advance (a script): each takes effect when the input reaches its time
     */
    public LiveSession(Shot shot, Character character, PerformancePlanner planner, LiveLipSync lipSync,
            AudioInput input, LiveClock clock, long seed, List<Trigger> scripted) {
        this.shot = shot;
        this.character = character;
        this.planner = planner;
        this.lipSync = lipSync;
        this.input = input;
        this.clock = clock;
        this.seed = seed;
        this.rate = shot.frameRate();
        triggers.addAll(scripted);
    }

    /** A performer's trigger now: stamped with the input's current time. Any thread. */
    public void trigger(Trigger.Kind kind, String value, double intensity) {
        Trigger t = new Trigger(inputTicks, kind, value, intensity);
        synchronized (triggers) {
            triggers.add(t);
        }
    }

    /** Ends the session after the audio read so far (any thread). */
    public void stop() {
        stopped = true;
    }

    /**
     * Shows every frame, however late, instead of only the newest ready one: for tests on a {@link VirtualClock},
     * where the input runs ahead at once, and for comparing the live frames with an offline plan.
     */
    public LiveSession showEveryFrame(boolean every) {
        this.showEvery = every;
        return this;
    }

    private boolean showEvery;
    private final Object lock = new Object();
    private boolean inputEnded;
    private @org.jspecify.annotations.Nullable Exception readerFailure;
    private long lipNanos;

    /**
     * Runs until the input ends or {@link #stop} is called, showing frames through {@code sink} on this thread. The
     * input is read and lip-synced on a thread of its own, so a slow frame costs frames, never audio.
     */
    public Result run(FrameSink sink) throws Exception {
        List<PerformanceFrame> live = new ArrayList<>();
        List<Long> latencies = new ArrayList<>(), shownAt = new ArrayList<>();
        int next = 0, shown = 0, dropped = 0;
        long planNanos = 0, showNanos = 0;
        input.start();
        long t0 = clock.nanos();
        Thread reader = new Thread(this::readLoop, "live-input");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                int ready, total, from;
                AudioFeatures features;
                synchronized (lock) {
                    while (true) {
                        if (readerFailure != null) throw readerFailure;
                        total = (int) rate.framesCovering(Ticks.ofSamples(audioLength, LiveLipSync.SAMPLE_RATE));
                        ready = next;
                        while (ready < total && (inputEnded || lipFramesNeeded(ready) <= lipSync.decidedFrames())) ready++;
                        if (ready > next || (inputEnded && next >= total)) break;
                        lock.wait();
                    }
                    if (ready == next) break; // the input has ended and every frame is done
                    // frames that are already late are skipped: only the newest ready frame is shown
                    from = showEvery ? next : ready - 1;
                    features = features(from + 1);
                }
                for (int f = next; f < from; f++) {
                    live.add(null);
                    latencies.add(-1L);
                    shownAt.add(-1L);
                    dropped++;
                }
                long a = System.nanoTime();
                PerformanceFrame frame = plan(from, features);
                long b = System.nanoTime();
                sink.show(from, frame, features.mouth().shapes()[from]);
                long now = clock.nanos();
                showNanos += System.nanoTime() - b;
                planNanos += b - a;
                live.add(frame);
                shownAt.add(now);
                long lastSample = Math.round(Ticks.toSeconds(rate.frameToTicks(from + 1)) * LiveLipSync.SAMPLE_RATE) - 1;
                latencies.add(now - input.arrivalNanos(Math.min(lastSample, audioLengthNow() - 1L)));
                shown++;
                next = from + 1;
            }
        } finally {
            stopped = true;
            reader.interrupt();
            reader.join(2000);
        }
        double wall = (clock.nanos() - t0) / 1e9;
        List<Trigger> recorded;
        int length = audioLengthNow();
        synchronized (triggers) {
            recorded = triggers.stream().filter(t -> t.ticks() < Ticks.ofSamples(length, LiveLipSync.SAMPLE_RATE))
                    .sorted(Comparator.comparingLong(Trigger::ticks)).toList();
        }
        float[] heard;
        synchronized (lock) {
            heard = Arrays.copyOf(audio, audioLength);
        }
        return new Result(next, shown, dropped, input.droppedSamples(), length / (double) LiveLipSync.SAMPLE_RATE,
                wall, heard, recorded, java.util.Collections.unmodifiableList(live),
                latencies.stream().mapToLong(Long::longValue).toArray(),
                shownAt.stream().mapToLong(Long::longValue).toArray(), lipNanos / 1e9, planNanos / 1e9, showNanos / 1e9);
    }

    private int audioLengthNow() {
        synchronized (lock) {
            return audioLength;
        }
    }

    private void readLoop() {
        float[] buf = new float[LiveLipSync.SAMPLE_RATE / 100];
        try {
            while (true) {
                int n = stopped ? -1 : input.read(buf);
                synchronized (lock) {
                    long a = System.nanoTime();
                    if (n < 0) {
                        lipSync.finish();
                        inputEnded = true;
                    } else {
                        long gap = input.position() - n - audioLength;
                        if (gap > 0) append(new float[(int) gap], (int) gap); // dropped: silence keeps times aligned
                        append(buf, n);
                        inputTicks = Ticks.ofSamples(audioLength, LiveLipSync.SAMPLE_RATE);
                    }
                    lipNanos += System.nanoTime() - a;
                    lock.notifyAll();
                }
                if (n < 0) return;
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                lipSync.finish();
                inputEnded = true;
                lock.notifyAll();
            }
        } catch (Exception | Error e) {
            synchronized (lock) {
                readerFailure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                lock.notifyAll();
            }
        }
    }

    private void append(float[] s, int n) {
        if (audioLength + n > audio.length) audio = Arrays.copyOf(audio, Math.max(audio.length * 2, audioLength + n));
        System.arraycopy(s, 0, audio, audioLength, n);
        lipSync.accept(s, 0, n);
        audioLength += n;
    }

    /** The 10 ms lip-sync frames a video frame needs decided: those up to its end. */
    private int lipFramesNeeded(int f) {
        long end = rate.frameToTicks(f + 1);
        long per = Ticks.PER_SECOND / LiveLipSync.FRAMES_PER_SECOND;
        return (int) ((end + per - 1) / per);
    }

    /** Plans frames 0..f with {@code features} (of frames 0..f) and the triggers so far, and returns frame f. */
    PerformanceFrame plan(int f, AudioFeatures features) {
        long end = rate.frameToTicks(f + 1);
        List<Trigger> now;
        synchronized (triggers) {
            now = triggers.stream().filter(t -> t.ticks() < end).sorted(Comparator.comparingLong(Trigger::ticks)).toList();
        }
        // the horizon keeps the newest emotion from easing out before the performer changes it
        long horizon = end + LiveTake.EMOTION_EASE + rate.frameToTicks(1);
        Shot performed = LiveTake.performedShot(shot, shot.id(), shot.audio(),
                LiveTake.cues(now, horizon, planner.gestures())).withPartners(List.of());
        return planner.plan(performed, character, features, seed).frames().get(f);
    }

    /**
     * Features of the first {@code frames} video frames as heard so far (call it from the session's thread, or after
     * {@link #run} has returned): loudness as {@link AudioFeatures#analyse}
     * computes it, but normalised by the loud speech heard so far (the 95th percentile of the frames so far, at least
     * {@value #PRIOR_TOP_DB} dB until louder speech is heard); speech the same way; no prosody; the live mouth shapes.
     */
    public AudioFeatures features(int frames) {
        while (frameDb.size() < frames) {
            int f = frameDb.size();
            int from = (int) Math.min(audioLength, Math.round(Ticks.toSeconds(rate.frameToTicks(f)) * LiveLipSync.SAMPLE_RATE));
            int to = (int) Math.min(audioLength, Math.round(Ticks.toSeconds(rate.frameToTicks(f + 1)) * LiveLipSync.SAMPLE_RATE));
            double sum = 0;
            for (int i = from; i < to; i++) sum += audio[i] * (double) audio[i];
            double rms = to > from ? Math.sqrt(sum / (to - from)) : 0;
            frameDb.add((float) (20 * Math.log10(rms + 1e-9)));
        }
        float[] db = new float[frames];
        for (int f = 0; f < frames; f++) db[f] = frameDb.get(f);
        float[] sorted = db.clone();
        Arrays.sort(sorted);
        float top = Math.max(PRIOR_TOP_DB, sorted[(int) Math.min(frames - 1, Math.floor(frames * 0.95))]);
        float floor = top - 40f;
        float[] loud = new float[frames];
        boolean[] speech = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            loud[f] = (float) Math.max(0, Math.min(1, (db[f] - floor) / (top - floor)));
            speech[f] = db[f] > top - 28f && db[f] > -55f;
        }
        return new AudioFeatures(rate, rate.frameToTicks(frames), loud, speech, org.cuestudio.core.audio.MouthTrack.of(mouthShapes(frames)), null);
    }

    /** Loud speech is assumed at least this loud (dBFS RMS) until louder is heard. */
    static final float PRIOR_TOP_DB = -30f;

    private MouthShape[] mouthShapes(int frames) {
        List<MouthCue> cues = new ArrayList<>();
        int decided = lipSync.decidedFrames();
        long per = Ticks.PER_SECOND / LiveLipSync.FRAMES_PER_SECOND;
        int start = 0;
        for (int t = 1; t <= decided; t++) {
            if (t < decided && lipSync.shape(t) == lipSync.shape(start)) continue;
            cues.add(new MouthCue(start * per, t * per, lipSync.shape(start)));
            start = t;
        }
        return LipSync.sample(cues, rate, frames);
    }
}
