package org.cuestudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.LipSyncProvider;
import org.cuestudio.core.export.MediaCodecProvider;
import org.cuestudio.core.export.VideoEncoder;
import org.cuestudio.core.export.VideoFormat;
import org.cuestudio.core.export.VideoSpec;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.perform.PerformancePlanner;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.FrameRange;
import org.cuestudio.core.render.Framing;
import org.cuestudio.core.render.RenderBackend;
import org.cuestudio.core.render.RenderBackendProvider;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.core.assets.AssetFiles;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.perform.Cast;
import org.cuestudio.core.perform.GestureLibrary;
import org.cuestudio.core.perform.Performer;
import org.cuestudio.core.model.EmotionPreset;
import org.cuestudio.format.EmotionPresetsReader;
import org.cuestudio.format.GestureLibraryReader;
import org.cuestudio.format.LoadedProject;
import org.cuestudio.format.ProjectFormatException;
import org.cuestudio.format.cache.SqliteSegmentCache;
import org.jspecify.annotations.Nullable;

/**
 * The composition root: wires the core to the project format, the render backend and the media codecs (found
 * at run time through {@link java.util.ServiceLoader}), and keeps what is expensive to make (the backend, decoded
 * audio, loaded characters) for reuse. Thread-safe; the CLI and the studio window share it.
 */
public final class StudioServices implements AutoCloseable {
    /**
     * The shot metadata key that names a background picture (PNG or JPEG, relative to the project folder) drawn
     * behind the characters, scaled to cover the frame, in every format (a format with alpha then has none left).
     */
    public static final String BACKGROUND_KEY = "background";

    /** The shot metadata key that names its framing ({@link #framing}). */
    public static final String FRAMING_KEY = "framing";
    /** Sample rate the analysis runs at. */
    public static final int ANALYSIS_RATE = 16_000;

    private @Nullable PerformancePlanner planner;
    private @Nullable RenderBackend backend;
    private @Nullable MediaCodecProvider codecs;
    private final Map<Path, AudioClip> audio = new HashMap<>();
    private final Map<Path, CharacterModel> characters = new HashMap<>();

    /** The render backend, created on first use (loading the native engine takes a moment). */
    public synchronized RenderBackend backend() {
        if (backend == null) backend = RenderBackendProvider.createBest();
        return backend;
    }

    /** The performance planner with the gesture library of the installation ({@value GestureLibraryReader#ASSETS_PATH}). */
    public synchronized PerformancePlanner planner() {
        if (planner == null) planner = new PerformancePlanner(gestureLibrary());
        return planner;
    }

    /** Reads the installation's gesture library, or says what is wrong with it and where. */
    public static GestureLibrary gestureLibrary() {
        try {
            return GestureLibraryReader.read(AssetFiles.find(GestureLibraryReader.ASSETS_PATH));
        } catch (ProjectFormatException | java.io.FileNotFoundException e) {
            throw new IllegalStateException("the gesture library cannot be used: " + e.getMessage(), e);
        }
    }

    /** The starter emotion presets the installation ships ({@value EmotionPresetsReader#ASSETS_PATH}). */
    public static List<EmotionPreset> shippedEmotionPresets() {
        try {
            return EmotionPresetsReader.read(AssetFiles.find(EmotionPresetsReader.ASSETS_PATH));
        } catch (ProjectFormatException | java.io.FileNotFoundException e) {
            throw new IllegalStateException("the emotion presets cannot be used: " + e.getMessage(), e);
        }
    }

    public synchronized MediaCodecProvider codecs() {
        if (codecs == null) codecs = MediaCodecProvider.load();
        return codecs;
    }

