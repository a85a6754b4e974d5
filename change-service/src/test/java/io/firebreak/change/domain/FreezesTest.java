package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezesTest {

    private static final Instant FROM = Instant.parse("2026-12-20T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-04T00:00:00Z");
    private static final Freezes.Window HOLIDAYS = new Freezes.Window("holidays", FROM, UNTIL, List.of());
    private static final Freezes.Window BLACK_FRIDAY = new Freezes.Window("black friday", Instant.parse("2026-11-27T00:00:00Z"),
            Instant.parse("2026-11-30T00:00:00Z"), List.of("checkout"));

    @Test
    void aWindowCoversItsServicesFromItsStartUntilJustBeforeItsEnd() {
        assertThat(Freezes.covering(List.of(HOLIDAYS, BLACK_FRIDAY), "search", FROM)).containsExactly(HOLIDAYS);
        assertThat(Freezes.covering(List.of(HOLIDAYS), "search", FROM.minusSeconds(1))).isEmpty();
        assertThat(Freezes.covering(List.of(HOLIDAYS), "search", UNTIL)).isEmpty();
        assertThat(Freezes.covering(List.of(BLACK_FRIDAY), "checkout", Instant.parse("2026-11-28T12:00:00Z"))).containsExactly(BLACK_FRIDAY);
        assertThat(Freezes.covering(List.of(BLACK_FRIDAY), "search", Instant.parse("2026-11-28T12:00:00Z"))).isEmpty();
    }

    @Test
    void anExpiredExceptionNoLongerAllowsImplementation() {
        Instant granted = FROM.plus(Duration.ofDays(1));
        Instant expires = granted.plus(Duration.ofHours(4));
        assertThat(Freezes.exceptionValid(granted, expires, granted.plus(Duration.ofHours(3)))).isTrue();
        assertThat(Freezes.exceptionValid(granted, expires, expires)).isFalse();
        assertThat(Freezes.exceptionValid(granted, expires, granted.minusSeconds(1))).isFalse();
    }

    @Test
    void aFreezeExceptionNeedsRollbackStepsAVerificationCheckAndAnEstimatedTime() {
        assertThat(Freezes.planGaps(new Freezes.RollbackPlan(List.of("helm rollback checkout 41"), "error rate < 1 % for 10 min",
                Duration.ofMinutes(5)))).isEmpty();
        assertThat(Freezes.planGaps(new Freezes.RollbackPlan(List.of(" "), "", Duration.ZERO))).hasSize(3);
        assertThat(Freezes.planGaps(null)).containsExactly("a rollback plan is required");
    }
}
