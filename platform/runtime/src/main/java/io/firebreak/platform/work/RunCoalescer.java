package io.firebreak.platform.work;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one job at a time however often it is asked: a request during a run schedules exactly one more.
 * Pausing waits for the current run and guarantees no run starts until {@link #resume()}.
 */
public final class RunCoalescer<T> {

    private final Supplier<Uni<T>> job;
    private final Consumer<T> afterRun;
    private final Consumer<Throwable> afterFailure;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean stopped;
    /** Test seam: runs between the pause check and taking the run, where a concurrent pause() can land. */
    volatile Runnable beforeTakingRun = () -> { };

    public RunCoalescer(Supplier<Uni<T>> job, Consumer<T> afterRun, Consumer<Throwable> afterFailure) {
        this.job = job;
        this.afterRun = afterRun;
        this.afterFailure = afterFailure;
    }

    /** Asks for a run; coalesces with a run already in progress. */
    public void trigger() {
        again.set(true);
        if (paused || stopped) {
            return;
        }
        beforeTakingRun.run();
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Checked again after taking the run: a pause() that saw no run in progress must win, or a run
        // could start after pause() returned (both fields are volatile, so one of the two sees the other).
        if (paused || stopped) {
            running.set(false);
            return;
        }
        again.set(false);
        Uni<T> run;
        try {
            run = job.get();
        } catch (RuntimeException e) {
            finish(null, e);
            return;
        }
        run.subscribe().with(result -> finish(result, null), failure -> finish(null, failure));
    }

    private void finish(T result, Throwable failure) {
        try {
            if (failure != null) {
                afterFailure.accept(failure);
            } else {
                afterRun.accept(result);
            }
        } finally {
            running.set(false);
            if (again.get()) {
                trigger();
            }
        }
    }

    /** Stops starting new runs; completes when the current run is over. */
    public Uni<Void> pause() {
        paused = true;
        return Uni.createFrom().item(running::get).repeat().withDelay(Duration.ofMillis(10))
                .until(busy -> !busy).collect().last().replaceWithVoid();
    }

    public void resume() {
        paused = false;
        trigger();
    }

    public void stop() {
        stopped = true;
    }

    public boolean running() {
        return running.get();
    }
}
