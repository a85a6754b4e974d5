package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.time.Quarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterlyKpisTest {

    private static Instant in(YearMonth m, int day) {
        return m.atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static QuarterlyKpis.Row row(Instant at, String priority, boolean counted, long mttr, double revenue) {
        return new QuarterlyKpis.Row(at, priority, counted, 300L, mttr, revenue, 1_000L, 60L);
    }

    @Test
    void aQuarterSumsItsCountedIncidentsImpactAndOutcomesAndComparesWithThePreviousQuarter() {
        Quarter q3 = Quarter.parse("2026-Q3");
        List<QuarterlyKpis.Row> rows = List.of(
                row(in(YearMonth.of(2026, 7), 3), "P1", true, 3_600, 10_000),
                row(in(YearMonth.of(2026, 8), 3), "P2", true, 1_800, 2_500.5),
                row(in(YearMonth.of(2026, 8), 9), "P1", false, 1_800, 99_999), // excluded: counted nowhere
                row(in(YearMonth.of(2026, 4), 3), "P1", true, 7_200, 4_000));
        QuarterlyKpis.Report r = QuarterlyKpis.compute(q3, rows, List.of(
                new QuarterlyKpis.Outcome("customer_retention_rate", "2026-Q3", new BigDecimal("97.1"), "%", "crm"),
                new QuarterlyKpis.Outcome("customer_retention_rate", "2026-07", new BigDecimal("97.4"), "%", "crm")));
        assertThat(r.quarter()).isEqualTo("2026-Q3");
        assertThat(r.total().incidents()).isEqualTo(2);
        assertThat(r.total().excluded()).isEqualTo(1);
        assertThat(r.total().p1()).isEqualTo(1);
        assertThat(r.total().revenueImpact()).isEqualTo(12_500.5);
        assertThat(r.total().customersAffected()).isEqualTo(2_000);
        assertThat(r.total().slaMinutesBreached()).isEqualTo(2.0);
        assertThat(r.total().outcomes()).containsEntry("customer_retention_rate", new BigDecimal("97.1"));
        assertThat(r.months()).extracting(QuarterlyKpis.Kpis::period).containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(r.months().get(0).outcomes()).containsEntry("customer_retention_rate", new BigDecimal("97.4"));
        assertThat(r.previousQuarters()).extracting(QuarterlyKpis.Kpis::period).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        // Q2: one incident, MTTR 7,200 s; Q3: mean 2,700 s → −62.5 %; incidents 1 → 2: +100 %.
        assertThat(r.changeFromPreviousQuarter()).containsEntry("incidents", 100.0).containsEntry("mttrMeanSeconds", -62.5);
        assertThat(r.units()).containsEntry("customer_retention_rate", "%");
    }

    @Test
    void outcomesThatMoveAgainstIncidentsMonthByMonthShowANegativeRelation() {
        Quarter q4 = Quarter.parse("2026-Q4");
        List<QuarterlyKpis.Row> rows = new ArrayList<>();
        List<QuarterlyKpis.Outcome> outcomes = new ArrayList<>();
        YearMonth m = YearMonth.of(2026, 1);
        for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
            int incidents = 1 + i % 4;
            for (int n = 0; n < incidents; n++) {
                rows.add(row(in(m, 1 + n), "P2", true, 1_800, 1_000));
            }
            // Retention falls by 0.5 point per incident of the month: perfectly anti-correlated.
            outcomes.add(new QuarterlyKpis.Outcome("customer_retention_rate", m.toString(), BigDecimal.valueOf(99 - 0.5 * incidents), "%", "crm"));
        }
        QuarterlyKpis.Report r = QuarterlyKpis.compute(q4, rows, outcomes);
        QuarterlyKpis.Relation byVolume = r.relations().stream().filter(x -> x.kpi().equals("incidents")).findFirst().orElseThrow();
        assertThat(byVolume.outcome()).isEqualTo("customer_retention_rate");
        assertThat(byVolume.months()).isEqualTo(12);
        assertThat(byVolume.correlation()).isEqualTo(-1.0);
        // MTTR is the same every month: no variation, no relation claimed.
        assertThat(r.relations().stream().filter(x -> x.kpi().equals("mttrMeanSeconds")).findFirst().orElseThrow().correlation()).isNull();
    }

    @Test
    void fewerThanThreeMonthsOfBothFiguresClaimNoRelation() {
        assertThat(QuarterlyKpis.pearson(List.of(new double[] {1, 2}, new double[] {2, 4}))).isNull();
        assertThat(QuarterlyKpis.pearson(List.of(new double[] {1, 2}, new double[] {2, 4}, new double[] {3, 6}))).isEqualTo(1.0);
    }
}
