package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    private static final Instant IMPLEMENTED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void validationIsDueInAnHourDocumentationAndTheEffectivenessReviewInADay() {
        assertThat(DueDates.DEFAULT.validationDue(IMPLEMENTED)).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(DueDates.DEFAULT.documentationDue(IMPLEMENTED)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(DueDates.DEFAULT.effectivenessDue(IMPLEMENTED)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(new DueDates(Duration.ofMinutes(30), Duration.ofHours(8), Duration.ofHours(24)).documentationDue(IMPLEMENTED))
                .isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
    }

    @Test
    void anIncidentStartingWithinADayAfterImplementationIsASuspectedRegression() {
        assertThat(DueDates.DEFAULT.withinEffectivenessWindow(IMPLEMENTED, IMPLEMENTED.plus(Duration.ofHours(23)))).isTrue();
        assertThat(DueDates.DEFAULT.withinEffectivenessWindow(IMPLEMENTED, IMPLEMENTED.plus(Duration.ofHours(24)))).isFalse();
        assertThat(DueDates.DEFAULT.withinEffectivenessWindow(IMPLEMENTED, IMPLEMENTED.minusSeconds(1))).isFalse();
    }
}
