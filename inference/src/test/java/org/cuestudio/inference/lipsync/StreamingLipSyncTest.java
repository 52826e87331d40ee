package org.cuestudio.inference.lipsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.cuestudio.core.audio.AudioClip;
import org.cuestudio.core.live.LiveLipSync;
import org.cuestudio.core.live.LiveLipSyncProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming lip-sync against the offline model, on a clip made here ({@link LipSyncModelTest#speechLike}). */
class StreamingLipSyncTest {
    static LipSyncModel offline;
    static StreamingLipSync streaming;

    @BeforeAll
    static void load() {
        offline = LipSyncModel.loadDefault();
        streaming = StreamingLipSync.loadDefault();
    }

    @AfterAll
    static void close() {
        offline.close();
    }

    static float[] firstSecond() {
        // one window of the offline model (at most 100 frames) so that it runs the whole clip at once
        return java.util.Arrays.copyOf(LipSyncModelTest.speechLike(16_000).samples(), 15_000);
    }

    static float peak(float[] s) {
        float p = 0;
        for (float v : s) p = Math.max(p, Math.abs(v));
        return p;
    }

    @Test
    void withUnboundedLookAheadAndTheClipsPeakItComputesWhatTheOfflineModelDoes() {
        float[] s = firstSecond();
        float[][] want = offline.logProbs(new AudioClip(16_000, s));
        StreamingLipSync.Session session = streaming.session(10_000, 0, peak(s));
        for (int i = 0; i < s.length; i += 160) session.accept(s, i, Math.min(160, s.length - i));
        session.finish();
        float[][] got = session.logProbs();
        assertThat(got.length).isEqualTo(want.length);
        for (int t = 0; t < want.length; t++) {
            for (int k = 0; k < want[t].length; k++) assertThat(got[t][k]).isCloseTo(want[t][k], org.assertj.core.data.Offset.offset(1e-3f));
        }
    }

    @Test
    void howTheAudioIsChunkedDoesNotChangeTheResult() {
        float[] s = LipSyncModelTest.speechLike(16_000).samples();
        int[] a = run(s, 160), b = run(s, 999);
        assertThat(b).containsExactly(a);
    }

    @Test
    void withItsBoundedLookAheadItAgreesWithTheOfflineModelOnMostFrames() {
        AudioClip clip = LipSyncModelTest.speechLike(16_000);
        int[] want = new CueDecoder(4, 2).decode(offline.logProbs(clip));
        int[] got = run(clip.samples(), 320);
        assertThat(got.length).isEqualTo(want.length);
        int same = 0;
        for (int t = 0; t < want.length; t++) if (got[t] == want[t]) same++;
        assertThat(same / (double) want.length).isGreaterThan(0.8);
    }

    @Test
    void decisionsTrailTheAudioByTheStatedDelayAtMost() {
        float[] s = LipSyncModelTest.speechLike(16_000).samples();
        LiveLipSync live = LiveLipSyncProvider.load().create(6, 2);
        for (int i = 0; i < s.length; i += 160) {
            live.accept(s, i, 160);
            int heard = (i + 160) / 160;
            assertThat(live.decidedFrames()).isGreaterThanOrEqualTo(heard - live.delayFrames());
        }
    }

    private static int[] run(float[] s, int chunk) {
        StreamingLipSync.Session session = streaming.session(6, 2);
        for (int i = 0; i < s.length; i += chunk) session.accept(s, i, Math.min(chunk, s.length - i));
        session.finish();
        return session.path();
    }
}
