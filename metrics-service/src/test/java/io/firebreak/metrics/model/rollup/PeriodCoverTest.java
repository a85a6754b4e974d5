package io.firebreak.metrics.model.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodCoverTest {

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    private static Instant midnight(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void aPeriodInsideOneDayIsAnsweredFromTheIncidentsAlone() {
        PeriodCover c = PeriodCover.of(at("2024-03-05T10:00:00Z"), at("2024-03-05T11:00:00Z"));
        assertThat(c.blocks()).isEmpty();
        assertThat(c.raw()).containsExactly(new PeriodCover.Raw(at("2024-03-05T10:00:00Z"), at("2024-03-05T11:00:00Z")));
    }

    @Test
    void aPeriodAcrossMidnightWithoutAWholeDayIsTwoPartialDays() {
        PeriodCover c = PeriodCover.of(at("2013-12-31T12:00:00Z"), at("2014-01-01T12:00:00Z"));
        assertThat(c.blocks()).isEmpty();
        assertThat(c.raw()).containsExactly(new PeriodCover.Raw(at("2013-12-31T12:00:00Z"), at("2014-01-01T00:00:00Z")),
                new PeriodCover.Raw(at("2014-01-01T00:00:00Z"), at("2014-01-01T12:00:00Z")));
    }

    @Test
    void wholeDaysAreReadFromAlignedBlocksAndOnlyTheEdgesRaw() {
        // 2024-01-01 is day 19,723 (= 8 · 2,465 + 3): days 19,723 … 19,732 are 19,723, 19,724–19,727, 19,728–19,731, 19,732.
        PeriodCover c = PeriodCover.of(at("2023-12-31T06:00:00Z"), at("2024-01-11T18:00:00Z"));
        assertThat(c.blocks()).containsExactly(new PeriodCover.Block(0, 19_723), new PeriodCover.Block(2, 19_724 / 4),
                new PeriodCover.Block(2, 19_728 / 4), new PeriodCover.Block(0, 19_732));
        assertThat(c.raw()).containsExactly(new PeriodCover.Raw(at("2023-12-31T06:00:00Z"), at("2024-01-01T00:00:00Z")),
                new PeriodCover.Raw(at("2024-01-11T00:00:00Z"), at("2024-01-11T18:00:00Z")));
    }

    @Test
    void anyPeriodIsCoveredExactlyOnceByFewBlocksWithoutGapsOrOverlaps() {
        Random random = new Random(11);
        Instant base = at("2000-01-01T00:00:00Z");
        for (int run = 0; run < 2_000; run++) {
            Instant from = base.plusSeconds(random.nextInt(20 * 365 * 86_400));
            if (random.nextBoolean()) {
                from = from.truncatedTo(ChronoUnit.DAYS);
            }
            Instant until = from.plusSeconds(1 + random.nextInt(random.nextBoolean() ? 86_400 * 3 : 10 * 366 * 86_400));
            if (random.nextInt(4) == 0) {
                until = until.truncatedTo(ChronoUnit.DAYS).isAfter(from) ? until.truncatedTo(ChronoUnit.DAYS) : until;
            }
            PeriodCover c = PeriodCover.of(from, until);
            List<Instant[]> pieces = new ArrayList<>();
            c.raw().forEach(r -> pieces.add(new Instant[] {r.from(), r.until()}));
            for (PeriodCover.Block b : c.blocks()) {
                long first = Blocks.firstDay(b.level(), b.index());
                pieces.add(new Instant[] {midnight(first), midnight(first + (1L << b.level()))});
            }
            pieces.sort((a, b) -> a[0].compareTo(b[0]));
            Instant cursor = from;
            for (Instant[] p : pieces) {
                assertThat(p[0]).isEqualTo(cursor);
                cursor = p[1];
            }
            assertThat(cursor).isEqualTo(until);
            assertThat(c.raw()).hasSizeLessThanOrEqualTo(2);
            c.raw().forEach(r -> assertThat(Duration.between(r.from(), r.until())).isLessThanOrEqualTo(Duration.ofDays(1)));
            assertThat(c.blocks()).hasSizeLessThanOrEqualTo(26);
        }
    }
}
