package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.audio.LipSync;
import org.cuestudio.core.audio.LipSyncProvider;
import org.cuestudio.core.audio.MouthCue;
import org.cuestudio.core.audio.RhubarbFormat;
import org.cuestudio.core.model.MouthShape;
import org.cuestudio.core.time.FrameRate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed model on clips made here: vowel-like buzzes (a pulse train through two formants) between silences. */
class LipSyncModelTest {
    static LipSyncModel model;
    static double loadSeconds;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        model = LipSyncModel.loadDefault();
        loadSeconds = (System.nanoTime() - t0) / 1e9;
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** 0.6 s silence, then "syllables" of a 120 Hz buzz with formants, then 0.8 s silence; -70 dB noise floor. */
    static AudioClip speechLike(int rate) {
        SplittableRandom r = new SplittableRandom(5);
        int n = (int) (3.4 * rate);
        float[] s = new float[n];
        double[][] formants = {{700, 1200}, {300, 2300}, {500, 900}, {650, 1700}};
        double y1 = 0, y2 = 0, z1 = 0, z2 = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double x = 0;
            if (t > 0.6 && t < 2.6) {
                int syl = (int) ((t - 0.6) / 0.25);
                double local = (t - 0.6) - syl * 0.25;
                double env = local < 0.18 ? Math.sin(Math.PI * local / 0.18) : 0;
                double[] f = formants[syl % formants.length];
                double pulse = (i % (rate / 120)) == 0 ? 1 : 0;
                double w1 = 2 * Math.PI * f[0] / rate, w2 = 2 * Math.PI * f[1] / rate;
                double a1 = 0.97, a2 = 0.95;
                double v1 = pulse + 2 * a1 * Math.cos(w1) * y1 - a1 * a1 * y2;
                y2 = y1;
                y1 = v1;
                double v2 = v1 + 2 * a2 * Math.cos(w2) * z1 - a2 * a2 * z2;
                z2 = z1;
                z1 = v2;
                x = env * (v1 * 0.02 + v2 * 0.004);
            }
            s[i] = (float) (x + 3e-4 * (r.nextDouble() * 2 - 1));
        }
        float peak = 0;
        for (float v : s) peak = Math.max(peak, Math.abs(v));
        for (int i = 0; i < n; i++) s[i] *= 0.8f / peak;
        return new AudioClip(rate, s);
    }

    @Test
    void loadsInUnderASecondAfterTheEngineIsUp() throws Exception {
        long t0 = System.nanoTime();
        try (LipSyncModel again = LipSyncModel.load(LipSyncModel.defaultDir())) {
            assertThat(again.logProbs(new float[0][])).isEmpty();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        }
    }

    @Test
    void cuesCoverTheWholeClipContiguously() {
        AudioClip clip = speechLike(16_000);
        List<MouthCue> cues = model.analyse(clip, (String) null);
        assertThat(cues).isNotEmpty();
        assertThat(cues.getFirst().startTicks()).isZero();
        assertThat(cues.getLast().endTicks()).isEqualTo(clip.durationTicks());
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).startTicks()).isEqualTo(cues.get(i - 1).endTicks());
            MouthCue a = cues.get(i - 1), b = cues.get(i);
            assertThat(a.shape() != b.shape() || a.mouth() != b.mouth()).as("cue %d differs from the one before", i).isTrue();
        }
    }

    @Test
    void theCommittedModelRefinesShapesIntoMouthsItsTableAllows() throws Exception {
        assertThat(model.hasMouthHead()).isTrue();
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(LipSyncModel.defaultDir().resolve(LipSyncModel.MOUTH_PROPERTIES))) {
            p.load(in);
        }
        MouthRefiner table = MouthRefiner.from(p);
        List<MouthCue> cues = model.analyse(speechLike(16_000), (String) null);
        for (MouthCue c : cues) assertThat(table.allowed(c.shape())).as("%s", c).contains(c.mouth());
        // the formant buzzes are not all one mouth: the head refines, it does not just copy the shape's default
        assertThat(cues.stream().filter(c -> c.mouth() != org.cuestudio.core.model.AnimatorMouth.of(c.shape()))).isNotEmpty();
    }

    @Test
    void aModelFolderWithoutTheMouthHeadGivesEachShapeItsOwnMouth(@TempDir Path dir) throws Exception {
        for (String f : List.of("lipsync-0000.params", "lipsync.properties")) {
            java.nio.file.Files.copy(LipSyncModel.defaultDir().resolve(f), dir.resolve(f));
        }
        AudioClip clip = speechLike(16_000);
        try (LipSyncModel bare = LipSyncModel.load(dir)) {
            assertThat(bare.hasMouthHead()).isFalse();
            List<MouthCue> cues = bare.analyse(clip, (String) null);
            assertThat(cues).allMatch(c -> c.mouth() == org.cuestudio.core.model.AnimatorMouth.of(c.shape()));
            // the head never changes the shapes
            assertThat(LipSync.sample(cues, new FrameRate(100, 1), 340))
                    .containsExactly(LipSync.sample(model.analyse(clip, (String) null), new FrameRate(100, 1), 340));
        }
    }

    @Test
    void aBrokenMouthHeadIsAClearError(@TempDir Path dir) throws Exception {
        for (String f : List.of("lipsync-0000.params", "lipsync.properties")) {
            java.nio.file.Files.copy(LipSyncModel.defaultDir().resolve(f), dir.resolve(f));
        }
        java.nio.file.Files.writeString(dir.resolve(LipSyncModel.MOUTH_PROPERTIES), "allowed.B=S\n");
        java.nio.file.Files.write(dir.resolve("animator-0000.params"), new byte[] {1, 2, 3});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LipSyncModel.load(dir))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("animator.properties");
    }

    @Test
    void silenceRestsAndTheBuzzOpensTheMouth() {
        AudioClip clip = speechLike(16_000);
        MouthShape[] frames = LipSync.sample(model.analyse(clip, (String) null), new FrameRate(100, 1), 340);
        assertThat(frames[20]).isEqualTo(MouthShape.X);
        assertThat(frames[320]).isEqualTo(MouthShape.X);
        long open = 0;
        for (int f = 60; f < 260; f++) if (frames[f] != MouthShape.X && frames[f] != MouthShape.A) open++;
        assertThat(open).isGreaterThan(60);
    }

    @Test
    void dialogTextGivesWellFormedCuesToo() {
        AudioClip clip = speechLike(16_000);
        List<MouthCue> cues = model.analyse(clip, "Mama made a pie.\nOh boy!");
        assertThat(cues.getFirst().startTicks()).isZero();
        assertThat(cues.getLast().endTicks()).isEqualTo(clip.durationTicks());
        assertThat(model.analyse(clip, "Mama made a pie.\nOh boy!")).isEqualTo(cues);
    }

    @Test
    void sameAudioGivesTheSameCues() {
        AudioClip clip = speechLike(16_000);
        assertThat(model.analyse(clip, (String) null)).isEqualTo(model.analyse(clip, (String) null));
    }

    @Test
    void otherSampleRatesAreResampled() {
        List<MouthCue> cues = model.analyse(speechLike(44_100), (String) null);
        assertThat(cues.getLast().endTicks()).isEqualTo(speechLike(44_100).durationTicks());
    }

    @Test
    void aWavWrittenAndReadBackGivesWellFormedRhubarbTsv(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("clip.wav");
        Wav.write(wav, speechLike(16_000));
        AudioClip clip = Wav.read(wav);
        String tsv = RhubarbFormat.tsv(model.analyse(clip, (String) null), clip.durationTicks());
        String[] lines = tsv.split("\n");
        assertThat(lines[0]).isEqualTo("0.00\tX");
        assertThat(lines[lines.length - 1]).isEqualTo("3.40\tX");
        double last = -1;
        for (String line : lines) {
            assertThat(line).matches("\\d+\\.\\d\\d\t[A-HX]");
            double t = Double.parseDouble(line.split("\t")[0]);
            assertThat(t).isGreaterThan(last);
            last = t;
        }
    }

    @Test
    void theProviderIsFoundThroughServiceLoader() {
        try (LipSync viaPort = LipSyncProvider.load().create()) {
            assertThat(viaPort).isInstanceOf(LipSyncModel.class);
        }
    }
}