    /**
     * Everything about a shot that does not change while its cues are edited: its recording and features, its
     * character, the features of the partners' own recordings by their paths as the shot gives them, and the
     * partners' characters in the shot's partner order.
     */
    public record ShotMedia(Path audioFile, AudioClip audio, AudioFeatures features, CharacterModel character,
            Map<String, AudioFeatures> partnerVoices, List<CharacterModel> partnerCharacters) {
        public ShotMedia {
            partnerVoices = Map.copyOf(partnerVoices);
            partnerCharacters = List.copyOf(partnerCharacters);
        }

        public ShotMedia(Path audioFile, AudioClip audio, AudioFeatures features, CharacterModel character,
                Map<String, AudioFeatures> partnerVoices) {
            this(audioFile, audio, features, character, partnerVoices, List.of());
        }

        public ShotMedia(Path audioFile, AudioClip audio, AudioFeatures features, CharacterModel character) {
            this(audioFile, audio, features, character, Map.of(), List.of());
        }

        /** The characters of the shot in cast order: its own character, then the partners. */
        public List<CharacterModel> castCharacters() {
            List<CharacterModel> all = new java.util.ArrayList<>();
            all.add(character);
            all.addAll(partnerCharacters);
            return List.copyOf(all);
        }
    }

    /** Decodes the shot's audio and its partners' own recordings and loads its characters (cached per file). */
    public ShotMedia media(LoadedProject lp, Shot shot) throws AudioDecodeException, CharacterSheetException {
        Path audioFile = audioFile(lp, shot);
        AudioClip clip = audio(audioFile);
        CharacterModel model = character(lp, shot.characterId());
        AudioFeatures features = voice(clip, shot);
        Map<String, AudioFeatures> partners = new HashMap<>();
        List<CharacterModel> partnerModels = new java.util.ArrayList<>();
        for (Partner p : shot.partners()) {
            partnerModels.add(character(lp, p.characterId()));
            if (p.audio() == null || partners.containsKey(p.audio())) continue;
            Path file = pathIn(lp, p.audio(), "shot '" + shot.id() + "' partner '" + p.characterId() + "' audio");
            partners.put(p.audio(), voice(audio(file), shot));
        }
        return new ShotMedia(audioFile, clip, features, model, partners, partnerModels);
    }

    /** A character of the project loaded into the render backend (cached per sheet folder; what a take records). */
    public CharacterModel character(LoadedProject lp, String characterId) throws CharacterSheetException {
        Character c = lp.project().requireCharacter(characterId);
        Path sheet = pathIn(lp, c.sheet(), "character '" + c.id() + "' sheet");
        CharacterModel model;
        synchronized (this) {
            model = characters.get(sheet);
        }
        if (model == null) {
            model = backend().loadCharacter(sheet);
            synchronized (this) {
                characters.put(sheet, model);
            }
        }
        return model;
    }

