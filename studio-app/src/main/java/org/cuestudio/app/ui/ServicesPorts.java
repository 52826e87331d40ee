package org.cuestudio.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cuestudio.app.StudioServices;
import org.cuestudio.app.StudioServices.RenderReport;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.AudioDecodeException;
import org.cuestudio.core.audio.AudioDecoder;
import org.cuestudio.core.audio.PeakPyramid;
import org.cuestudio.format.cache.PeakCache;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Quality;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.perform.Performance;
import org.cuestudio.core.render.CharacterModel;
import org.cuestudio.core.render.CharacterSheetException;
import org.cuestudio.core.render.RenderSettings;
import org.cuestudio.core.render.RgbaImage;
import org.cuestudio.core.render.Scene;
import org.cuestudio.core.render.SegmentStore;
import org.cuestudio.core.render.ShotRenderer;
import org.cuestudio.core.task.CancellationToken;
import org.cuestudio.core.task.ProgressListener;
import org.cuestudio.format.LoadedProject;
import org.jspecify.annotations.Nullable;

/**
 * The studio window's ports over the shared {@link StudioServices}: the native codecs and the render backend when
 * the inference module is on the class path, else the JDK's own WAV reader so the timeline still works.
 */
public final class ServicesPorts implements StudioPorts {
    private final StudioServices services;

    public ServicesPorts(StudioServices services) {
        this.services = services;
    }

    @Override
    public ShotAudio loadAudio(LoadedProject project, Shot shot) throws AudioDecodeException {
        Path file = project.resolve(shot.audio());
        AudioClip clip = decode(file);
        PeakPyramid peaks = new PeakCache(project.cacheFolder().resolve("peaks")).get(file, () -> PeakPyramid.of(clip));
        java.util.Map<String, org.cuestudio.core.audio.AudioFeatures> partners = new java.util.HashMap<>();
        for (org.cuestudio.core.model.Partner p : shot.partners()) {
            if (p.audio() != null && !partners.containsKey(p.audio())) {
                partners.put(p.audio(), StudioServices.voice(decode(project.resolve(p.audio())), shot));
            }
        }
        return new ShotAudio(file, clip, StudioServices.voice(clip, shot), peaks, partners);
    }

    private AudioClip decode(Path file) throws AudioDecodeException {
        AudioDecoder decoder = nativeDecoder();
        return decoder != null ? decoder.decode(file, StudioServices.ANALYSIS_RATE)
                : JavaSoundAudio.decode(file, StudioServices.ANALYSIS_RATE);
    }

    private @Nullable AudioDecoder nativeDecoder() {
        try {
            return services.codecs().audioDecoder();
        } catch (IllegalStateException | LinkageError missing) {
            return null;
        }
    }

    @Override
    public CharacterModel loadCharacter(LoadedProject project, Shot shot) throws CharacterSheetException {
        Character c = project.project().requireCharacter(shot.characterId());
        Path sheet = project.resolve(c.sheet());
        if (!Files.exists(sheet)) {
            throw new CharacterSheetException("'" + c.name() + "' has no sheet at " + sheet);
        }
        return services.backend().loadCharacter(sheet);
    }

    @Override
    public List<CharacterModel> loadCast(LoadedProject project, Shot shot) throws CharacterSheetException {
        List<CharacterModel> cast = new ArrayList<>();
        cast.add(loadCharacter(project, shot));
        for (String id : shot.cast().subList(1, shot.cast().size())) {
            Character c = project.project().requireCharacter(id);
            if (!Files.exists(project.resolve(c.sheet()))) {
                throw new CharacterSheetException("'" + c.name() + "' has no sheet at " + project.resolve(c.sheet()));
            }
            cast.add(services.character(project, id));
        }
        return List.copyOf(cast);
    }

    @Override
    public RgbaImage renderFrame(List<Performance> performances, Scene scene, RenderSettings settings, int frame) {
        return new ShotRenderer(services.backend(), SegmentStore.NONE).renderFrame(performances, scene, settings, frame);
    }

    @Override
    public RgbaImage renderFrame(Performance performance, CharacterModel character, RenderSettings settings,
            int frame) {
        return new ShotRenderer(services.backend(), SegmentStore.NONE).renderFrame(performance, character, settings,
                frame);
    }

    @Override
    public RenderReport renderTake(LoadedProject project, String shotId, Quality quality, long seed, Path output,
            ProgressListener progress, CancellationToken cancel) throws Exception {
        return services.renderToFile(project, shotId, quality, seed, output, progress, cancel);
    }

    @Override
    public RenderReport export(LoadedProject project, String shotId, Quality quality, long seed,
            org.cuestudio.core.export.VideoFormat format, Path output, ProgressListener progress,
            CancellationToken cancel) throws Exception {
        return services.renderToFile(project, shotId, quality, seed, format, output, progress, cancel);
    }

    @Override
    public org.cuestudio.core.model.Take recordTake(LoadedProject project, Shot shot, String id, String name,
            Quality quality, org.cuestudio.core.model.Resolution resolution, long seed, @Nullable String output)
            throws Exception {
        return org.cuestudio.app.TakeRecorder.record(services, project, shot, id, name, quality, resolution, seed,
                org.cuestudio.core.export.VideoFormat.MP4_H264, output);
    }

    @Override
    public Playback openPlayback(ShotAudio audio) {
        return Playback.open(audio.file(), audio.clip());
    }

    @Override
    public org.cuestudio.core.perform.PerformancePlanner planner() {
        return services.planner();
    }
}
