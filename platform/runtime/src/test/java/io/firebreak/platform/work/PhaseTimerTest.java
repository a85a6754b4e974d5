package io.firebreak.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PhaseTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PhaseTimer phases = new PhaseTimer(registry, "test.phase", "phases of a test");

    private Timer timer(String phase) {
        return registry.get("test.phase").tag("phase", phase).timer();
    }

    @Test
    void aPhaseIsTimedFromSubscriptionToItsItemEachTimeItRuns() {
        Uni<String> slow = phases.time("slow", () -> Uni.createFrom().item("done").onItem().delayIt().by(Duration.ofMillis(30)));

        assertThat(slow.await().indefinitely()).isEqualTo("done");
        assertThat(slow.await().indefinitely()).isEqualTo("done");

        assertThat(timer("slow").count()).isEqualTo(2);
        assertThat(timer("slow").totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aFailingPhaseIsTimedTooAndEachPhaseHasItsOwnTimer() {
        phases.time("quick", () -> Uni.createFrom().item(1)).await().indefinitely();

        assertThatThrownBy(() -> phases.time("failing", () -> Uni.createFrom().failure(new IllegalStateException("no")))
                .await().indefinitely()).hasMessage("no");

        assertThat(timer("quick").count()).isEqualTo(1);
        assertThat(timer("failing").count()).isEqualTo(1);
    }

    @Test
    void nothingIsRecordedUntilThePhaseRuns() {
        Uni<Integer> never = phases.time("unsubscribed", () -> Uni.createFrom().item(1));

        assertThat(registry.find("test.phase").tag("phase", "unsubscribed").timer()).isNull();
        assertThat(never).isNotNull();
    }
}