    /**
     * How a shot is framed: its {@code framing} metadata ({@code close-up}, {@code medium}, {@code wide}) when it
     * has one, else medium for one character and wide for more ({@link Framing#defaultFor}).
     */
    public static Framing framing(Shot shot) {
        String f = shot.metadata().get(FRAMING_KEY);
        if (f == null || f.isBlank()) return Framing.defaultFor(shot.cast().size());
        try {
            return Framing.parse(f);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shot '" + shot.id() + "' metadata " + FRAMING_KEY + ": "
                    + e.getMessage(), e);
        }
    }

    /** The settings with the shot's background picture ({@value #BACKGROUND_KEY} metadata), if it names one. */
    public static RenderSettings withBackground(LoadedProject lp, Shot shot, RenderSettings settings) {
        String rel = shot.metadata().get(BACKGROUND_KEY);
        if (rel == null || rel.isBlank()) return settings;
        return settings.withBackgroundImage(org.cuestudio.core.render.BackgroundImage.of(
                pathIn(lp, rel, "shot '" + shot.id() + "' metadata " + BACKGROUND_KEY)));
    }

    /** What the frames of a shot show: its cast staged as the planner stages it, in the shot's framing. */
    public static Scene scene(Shot shot, ShotMedia media) {
        List<CharacterModel> cast = media.castCharacters();
        if (cast.size() != shot.cast().size()) {
            throw new IllegalStateException("the characters of the partners of shot '" + shot.id()
                    + "' were not loaded");
        }
        return Scene.staged(cast, framing(shot));
    }

    /** The shot's recording, decoded for analysis (cached per file). */
    public AudioClip shotAudio(LoadedProject lp, Shot shot) throws AudioDecodeException {
        return audio(audioFile(lp, shot));
    }

    /** A recording's features at the shot's frame rate, with the lip-sync model's mouth shapes. */
    public static AudioFeatures voice(AudioClip clip, Shot shot) {
        AudioFeatures features = AudioFeatures.analyse(clip, shot.frameRate());
        try (LipSync lipSync = LipSyncProvider.load().create()) {
            return features.withMouth(lipSync.perFrame(clip, null, shot.frameRate()));
        }
    }

    /**
     * The shot's length in frames: the frames that cover its audio, as the planner and every export count them.
     * Decodes only the audio (cached per file), so it is cheap next to {@link #media}.
     */
    public int frameCount(LoadedProject lp, Shot shot) throws AudioDecodeException {
        return (int) shot.frameRate().framesCovering(audio(audioFile(lp, shot)).durationTicks());
    }

    private static Path audioFile(LoadedProject lp, Shot shot) {
        return pathIn(lp, shot.audio(), "shot '" + shot.id() + "' audio");
    }

    private AudioClip audio(Path audioFile) throws AudioDecodeException {
        AudioClip clip;
        synchronized (this) {
            clip = audio.get(audioFile);
        }
        if (clip == null) {
            if (!Files.isRegularFile(audioFile)) throw new AudioDecodeException(audioFile, "no such file");
            clip = codecs().audioDecoder().decode(audioFile, ANALYSIS_RATE);
            synchronized (this) {
                audio.put(audioFile, clip);
            }
        }
        return clip;
    }

    private static Path pathIn(LoadedProject lp, String rel, String what) {
        try {
            return lp.resolve(rel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Plans the performance of the shot's own character as the project now stands, listening to the shot's
     * partners if it has any.
     */
    public Performance plan(Project project, Shot shot, ShotMedia media, long seed) {
        return plan(project, shot, media, shot.characterId(), seed);
    }

    /** Plans the performance of one character of the shot (its own character or a partner). */
    public Performance plan(Project project, Shot shot, ShotMedia media, String characterId, long seed) {
        int who = shot.cast().indexOf(characterId);
        if (who < 0) {
            throw new IllegalArgumentException("character '" + characterId + "' is not in shot '" + shot.id()
                    + "'; the shot has " + shot.cast());
        }
        return planner().plan(shot, cast(project, shot, media), who, seed);
    }

    /** Plans every character of the shot (its own character, then the partners) with the take's seed. */
    public List<Performance> planCast(Project project, Shot shot, ShotMedia media, long seed) {
        return planner().planAll(shot, cast(project, shot, media), seed);
    }

    /** The performers of the shot, each with its voice. */
    public static List<Performer> cast(Project project, Shot shot, ShotMedia media) {
        return Cast.of(project, shot, media.features(), path -> {
            AudioFeatures v = media.partnerVoices().get(path);
            if (v == null) throw new IllegalStateException("the audio of a partner of shot '" + shot.id() + "' ("
                    + path + ") was not loaded");
            return v;
        });
    }

    /** What a render to a file did. */
    public record RenderReport(Path output, int frames, int framesRendered, int framesReused, double seconds) {}

    /**
     * Renders a shot through the segment cache of its project and writes an MP4 (H.264 + AAC) with the shot's audio.
     */
    public RenderReport renderToFile(LoadedProject lp, String shotId, Quality quality, long seed, Path output,
            ProgressListener progress, CancellationToken cancel)
            throws IOException, AudioDecodeException, CharacterSheetException {
        return renderToFile(lp, shotId, quality, seed, VideoFormat.MP4_H264, output, progress, cancel);
    }

    /**
     * Renders a shot through the segment cache of its project and writes it in {@code format} with the shot's
     * audio: a file, or a folder for a PNG sequence. Every character of the shot is in the picture (its
     * {@link #scene}), each planned with {@code seed}. Formats with alpha are rendered on a transparent background
     * ({@link RenderSettings#forExport}), so their alpha is real.
     */
    public RenderReport renderToFile(LoadedProject lp, String shotId, Quality quality, long seed, VideoFormat format,
            Path output, ProgressListener progress, CancellationToken cancel)
            throws IOException, AudioDecodeException, CharacterSheetException {
        return renderToFile(lp, shotId, quality, seed, format, null, output, progress, cancel);
    }

    /**
     * Renders frames {@code frames} of a shot (null: all of it) as {@link #renderToFile} does. A range is the
     * same frames as in a whole render, with the audio of just those frames; a PNG sequence keeps the shot's frame
     * numbers. So the ranges of a shot, rendered anywhere, stitch into exactly the whole (docs/render-farm.md).
     *
     * @throws IllegalArgumentException if the range goes beyond the shot's last frame
     */
    public RenderReport renderToFile(LoadedProject lp, String shotId, Quality quality, long seed, VideoFormat format,
            @Nullable FrameRange frames, Path output, ProgressListener progress, CancellationToken cancel)
            throws IOException, AudioDecodeException, CharacterSheetException {
        long t0 = System.nanoTime();
        Shot shot = lp.project().requireShot(shotId);
        ShotMedia media = media(lp, shot);
        List<Performance> perfs = planCast(lp.project(), shot, media, seed);
        Scene scene = scene(shot, media);
        int frameCount = perfs.get(0).frameCount();
        FrameRange range = frames == null ? FrameRange.all(frameCount) : frames.within(frameCount, shotId);
        RenderSettings settings = withBackground(lp, shot, RenderSettings.forExport(shot, quality, format));
        Path out = output.toAbsolutePath();
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        VideoEncoder encoder = codecs().videoEncoder();
        ShotRenderer.Result result;
        try (SegmentCacheHandle cache = SegmentCacheHandle.open(lp.cacheFolder())) {
            VideoEncoder.Writer writer = encoder.open(out, new VideoSpec(format, settings.resolution(),
                    shot.frameRate(), media.audioFile(), settings.backgroundArgb(), range.first()));
            try {
                ShotRenderer renderer = new ShotRenderer(backend(), cache.store());
                result = renderer.render(perfs, scene, settings, range.first(), range.endExclusive(),
                        (i, frame) -> writer.write(frame), progress, cancel);
            } catch (IOException | RuntimeException e) {
                writer.abort();
                throw e;
            }
            writer.close();
        }
        return new RenderReport(out, result.frames(), result.framesRendered(), result.framesReused(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The project's segment cache, or no cache at all when it cannot be opened (a read-only project folder): the
     * cache only saves time, so a render goes on without it.
     */
    record SegmentCacheHandle(@Nullable SqliteSegmentCache cache) implements AutoCloseable {
        private static final System.Logger LOG = System.getLogger(StudioServices.class.getName());

        static SegmentCacheHandle open(Path folder) {
            try {
                return new SegmentCacheHandle(SqliteSegmentCache.open(folder));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "segment cache: cannot open {0} ({1}); rendering without it",
                        folder, e.getMessage());
                return new SegmentCacheHandle(null);
            }
        }

        SegmentStore store() {
            return cache != null ? cache : SegmentStore.NONE;
        }

        @Override
        public void close() {
            if (cache != null) cache.close();
        }
    }

    @Override
    public synchronized void close() {
        if (backend != null) backend.close();
        backend = null;
    }
}
