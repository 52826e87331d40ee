package org.cuestudio.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RenderSchedulerTest {
    /** A clock the test advances: each rendered frame takes 1 s of it unless a job says otherwise. */
    private long nanos;
    private final RenderScheduler scheduler = new RenderScheduler(() -> nanos);
    private final List<String> log = new ArrayList<>();
    /** Segments finished by any run, like the segment cache: a run skips them. */
    private final Set<String> cache = new HashSet<>();

    RenderSchedulerTest() {
        scheduler.addListener(e -> log.add(describe(e)));
    }

    /** A job of {@code segments} segments of 10 frames; {@code during} runs inside segment (index) of a run. */
    private RenderJob job(String name, RenderPriority p, int segments, long nanosPerFrame, SegmentHook during) {
        return new RenderJob(name, p, ctx -> {
            for (int s = 0; s < segments; s++) {
                ctx.cancellation().throwIfCancelled();
                String key = name + "/" + s;
                if (cache.add(key)) {
                    log.add("render " + key);
                    for (int f = 0; f < 10; f++) {
                        during.frame(s, f);
                        ctx.cancellation().throwIfCancelled(); // the backend checks between frames
                        nanos += nanosPerFrame;
                    }
                }
                ctx.progress().progress((s + 1) * 10L, segments * 10L, "");
            }
        });
    }

    private RenderJob job(String name, RenderPriority p, int segments) {
        return job(name, p, segments, 1_000_000_000L, (s, f) -> { });
    }

    @FunctionalInterface
    interface SegmentHook {
        void frame(int segment, int frame);
    }

    @Test
    void runsTheMostUrgentWaitingJobFirstAndEqualPrioritiesInSubmissionOrder() {
        scheduler.submit(job("export", RenderPriority.EXPORT, 1));
        scheduler.submit(job("take1", RenderPriority.TAKE, 1));
        scheduler.submit(job("scrub", RenderPriority.SCRUB, 1));
        scheduler.submit(job("take2", RenderPriority.TAKE, 1));
        scheduler.submit(job("preview", RenderPriority.PREVIEW, 1));

        scheduler.drain();

        assertThat(log).filteredOn(l -> l.startsWith("render"))
                .containsExactly("render scrub/0", "render preview/0", "render take1/0", "render take2/0",
                        "render export/0");
    }

    @Test
    void aMoreUrgentJobPreemptsAtTheNextSegmentBoundaryAndThePreemptedJobResumesWithoutRedoingSegments() {
        RenderTicket[] scrub = new RenderTicket[1];
        RenderTicket take = scheduler.submit(job("take", RenderPriority.TAKE, 4, 1_000_000_000L, (s, f) -> {
            if (s == 1 && f == 3 && scrub[0] == null) {
                scrub[0] = scheduler.submit(job("scrub", RenderPriority.SCRUB, 1));
            }
        }));

        scheduler.drain();

        assertThat(log).filteredOn(l -> !l.startsWith("progress")).containsExactly(
                "queued take", "started take", "render take/0", "render take/1", "queued scrub",
                "preempted take by scrub", "started scrub", "render scrub/0", "finished scrub",
                "resumed take", "render take/2", "render take/3", "finished take");
        assertThat(take.state()).isEqualTo(RenderTicket.State.FINISHED);
        assertThat(take.progress().framesDone()).isEqualTo(40);
    }

    @Test
    void aJobOfEqualOrLowerPriorityWaitsForTheRunningOne() {
        scheduler.submit(job("take", RenderPriority.TAKE, 3, 1, (s, f) -> {
            if (s == 0 && f == 0) {
                scheduler.submit(job("export", RenderPriority.EXPORT, 1));
                scheduler.submit(job("take2", RenderPriority.TAKE, 1));
            }
        }));

        scheduler.drain();

        assertThat(log).filteredOn(l -> l.startsWith("render") || l.startsWith("preempted"))
                .containsExactly("render take/0", "render take/1", "render take/2", "render take2/0",
                        "render export/0");
    }

    @Test
    void cancellingARunningJobStopsItWithinTheSegment() {
        RenderTicket[] take = new RenderTicket[1];
        take[0] = scheduler.submit(job("take", RenderPriority.TAKE, 5, 1, (s, f) -> {
            if (s == 2 && f == 4) take[0].cancel();
        }));

        scheduler.drain();

        assertThat(take[0].state()).isEqualTo(RenderTicket.State.CANCELLED);
        assertThat(take[0].progress().framesDone()).isEqualTo(20);
        assertThat(log).doesNotContain("render take/3").endsWith("cancelled take");
    }

    @Test
    void cancellingAWaitingJobDropsItAtOnce() {
        RenderTicket export = scheduler.submit(job("export", RenderPriority.EXPORT, 1));

        export.cancel();
        scheduler.drain();

        assertThat(export.state()).isEqualTo(RenderTicket.State.CANCELLED);
        assertThat(scheduler.waiting()).isEmpty();
        assertThat(log).containsExactly("queued export", "cancelled export");
    }

    @Test
    void aFailingJobReportsItsReasonAndTheNextJobRuns() {
        RenderTicket bad = scheduler.submit(new RenderJob("bad", RenderPriority.TAKE, ctx -> {
            throw new IllegalStateException("the sheet has no Head layer");
        }));
        scheduler.submit(job("next", RenderPriority.EXPORT, 1));

        scheduler.drain();

        assertThat(bad.state()).isEqualTo(RenderTicket.State.FAILED);
        assertThat(bad.failure()).isEqualTo("the sheet has no Head layer");
        assertThat(log).contains("failed bad: the sheet has no Head layer", "finished next");
    }

    @Test
    void progressCountsFramesAndTheEtaFollowsAMovingAverageOfSecondsPerFrame() {
        List<JobProgress> seen = new ArrayList<>();
        scheduler.addListener(e -> {
            if (e instanceof RenderEvent.Progress p) seen.add(p.progress());
        });
        // 10 segments: the first 8 at 1 s a frame, then 2 s a frame.
        scheduler.submit(new RenderJob("take", RenderPriority.TAKE, ctx -> {
            for (int s = 0; s < 10; s++) {
                nanos += (s < 8 ? 1 : 2) * 10 * 1_000_000_000L;
                ctx.progress().progress((s + 1) * 10L, 100, "");
            }
        }));

        scheduler.drain();

        assertThat(seen).hasSize(10);
        assertThat(seen.get(0)).isEqualTo(new JobProgress(10, 100, Duration.ofSeconds(90)));
        // After segment 9 the window holds 7 segments at 1 s/frame and 1 at 2 s/frame: 1.125 s/frame, 10 left.
        assertThat(seen.get(8)).isEqualTo(new JobProgress(90, 100, Duration.ofMillis(11_250)));
        assertThat(seen.get(9)).isEqualTo(new JobProgress(100, 100, Duration.ZERO));
    }

    @Test
    @Timeout(30)
    void theWorkerThreadRunsJobsAsTheyComeAndCloseKeepsWaitingJobs() throws Exception {
        RenderScheduler threaded = new RenderScheduler();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        threaded.addListener(e -> {
            if (e instanceof RenderEvent.Finished) done.countDown();
        });
        threaded.start(r -> new Thread(r, "render-test"));
        RenderTicket first = threaded.submit(new RenderJob("first", RenderPriority.TAKE, ctx -> { }));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        RenderTicket blocking = threaded.submit(new RenderJob("blocking", RenderPriority.TAKE, ctx -> {
            release.await(10, TimeUnit.SECONDS);
            ctx.cancellation().throwIfCancelled();
        }));
        RenderTicket later = threaded.submit(new RenderJob("later", RenderPriority.EXPORT, ctx -> { }));
        while (blocking.state() == RenderTicket.State.QUEUED) Thread.onSpinWait();

        Thread closer = new Thread(() -> {
            try {
                threaded.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        while (!blocking.cancelRequested) Thread.onSpinWait();
        release.countDown();
        closer.join(10_000);

        assertThat(first.state()).isEqualTo(RenderTicket.State.FINISHED);
        assertThat(blocking.state()).isEqualTo(RenderTicket.State.CANCELLED);
        assertThat(threaded.waiting()).containsExactly(later);
    }

    private static String describe(RenderEvent e) {
        String n = e.ticket().job().label();
        return switch (e) {
            case RenderEvent.Queued q -> "queued " + n;
            case RenderEvent.Started s -> (s.resumed() ? "resumed " : "started ") + n;
            case RenderEvent.Progress p -> "progress " + n + " " + p.progress().framesDone();
            case RenderEvent.Preempted p -> "preempted " + n + " by " + p.by().job().label();
            case RenderEvent.Finished f -> "finished " + n;
            case RenderEvent.Failed f -> "failed " + n + ": " + f.reason();
            case RenderEvent.Cancelled c -> "cancelled " + n;
        };
    }

}
