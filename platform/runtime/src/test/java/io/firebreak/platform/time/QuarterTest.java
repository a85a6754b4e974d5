package io.firebreak.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class QuarterTest {

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
        assertThat(q4.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
    }
}
