package org.cuestudio.core.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cuestudio.core.perform.PlannerFixtures.RATE;
import static org.cuestudio.core.perform.PlannerFixtures.seconds;
import static org.cuestudio.core.perform.PlannerFixtures.shot;
import static org.cuestudio.core.perform.PlannerFixtures.silence;
import static org.cuestudio.core.perform.PlannerFixtures.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cuestudio.core.audio.AudioFeatures;
import org.cuestudio.core.model.Character;
import org.cuestudio.core.model.Cue;
import org.cuestudio.core.model.CueTrack;
import org.cuestudio.core.model.FramePoint;
import org.cuestudio.core.model.GazeCue;
import org.cuestudio.core.model.GazeTarget;
import org.cuestudio.core.model.Partner;
import org.cuestudio.core.model.Personality;
import org.cuestudio.core.model.Project;
import org.cuestudio.core.model.Shot;
import org.cuestudio.core.time.Ticks;
import org.junit.jupiter.api.Test;

/** Two characters in a shot: each performs its own voice and cues, looks at and listens to the other. */
class PlannerCastTest {
    private final PerformancePlanner planner = TestGestures.PLANNER;
    static final Character MIRA = new Character("mira", "Mira", "s", Personality.DEFAULT, Map.of());
    static final Character OTTO = new Character("otto", "Otto", "s", new Personality(0.7, 0.5, 0.5, 0.5, 0.5),
            Ticks.ofMillis(300), Map.of());

    private static List<CueTrack> tracks(Cue... cues) {
        return shot(cues).tracks();
    }

    /** Mira speaks the first half of a 20 s recording, Otto the second half (speaker segments). */
    private static Shot dialogue(List<CueTrack> miraCues, List<CueTrack> ottoCues) {
        Shot s = shot();
        return new Shot("s", "S", "a.wav", "mira", RATE, s.resolution(), miraCues,
                List.of(new Partner("otto", null, List.of(seconds(10, 20)), ottoCues)), List.of(), Map.of(), List.of());
    }

    private static List<Performer> cast(Shot shot, AudioFeatures audio) {
        Project project = new Project("p", List.of(MIRA, OTTO), List.of(shot), Map.of());
        return Cast.of(project, shot, audio, path -> { throw new AssertionError(path); });
    }

    private static double mean(Performance p, Channel c, double from, double to) {
        double sum = 0;
        int k = 0;
        for (int f = (int) (from * 25); f < (int) (to * 25); f++, k++) sum += p.frames().get(f).get(c);
        return sum / k;
    }

    @Test
    void speakerSegmentsSplitTheRecordingBetweenTheCharacters() {
        AudioFeatures audio = speech(20, 3);
        List<Performer> cast = cast(dialogue(tracks(), tracks()), audio);
        boolean[] mira = cast.get(0).voice().speech(), otto = cast.get(1).voice().speech();
        for (int f = 0; f < audio.frameCount(); f++) {
            assertThat(mira[f] && otto[f]).isFalse();
            assertThat(mira[f] || otto[f]).isEqualTo(audio.speech()[f]);
            if (f >= 250 && audio.speech()[f]) assertThat(otto[f]).isTrue();
        }
    }

    @Test
    void withoutGazeCuesEachLooksAtTheOneWhoSpokeLast() {
        AudioFeatures audio = speech(20, 3);
        Shot shot = dialogue(tracks(), tracks());
        List<Performer> cast = cast(shot, audio);
        Performance mira = planner.plan(shot, cast, 0, 1), otto = planner.plan(shot, cast, 1, 1);
        // Mira stands left, Otto right: she looks to the viewer's right, he to the left.
        assertThat(mean(mira, Channel.EYE_YAW, 2, 18) + mean(mira, Channel.HEAD_YAW, 2, 18)).isGreaterThan(20);
        assertThat(mean(otto, Channel.EYE_YAW, 2, 18) + mean(otto, Channel.HEAD_YAW, 2, 18)).isLessThan(-20);
        // Alone, she looks at the camera.
        Performance alone = planner.plan(shot(), MIRA, audio, 1);
        assertThat(Math.abs(mean(alone, Channel.EYE_YAW, 2, 18) + mean(alone, Channel.HEAD_YAW, 2, 18))).isLessThan(6);
    }

