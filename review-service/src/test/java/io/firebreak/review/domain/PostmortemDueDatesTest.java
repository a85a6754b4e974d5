package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
}
