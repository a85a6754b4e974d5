package io.firebreak.metrics.model.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodCoverTest {

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void aPeriodInsideOneDayIsAnsweredFromTheIncidentsAlone() {
        PeriodCover c = PeriodCover.of(at("2024-03-05T10:00:00Z"), at("2024-03-05T11:00:00Z"));
        assertThat(c.rollups()).isEmpty();
        assertThat(c.raw()).containsExactly(new PeriodCover.Raw(at("2024-03-05T10:00:00Z"), at("2024-03-05T11:00:00Z")));
    }

    @Test
    void wholeYearsMonthsAndDaysAreReadFromTheirRollupsAndOnlyTheEdgesRaw() {
        PeriodCover c = PeriodCover.of(at("2021-11-29T06:00:00Z"), at("2024-02-03T18:00:00Z"));
        assertThat(c.rollups()).containsExactly(
                new PeriodCover.Range(Grain.DAY, LocalDate.parse("2021-11-30"), LocalDate.parse("2021-12-01")),
                new PeriodCover.Range(Grain.MONTH, LocalDate.parse("2021-12-01"), LocalDate.parse("2022-01-01")),
                new PeriodCover.Range(Grain.YEAR, LocalDate.parse("2022-01-01"), LocalDate.parse("2024-01-01")),
                new PeriodCover.Range(Grain.MONTH, LocalDate.parse("2024-01-01"), LocalDate.parse("2024-02-01")),
                new PeriodCover.Range(Grain.DAY, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-03")));
        assertThat(c.raw()).containsExactly(new PeriodCover.Raw(at("2021-11-29T06:00:00Z"), at("2021-11-30T00:00:00Z")),
                new PeriodCover.Raw(at("2024-02-03T00:00:00Z"), at("2024-02-03T18:00:00Z")));
    }

    @Test
    void anyPeriodIsCoveredExactlyOnceWithoutGapsOrOverlaps() {
        Random random = new Random(11);
        Instant base = at("2019-01-01T00:00:00Z");
        for (int run = 0; run < 2_000; run++) {
            Instant from = base.plusSeconds(random.nextInt(4 * 365 * 86_400));
            if (random.nextBoolean()) {
                from = from.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            }
            Instant until = from.plusSeconds(1 + random.nextInt(random.nextBoolean() ? 86_400 * 3 : 6 * 365 * 86_400));
            PeriodCover c = PeriodCover.of(from, until);
            List<Instant[]> pieces = new ArrayList<>();
            c.raw().forEach(r -> pieces.add(new Instant[] {r.from(), r.until()}));
            for (PeriodCover.Range r : c.rollups()) {
                for (LocalDate d = r.from(); d.isBefore(r.until()); d = r.grain().next(d)) {
                    assertThat(r.grain().start(d)).isEqualTo(d);
                    pieces.add(new Instant[] {start(d), start(r.grain().next(d))});
                }
            }
            pieces.sort((a, b) -> a[0].compareTo(b[0]));
            Instant cursor = from;
            for (Instant[] p : pieces) {
                assertThat(p[0]).isEqualTo(cursor);
                cursor = p[1];
            }
            assertThat(cursor).isEqualTo(until);
            assertThat(c.raw()).hasSizeLessThanOrEqualTo(2);
            c.raw().forEach(r -> assertThat(Duration.between(r.from(), r.until())).isLessThan(Duration.ofDays(1)));
            assertThat(c.rollups()).hasSizeLessThanOrEqualTo(5);
        }
    }
}