    @Test
    void theListenerLeansInAndNodsAtTheSpeakersPausesAfterItsReactionDelay() {
        AudioFeatures audio = speech(20, 3);
        Shot shot = dialogue(tracks(), tracks());
        List<Performer> cast = cast(shot, audio);
        Performance otto = planner.plan(shot, cast, 1, 1);
        List<Behaviour> nods = otto.behaviours(Behaviour.Kind.BACKCHANNEL_NOD);
        assertThat(nods).isNotEmpty();
        boolean[] miraSpeech = cast.get(0).voice().speech(), ottoSpeech = cast.get(1).voice().speech();
        for (Behaviour nod : nods) {
            double apex = nod.apexSeconds();
            // After a pause of Mira's began: 0.3-0.5 s plus Otto's 0.3 s reaction delay before the nod's apex.
            int f = (int) Math.round(apex * 25);
            boolean pauseBefore = false;
            for (int g = (int) ((apex - 0.8) * 25); g <= (int) ((apex - 0.6) * 25) + 1; g++) {
                if (g > 0 && !miraSpeech[g] && miraSpeech[g - 1]) pauseBefore = true;
            }
            assertThat(pauseBefore).as("nod at %.2f s follows a pause of the speaker", apex).isTrue();
            assertThat(ottoSpeech[f]).as("Otto is silent while he nods").isFalse();
            // The head really dips: lower than half a second before.
            assertThat(otto.frames().get(f).get(Channel.HEAD_PITCH))
                    .isLessThan(otto.frames().get(f - 12).get(Channel.HEAD_PITCH));
        }
        // Mira listens to Otto in the second half; Otto does not nod at his own pauses.
        assertThat(planner.plan(shot, cast, 0, 1).behaviours(Behaviour.Kind.BACKCHANNEL_NOD))
                .allSatisfy(n -> assertThat(n.apexSeconds()).isGreaterThan(10));
        assertThat(nods).allSatisfy(n -> assertThat(n.apexSeconds()).isLessThan(10.6));
        assertThat(mean(otto, Channel.BODY_FORWARD, 1, 9)).isGreaterThan(mean(otto, Channel.BODY_FORWARD, 11, 19) + 0.05);
    }

    @Test
    void gazeCuesLookAtAnotherCharacterOrAPointOfTheFrame() {
        AudioFeatures audio = silence(12);
        Shot shot = dialogue(tracks(GazeCue.atCharacter("g1", seconds(1, 5), "otto"),
                GazeCue.atPoint("g2", seconds(6, 11), new FramePoint(-1, -0.6))), tracks());
        Performance mira = planner.plan(shot, cast(shot, audio), 0, 1);
        double atOtto = mean(mira, Channel.EYE_YAW, 2, 5) + mean(mira, Channel.HEAD_YAW, 2, 5);
        double atCorner = mean(mira, Channel.EYE_YAW, 7, 11) + mean(mira, Channel.HEAD_YAW, 7, 11);
        assertThat(atOtto).isGreaterThan(25);
        assertThat(atCorner).isLessThan(-10);
        assertThat(mean(mira, Channel.EYE_PITCH, 7, 11) + mean(mira, Channel.HEAD_PITCH, 7, 11)).isLessThan(-10);
        Shot lost = dialogue(tracks(GazeCue.atCharacter("g1", seconds(1, 5), "leo")), tracks());
        assertThatThrownBy(() -> planner.plan(lost, cast(lost, audio), 0, 1)).hasMessageContaining("'leo'")
                .hasMessageContaining("[mira, otto]");
    }

    @Test
    void thinkingAvertsTheEyesUpAndAsideWithGlancesBack() {
        Performance p = planner.plan(shot(new GazeCue("t", seconds(1, 21), GazeTarget.THINKING)),
                new Character("c", "C", "s", Personality.DEFAULT, Map.of()), silence(22), 5);
        int away = 0, back = 0;
        for (int f = 50; f < 525; f++) {
            PerformanceFrame fr = p.frames().get(f);
            double yaw = fr.get(Channel.EYE_YAW) + fr.get(Channel.HEAD_YAW);
            double pitch = fr.get(Channel.EYE_PITCH) + fr.get(Channel.HEAD_PITCH);
            if (Math.abs(yaw) > 8 && pitch > 3) away++;
            if (Math.abs(yaw) < 5) back++;
        }
        assertThat(away).isGreaterThan(300);
        assertThat(back).isGreaterThan(5);
    }

    @Test
    void aCastIsPlannedIdenticallyOnAnyThreadAndEachCharacterHasItsOwnBlinks() throws Exception {
        AudioFeatures audio = speech(20, 3);
        Shot shot = dialogue(tracks(), tracks());
        List<Performer> cast = cast(shot, audio);
        List<Performance> reference = planner.planAll(shot, cast, 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Performance>>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) runs.add(pool.submit(() -> new PerformancePlanner(TestGestures.LIBRARY).planAll(shot, cast, 7)));
            for (Future<List<Performance>> r : runs) assertThat(r.get()).isEqualTo(reference);
        } finally {
            pool.shutdown();
        }
        assertThat(reference.get(0).behaviours(Behaviour.Kind.BLINK))
                .isNotEqualTo(reference.get(1).behaviours(Behaviour.Kind.BLINK));
    }

    @Test
    void aPartnerWithItsOwnRecordingIsFittedToTheShot() {
        AudioFeatures shotAudio = speech(10, 3);
        AudioFeatures own = speech(14, 8);
        Shot s = shot();
        Shot shot = new Shot("s", "S", "a.wav", "mira", RATE, s.resolution(), s.tracks(),
                List.of(new Partner("otto", "otto.wav", List.of(), s.tracks())), List.of(), Map.of(), List.of());
        Project project = new Project("p", List.of(MIRA, OTTO), List.of(shot), Map.of());
        List<Performer> cast = Cast.of(project, shot, shotAudio, path -> own);
        assertThat(cast.get(1).voice().frameCount()).isEqualTo(shotAudio.frameCount());
        assertThat(cast.get(0).voice()).isSameAs(shotAudio);
        assertThat(planner.plan(shot, cast, 1, 1).frameCount()).isEqualTo(shotAudio.frameCount());
    }
}
