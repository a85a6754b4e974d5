package io.firebreak.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunCoalescerTest {

    @Test
    void triggersDuringARunCoalesceIntoExactlyOneMoreRun() {
        AtomicInteger runs = new AtomicInteger();
        io.smallrye.mutiny.subscription.UniEmitter<? super Integer>[] current = new io.smallrye.mutiny.subscription.UniEmitter[1];
        RunCoalescer<Integer> coalescer = new RunCoalescer<>(() -> Uni.createFrom().emitter(e -> {
            runs.incrementAndGet();
            current[0] = e;
        }), r -> { }, e -> { });

        coalescer.trigger();
        coalescer.trigger();
        coalescer.trigger();
        assertThat(runs).hasValue(1);
        current[0].complete(1); // the first run ends: one more run for the three triggers made during it
        assertThat(runs).hasValue(2);
        current[0].complete(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void noRunStartsAfterPauseHasReturnedEvenWhenPauseLandsBetweenTheCheckAndTheStart() {
        // A trigger that passed the "paused?" check, then lost the CPU while pause() saw no run in
        // progress and returned, used to start a run behind pause()'s back.
        AtomicBoolean pausedReturned = new AtomicBoolean();
        AtomicInteger runsAfterPause = new AtomicInteger();
        RunCoalescer<Integer> coalescer = new RunCoalescer<>(() -> {
            if (pausedReturned.get()) {
                runsAfterPause.incrementAndGet();
            }
            return Uni.createFrom().item(1);
        }, r -> { }, e -> { });
        coalescer.beforeTakingRun = () -> {
            coalescer.pause().await().atMost(Duration.ofSeconds(5));
            pausedReturned.set(true);
        };

        coalescer.trigger();

        assertThat(pausedReturned).isTrue();
        assertThat(runsAfterPause).hasValue(0);
        assertThat(coalescer.running()).isFalse();
        coalescer.beforeTakingRun = () -> { };
        coalescer.resume(); // the trigger is not lost: resuming runs it
        assertThat(runsAfterPause).hasValue(1);
    }

    @Test
    void pauseAndTriggerRacingFromTwoThreadsNeverRunAfterPauseReturned() throws Exception {
        for (int round = 0; round < 500; round++) {
            AtomicBoolean pausedReturned = new AtomicBoolean();
            AtomicInteger runsAfterPause = new AtomicInteger();
            RunCoalescer<Integer> coalescer = new RunCoalescer<>(() -> {
                if (pausedReturned.get()) {
                    runsAfterPause.incrementAndGet();
                }
                return Uni.createFrom().item(1);
            }, r -> { }, e -> { });
            CountDownLatch go = new CountDownLatch(1);
            Thread triggering = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 100; i++) {
                    coalescer.trigger();
                }
            });
            triggering.start();
            go.countDown();
            coalescer.pause().await().atMost(Duration.ofSeconds(5));
            pausedReturned.set(true);
            triggering.join();

            assertThat(runsAfterPause).as("runs started after pause() returned, round %d", round).hasValue(0);
        }
    }

    @Test
    void aFailingRunIsReportedAndTheNextTriggerRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        RunCoalescer<Integer> coalescer = new RunCoalescer<>(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("database gone"));
        }, r -> { }, e -> failures.incrementAndGet());

        coalescer.trigger();
        coalescer.trigger();

        assertThat(runs).hasValue(2);
        assertThat(failures).hasValue(2);
        assertThat(coalescer.running()).isFalse();
    }
}
