package org.cuestudio.inference.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.time.FrameRate;
import org.jspecify.annotations.Nullable;

/**
 * Writes rendered frames and the shot's audio in each {@link VideoFormat}:
 * <ul>
 * <li>MP4 editors and players accept everywhere: H.264 High profile (libx264, yuv420p, BT.709, CRF), AAC-LC 48 kHz
 *     stereo at 160 kb/s, the index at the front ({@code +faststart});</li>
 * <li>MOV with ProRes 422 HQ ({@code prores_ks} profile 3, yuv422p10le) or ProRes 4444 (profile 4, yuva444p10le
 *     with straight alpha), BT.709-tagged, and 24-bit PCM 48 kHz stereo;</li>
 * <li>a folder of RGBA PNGs with {@code audio.wav} ({@link PngSequenceWriter}).</li>
 * </ul>
 * How each container is written is an {@link EncodeSettings}; the writer is the same for all of them.
 *
 * <p>Guarantees the exporter relies on:
 * <ul>
 * <li>the frame rate is stored as the exact fraction (30000/1001, not 29.97), one timestamp step per frame;</li>
 * <li>the audio starts with the video at time zero, cut from the shot's audio at the first frame's time
 *     ({@link VideoSpec#firstFrame()}, 0 unless a range is exported), and is trimmed or padded with silence to
 *     exactly the video's length, so the file's duration is frames / fps;</li>
 * <li>frames with alpha are composited over {@link VideoSpec#backgroundArgb()} (its alpha is ignored) where the
 *     format has no alpha;</li>
 * <li>the file is written under a hidden temporary name in the same folder and renamed only when
 *     {@link VideoEncoder.Writer#close()} succeeds, so a failed export leaves nothing under the final name.</li>
 * </ul>
 */
public final class FfmpegVideoEncoder implements VideoEncoder {
    /** 48 kHz is what video editors and broadcast expect; 44.1 kHz would be resampled on import. */
    static final int AUDIO_RATE = PaddedAudio.RATE;
    static final int AUDIO_CHANNELS = PaddedAudio.CHANNELS;

    private final H264Settings settings;

    /** An encoder with {@link H264Settings#FINAL} quality. */
    public FfmpegVideoEncoder() {
        this(H264Settings.FINAL);
    }

    /** An encoder with the given x264 preset and quality. */
    public FfmpegVideoEncoder(H264Settings settings) {
        this.settings = settings;
    }

    /** The x264 settings this encoder uses for MP4. */
    public H264Settings settings() {
        return settings;
    }

