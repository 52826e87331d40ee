package org.cuestudio.app.ui;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.time.Ticks;
import org.jspecify.annotations.Nullable;

/**
 * Plays a shot's dialogue and says where playback is: the clock the playhead follows. Where there is no sound
 * device (CI, headless servers, {@code -Dcue.audio=off}) it is a silent wall clock, so playback still works.
 * Used from the JavaFX thread only.
 */
public sealed interface Playback extends AutoCloseable permits Playback.Silent, Playback.Audible {
    /** Starts (or restarts) playing at a position of the shot. */
    void start(long fromTicks);

    /** Stops; {@link #positionTicks()} keeps the position reached. */
    void stop();

    /** Where playback is now, in ticks from the start of the shot. */
    long positionTicks();

    /** Whether sound is heard, or this is the silent clock. */
    boolean audible();

    /** Why there is no sound, or {@code null} when there is. */
    @Nullable String silentReason();

    @Override
    void close();

    /**
     * Playback of a shot's audio: the file through javax.sound when it can read it (WAV at its own rate),
     * else the decoded clip; the silent clock when no sound line opens.
     */
    static Playback open(Path audioFile, AudioClip decoded) {
        if ("off".equalsIgnoreCase(System.getProperty("cue.audio", ""))) return new Silent("audio is off (cue.audio=off)");
        Clip clip = null;
        try {
            clip = AudioSystem.getClip();
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(audioFile));
                 AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
                clip.open(in);
            } catch (Exception unreadable) {
                // Not a file javax.sound reads (MP3, AAC...): play the decoded analysis clip instead.
                byte[] pcm = JavaSoundAudio.toPcm16(decoded);
                clip.open(new AudioFormat(decoded.sampleRate(), 16, 1, true, false), pcm, 0, pcm.length);
            }
            return new Audible(clip);
        } catch (Exception | LinkageError e) {
            if (clip != null) clip.close();
            return new Silent("no audio output: " + ErrorText.describe(e));
        }
    }

    /** The silent clock: position advances with wall time while started. */
    final class Silent implements Playback {
        private final String reason;
        private long fromTicks;
        private long startNanos;
        private boolean running;

        Silent(String reason) {
            this.reason = reason;
        }

        @Override
        public void start(long from) {
            fromTicks = from;
            startNanos = System.nanoTime();
            running = true;
        }

        @Override
        public void stop() {
            fromTicks = positionTicks();
            running = false;
        }

        @Override
        public long positionTicks() {
            if (!running) return fromTicks;
            return fromTicks + Math.round((System.nanoTime() - startNanos) * (Ticks.PER_SECOND / 1e9));
        }

        @Override
        public boolean audible() {
            return false;
        }

        @Override
        public String silentReason() {
            return reason;
        }

        @Override
        public void close() {
            running = false;
        }
    }

    /** Playback through a javax.sound {@link Clip}; the clip's own position is the clock. */
    final class Audible implements Playback {
        private final Clip clip;

        Audible(Clip clip) {
            this.clip = clip;
        }

        @Override
        public void start(long from) {
            clip.stop();
            clip.setMicrosecondPosition(Math.max(0, from * 1000 / (Ticks.PER_SECOND / 1000)));
            clip.start();
        }

        @Override
        public void stop() {
            clip.stop();
        }

        @Override
        public long positionTicks() {
            return clip.getMicrosecondPosition() * (Ticks.PER_SECOND / 1000) / 1000;
        }

        @Override
        public boolean audible() {
            return true;
        }

        @Override
        public @Nullable String silentReason() {
            return null;
        }

        @Override
        public void close() {
            clip.close();
        }
    }
}
