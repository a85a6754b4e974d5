package io.firebreak.platform.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wall time of the phases of one kind of work, as the timer {@code name{phase=…}}: where a batch's time goes when its
 * CPU does not explain it (a phase that waits on a round trip or on its event loop shows here, not in a CPU profile).
 * A phase is timed from subscription to its item or failure.
 */
public final class PhaseTimer {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PhaseTimer(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    public <T> Uni<T> time(String phase, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.get().onTermination().invoke(() -> timer(phase).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    private Timer timer(String phase) {
        return timers.computeIfAbsent(phase, p -> Timer.builder(name).description(description).tag("phase", p).register(registry));
    }
}
