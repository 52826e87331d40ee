package org.cuestudio.core.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.TimeRange;

/**
 * The performers of a shot, each with its own voice: a partner with its own recording speaks that recording; a
 * partner without one speaks the stretches of the shot's recording it is given; the shot's own character speaks
 * the rest of the shot's recording.
 */
public final class Cast {
    private Cast() {}

    /**
     * @param shotAudio the features of the shot's recording
     * @param ownAudio the features of a partner's own recording, by its path as the shot gives it
     */
    public static List<Performer> of(Project project, Shot shot, AudioFeatures shotAudio,
            Function<String, AudioFeatures> ownAudio) {
        int frames = shotAudio.frameCount();
        List<TimeRange> others = new ArrayList<>();
        for (Partner p : shot.partners()) if (p.audio() == null) others.addAll(p.speaks());
        List<Performer> cast = new ArrayList<>();
        cast.add(new Performer(project.requireCharacter(shot.characterId()), shot.tracks(),
                others.isEmpty() ? shotAudio : shotAudio.except(others)));
        for (Partner p : shot.partners()) {
            AudioFeatures voice = p.audio() != null ? ownAudio.apply(p.audio()).fitted(frames) : shotAudio.only(p.speaks());
            cast.add(new Performer(project.requireCharacter(p.characterId()), p.tracks(), voice));
        }
        return List.copyOf(cast);
    }
}