    @Override
    public VideoEncoder.Writer open(Path output, VideoSpec spec) throws IOException {
        if (spec.format() == VideoFormat.PNG_SEQUENCE) {
            checkExactFrameRate(output, spec.frameRate());
            return PngSequenceWriter.open(output, spec);
        }
        Path target = output.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + output + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + output + ": a folder of that name exists");
        }
        checkExactFrameRate(output, spec.frameRate());
        FfmpegLogging.install();
        // Hidden, and marked as partial, so that neither the user nor a file watcher mistakes it for the export.
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)
                + ".part");
        return new FfmpegVideoWriter(target, temp, spec, EncodeSettings.of(spec.format(), settings));
    }

    /**
     * JavaCV hands FFmpeg the frame rate as a double and turns it back into a fraction with denominators up to
     * 1001000; refuse the rare rate that would not come back exactly rather than drift against the audio.
     */
    static void checkExactFrameRate(Path output, FrameRate rate) throws IOException {
        AVRational q = avutil.av_d2q(rate.fps(), 1001000);
        try {
            if ((long) q.num() * rate.denominator() != (long) rate.numerator() * q.den()) {
                throw new IOException("cannot write " + output + ": frame rate " + rate
                        + " cannot be stored exactly");
            }
        } finally {
            q.close();
        }
    }

    /**
     * One MP4 or MOV being written. {@link #abort()} discards the partial file; so does {@link #close()} after a failed
     * {@link #write}, in case a caller reaches it through try-with-resources without aborting first.
     */
    public static final class FfmpegVideoWriter implements VideoEncoder.Writer {
        private final Path target;
        private final Path temp;
        private final VideoSpec spec;
        private final FFmpegFrameRecorder recorder;
        private final Picture converter;
        private final ByteBuffer nativePicture;
        private final @Nullable PaddedAudio audio;
        private long framesWritten;
        private boolean failed;
        private boolean closed;

        FfmpegVideoWriter(Path target, Path temp, VideoSpec spec, EncodeSettings settings) throws IOException {
            this.target = target;
            this.temp = temp;
            this.spec = spec;
            int width = spec.resolution().width();
            int height = spec.resolution().height();
            this.converter = Picture.of(settings.pixelFormat(), width, height, spec.backgroundArgb());
            this.nativePicture = ByteBuffer.allocateDirect(converter.bytes());
            Path audioFile = spec.audio();
            try {
                this.audio = audioFile == null ? null : new PaddedAudio(audioFile, audioSamplesFor(0));
            } catch (AudioDecodeException e) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            this.recorder = new FFmpegFrameRecorder(temp.toFile(), width, height, audio == null ? 0 : AUDIO_CHANNELS);
            try {
                configure(recorder, spec, settings);
                recorder.start();
            } catch (FrameRecorder.Exception | RuntimeException e) {
                discard();
                throw new IOException("cannot write " + target + ": FFmpeg could not start the encoder ("
                        + FfmpegAudioReader.ffmpegReason(e) + ")", e);
            }
        }

        private static void configure(FFmpegFrameRecorder r, VideoSpec spec, EncodeSettings settings) {
            FrameRate rate = spec.frameRate();
            r.setFormat(settings.muxer());
            r.setVideoCodecName(settings.videoEncoder());
            r.setPixelFormat(settings.pixelFormat());
            r.setFrameRate(rate.fps());
            // A keyframe at least every two seconds keeps scrubbing in an editor responsive.
            if (settings.keyframeSeconds() > 0) {
                r.setGopSize((int) Math.max(1, Math.round(rate.fps() * settings.keyframeSeconds())));
            }
            // JavaCV defaults to 400 kb/s average bitrate; zero leaves rate control to the encoder's options.
            r.setVideoBitrate(settings.videoBitrate());
            settings.videoOptions().forEach(r::setVideoOption);
            settings.muxerOptions().forEach(r::setOption);
            r.setAudioCodec(settings.audioCodec());
            if (settings.audioSampleFormat() != avutil.AV_SAMPLE_FMT_NONE) {
                r.setSampleFormat(settings.audioSampleFormat());
            }
            r.setSampleRate(AUDIO_RATE);
            if (settings.audioBitrate() > 0) r.setAudioBitrate(settings.audioBitrate());
            r.setAudioChannels(AUDIO_CHANNELS);
        }

        @Override
        public void write(RgbaImage frame) throws IOException {
            ensureOpen();
            int width = spec.resolution().width();
            int height = spec.resolution().height();
            boolean ok = false;
            try {
                // A wrong size means the render went wrong; the writer fails so that close() keeps no half file.
                if (frame.width() != width || frame.height() != height) {
                    throw new IOException("cannot write frame " + framesWritten + " to " + target + ": it is "
                            + frame.width() + "x" + frame.height() + " but the video is " + spec.resolution());
                }
                converter.convert(frame, nativePicture);
                // The stride is in samples: JavaCV turns it into bytes with the depth.
                recorder.recordImage(width, height, converter.depth(), 1, width, converter.pixelFormat(),
                        nativePicture);
                framesWritten++;
                // Interleave: bring the audio up to the end of this frame, so the muxer never buffers much.
                if (audio != null) audio.writeUntil(audioSamplesFor(framesWritten), this::recordSamples);
                ok = true;
            } catch (FrameRecorder.Exception | RuntimeException e) {
                throw new IOException("cannot write frame " + framesWritten + " to " + target + ": "
                        + FfmpegAudioReader.ffmpegReason(e), e);
            } catch (AudioDecodeException e) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            } finally {
                if (!ok) failed = true;
            }
        }

        /** Frames written so far. */
        public long framesWritten() {
            return framesWritten;
        }

        /**
         * Finishes the file: pads or trims the audio to exactly the video's length, writes the trailer and moves the
         * file to its final name. After a failed write it only discards the partial file.
         *
         * @throws IOException if no frame was written or FFmpeg or the file system failed; no file is left then
         */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            if (failed) {
                discard();
                return;
            }
            if (framesWritten == 0) {
                discard();
                throw new IOException("cannot write " + target + ": no frames were written");
            }
            try {
                if (audio != null) audio.writeUntil(audioSamplesFor(framesWritten), this::recordSamples);
                recorder.stop();
            } catch (FrameRecorder.Exception | AudioDecodeException | RuntimeException e) {
                discard();
                throw new IOException("cannot finish " + target + ": " + e.getMessage(), e);
            } finally {
                releaseNatives();
            }
            try {
                moveIntoPlace();
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw new IOException("cannot finish " + target + ": the finished file could not be renamed from "
                        + temp.getFileName() + " (" + e.getMessage() + ")", e);
            }
        }

        /** Stops writing and deletes the partial file; nothing appears under the final name. Safe to call twice. */
        @Override
        public void abort() {
            if (closed) return;
            closed = true;
            discard();
        }

        /**
         * The position in the shot's audio (samples per channel) where the {@code frames}-th frame written ends:
         * {@code (firstFrame + frames) * den * 48000 / num}, rounded to the nearest sample, so the audio never drifts
         * from the picture however long the shot, and ranges of a shot cut it at the same samples as a whole export.
         */
        private long audioSamplesFor(long frames) {
            return PaddedAudio.samplesFor(spec.firstFrame() + frames, spec.frameRate().numerator(),
                    spec.frameRate().denominator());
        }

        private void recordSamples(FloatBuffer interleaved) throws FrameRecorder.Exception {
            recorder.recordSamples(AUDIO_RATE, AUDIO_CHANNELS, interleaved);
        }

        private void moveIntoPlace() throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private void ensureOpen() throws IOException {
            if (closed) throw new IOException("the writer for " + target + " is closed");
            if (failed) throw new IOException("the writer for " + target + " failed earlier; start the export again");
        }

        private void discard() {
            releaseNatives();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // A leftover hidden .part file is harmless and is never mistaken for the export.
            }
        }

        private void releaseNatives() {
            try {
                recorder.release();
            } catch (FrameRecorder.Exception | RuntimeException e) {
                // Only native memory is freed here.
            }
            if (audio != null) audio.close();
        }
    }
}
