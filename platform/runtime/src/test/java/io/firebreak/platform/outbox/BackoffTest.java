package io.firebreak.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerAttemptUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofMinutes(1));

        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofMillis(51_200));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aZeroInitialDelayRetriesAtOnceInsteadOfWaitingTheMaximum() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofMinutes(1));

        assertThat(backoff.after(1)).isZero();
        assertThat(backoff.after(20)).isZero();
    }

    @Test
    void hugeAttemptCountsDoNotOverflowBelowTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(365_000));

        assertThat(backoff.after(62)).isEqualTo(Duration.ofDays(365_000));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(365_000));
    }
}
