package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.domain.Recurrence.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(90);

    private static Occurrence on(String service, int daysAgo, Set<String> fingerprints, Set<String> factors) {
        return new Occurrence(UUID.randomUUID(), "INC-" + daysAgo, service, NOW.minus(Duration.ofDays(daysAgo)), fingerprints, factors);
    }

    @Test
    void theThirdIncidentWithOneFingerprintOnOneServiceInTheWindowBreachesTheThreshold() {
        Occurrence a = on("checkout", 80, Set.of("db-pool"), Set.of());
        Occurrence b = on("checkout", 40, Set.of("db-pool"), Set.of());
        assertThat(Recurrence.breaches(List.of(a, b), NOW, WINDOW, 3)).isEmpty();
        Occurrence c = on("checkout", 1, Set.of("db-pool", "latency"), Set.of());
        var breaches = Recurrence.breaches(List.of(c, a, b), NOW, WINDOW, 3);
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).basis()).isEqualTo(Recurrence.FINGERPRINT);
        assertThat(breaches.get(0).incidents()).containsExactly(a, b, c);
    }

    @Test
    void incidentsOutsideTheWindowOnAnotherServiceOrCountedTwiceDoNotRecur() {
        Occurrence old = on("checkout", 120, Set.of("db-pool"), Set.of());
        Occurrence other = on("search", 10, Set.of("db-pool"), Set.of());
        Occurrence a = on("checkout", 20, Set.of("db-pool"), Set.of());
        assertThat(Recurrence.breaches(List.of(old, other, a, a), NOW, WINDOW, 2)).isEmpty();
    }

    @Test
    void aSharedContributingFactorRecursAndTheRateIsTheShareOfRecurringIncidents() {
        Occurrence a = on("checkout", 30, Set.of(), Set.of("design/single-point-of-failure"));
        Occurrence b = on("checkout", 5, Set.of(), Set.of("design/single-point-of-failure"));
        Occurrence c = on("checkout", 3, Set.of("disk"), Set.of());
        Occurrence d = on("checkout", 2, Set.of(), Set.of());
        assertThat(Recurrence.breaches(List.of(a, b, c, d), NOW, WINDOW, 2)).extracting(Recurrence.Group::basis)
                .containsExactly(Recurrence.FACTOR);
        assertThat(Recurrence.rates(List.of(a, b, c, d), NOW, WINDOW)).containsEntry("checkout", 0.5);
    }
}
