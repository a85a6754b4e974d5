package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.review.domain.PostmortemDueDates.Quarter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostmortemDueDatesTest {

    @Test
    void realP1AndP2IncidentsGetAPostmortemDue72HoursAfterResolution() {
        assertThat(PostmortemDueDates.needsPostmortem("P1", false)).isTrue();
        assertThat(PostmortemDueDates.needsPostmortem("P2", false)).isTrue();
        assertThat(PostmortemDueDates.needsPostmortem("P3", false)).isFalse();
        assertThat(PostmortemDueDates.needsPostmortem("P1", true)).isFalse();
        assertThat(PostmortemDueDates.due(Instant.parse("2026-11-27T23:30:00Z"), PostmortemDueDates.DEFAULT_DUE_AFTER))
                .isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
        assertThat(PostmortemDueDates.due(Instant.parse("2026-11-27T23:30:00Z"), Duration.ofHours(120)))
                .isEqualTo(Instant.parse("2026-12-02T23:30:00Z"));
    }

    @Test
    void quartersAreHalfOpenUtcRangesAcrossYearEnds() {
        Quarter q4 = Quarter.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q4.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(q4.next()).isEqualTo(new Quarter(2027, 1));
        assertThat(new Quarter(2027, 1).previous()).isEqualTo(q4);
        assertThat(q4.contains(Instant.parse("2026-12-31T23:59:59Z"))).isTrue();
        assertThat(q4.contains(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        assertThat(Quarter.of(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.parse("2026-Q5")).isNull();
        assertThat(Quarter.parse("Q4-2026")).isNull();
    }
}
